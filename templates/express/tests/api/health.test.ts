import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { HEALTH_PATH, READY_PATH } from "../../src/config/paths.js";
import type { Database } from "../../src/db/client.js";
import { testConfig, useTestApp } from "../helpers/app.js";

describe("health probes", () => {
  const context = useTestApp();

  it(`answers ${HEALTH_PATH} with security headers and a request id`, async () => {
    const response = await request(context.app).get(HEALTH_PATH).expect(200);
    expect(response.body).toEqual({ status: "ok" });
    expect(response.headers["x-request-id"]).toBeTruthy();
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-powered-by"]).toBeUndefined();
  });

  it(`answers ${READY_PATH} when the database does`, async () => {
    await request(context.app).get(READY_PATH).expect(200, { status: "ok" });
  });

  it(`answers 503 from ${READY_PATH} when the database does not`, async () => {
    const down = {
      execute: () => Promise.reject(new Error("connection refused")),
    } as unknown as Database;
    const response = await request(createApp({ config: testConfig(), db: down })).get(READY_PATH);
    expect(response.status).toBe(503);
    expect(response.body.error).toMatchObject({ code: "service_unavailable" });
  });

  it("allows the configured CORS origins only", async () => {
    const allowed = await request(context.app)
      .get(HEALTH_PATH)
      .set("Origin", "http://localhost:3000");
    const other = await request(context.app).get(HEALTH_PATH).set("Origin", "http://evil.test");
    expect(allowed.headers["access-control-allow-origin"]).toBe("http://localhost:3000");
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
