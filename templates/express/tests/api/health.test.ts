import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import type { Database } from "../../src/db/client.js";
import { testConfig, useTestApp } from "../helpers/app.js";

describe("health probes", () => {
  const context = useTestApp();

  it("answers /health with security headers and a request id", async () => {
    const response = await request(context.app).get("/health").expect(200);
    expect(response.body).toEqual({ status: "ok" });
    expect(response.headers["x-request-id"]).toBeTruthy();
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-powered-by"]).toBeUndefined();
  });

  it("answers /ready when the database does", async () => {
    await request(context.app).get("/ready").expect(200, { status: "ok" });
  });

  it("answers 503 from /ready when the database does not", async () => {
    const down = {
      execute: () => Promise.reject(new Error("connection refused")),
    } as unknown as Database;
    const response = await request(createApp({ config: testConfig(), db: down })).get("/ready");
    expect(response.status).toBe(503);
    expect(response.body.error).toMatchObject({ code: "service_unavailable" });
  });

  it("allows the configured CORS origins only", async () => {
    const allowed = await request(context.app)
      .get("/health")
      .set("Origin", "http://localhost:3000");
    const other = await request(context.app).get("/health").set("Origin", "http://evil.test");
    expect(allowed.headers["access-control-allow-origin"]).toBe("http://localhost:3000");
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
