import { readFileSync } from "node:fs";

interface PackageJson {
  name: string;
  description: string;
  version: string;
}

// package.json is the one place for the service's name, description and version (the same path from src/ and dist/).
export const PROJECT: PackageJson = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
);
