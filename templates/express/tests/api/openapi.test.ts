import { readFileSync } from "node:fs";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createApp } from "../../src/app.js";
import type { Database } from "../../src/db/client.js";
import { testConfig } from "../helpers/app.js";

describe("OpenAPI", () => {
  const app = createApp({ config: testConfig(), db: {} as Database });

  it("serves the document committed in openapi.yaml (run `make openapi` after changing the API)", async () => {
    const committed = parse(readFileSync(new URL("../../openapi.yaml", import.meta.url), "utf8"));
    const response = await request(app).get("/openapi.json").expect(200);
    expect(response.body).toEqual(committed);
  });

  it("serves Swagger UI", async () => {
    const response = await request(app).get("/docs/").expect(200);
    expect(response.text).toContain("swagger-ui");
  });
});
