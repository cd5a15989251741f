import { defineConfig } from "drizzle-kit";

// `make migration name=add_column` writes the SQL for model changes into migrations/; `make migrate` applies it.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/models/index.ts",
  out: "./migrations",
});
