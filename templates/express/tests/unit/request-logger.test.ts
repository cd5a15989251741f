import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { requestLogger } from "../../src/middleware/request-logger.js";
import { createLogger } from "../../src/utils/logger.js";

function appLoggingTo(lines: string[]) {
  const logger = createLogger("info", { write: (line: string) => lines.push(line) });
  return express()
    .use(requestLogger(logger))
    .get("/", (_req, res) => {
      res.send("ok");
    });
}

describe("requestLogger", () => {
  it("writes one JSON line per request with the request id of the response", async () => {
    const lines: string[] = [];
    const response = await request(appLoggingTo(lines))
      .get("/")
      .set("Authorization", "Bearer secret");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "");
    expect(entry).toMatchObject({ level: "info", request_id: response.headers["x-request-id"] });
    expect(entry.res.status).toBe(200);
    expect(lines[0]).not.toContain("secret");
  });

  it("keeps a well-formed X-Request-ID and replaces a malformed one", async () => {
    const app = appLoggingTo([]);
    const kept = await request(app).get("/").set("X-Request-ID", "abc-123");
    const replaced = await request(app).get("/").set("X-Request-ID", "not a valid id!");
    expect(kept.headers["x-request-id"]).toBe("abc-123");
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
