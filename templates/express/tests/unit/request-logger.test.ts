import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { requestLogger } from "../../src/middleware/request-logger.js";
import { createLogger } from "../../src/utils/logger.js";

function appLoggingTo(lines: string[]) {
  const logger = createLogger("info", { write: (line: string) => lines.push(line) });
  return express()
    .use(requestLogger(logger))
    .use(
      "/api",
      express.Router().get("/items", (req, res) => {
        req.log.info({ req }, "handled");
        res.send("ok");
      }),
    );
}

describe("requestLogger", () => {
  it("writes one JSON line per request, and tags the handler's lines, with the request id", async () => {
    const lines: string[] = [];
    const response = await request(appLoggingTo(lines))
      .get("/api/items")
      .set("Authorization", "Bearer secret");
    const [handled, access] = lines.map((line) => JSON.parse(line));
    const request_id = response.headers["x-request-id"];
    expect(lines).toHaveLength(2);
    expect(handled).toMatchObject({
      request_id,
      req: { method: "GET", url: "/api/items" },
      msg: "handled",
    });
    expect(access).toEqual({
      level: "info",
      time: expect.any(String),
      pid: process.pid,
      hostname: expect.any(String),
      request_id,
      req: { method: "GET", url: "/api/items" },
      res: { status: 200 },
      responseTime: expect.any(Number),
      msg: "request completed",
    });
    expect(lines.join("")).not.toContain("secret");
  });

  it("keeps a well-formed X-Request-ID and replaces a malformed one", async () => {
    const app = appLoggingTo([]);
    const kept = await request(app).get("/api/items").set("X-Request-ID", "abc-123");
    const replaced = await request(app).get("/api/items").set("X-Request-ID", "not a valid id!");
    expect(kept.headers["x-request-id"]).toBe("abc-123");
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
