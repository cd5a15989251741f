import request from "supertest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { API_PREFIX } from "../../src/config/paths.js";
import { DrizzleUserRepository } from "../../src/repositories/user.repository.js";
import { PASSWORD, useTestApp } from "../helpers/app.js";

describe("the one error format", () => {
  const context = useTestApp();

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers unknown routes with 404", async () => {
    const response = await request(context.app)
      .get("/nope")
      .set("X-Request-ID", "req-1")
      .expect(404);
    expect(response.body).toEqual({
      error: { code: "not_found", message: "No route for GET /nope", request_id: "req-1" },
    });
  });

  it("answers malformed JSON with 400", async () => {
    const response = await request(context.app)
      .post(`${API_PREFIX}/auth/login`)
      .set("Content-Type", "application/json")
      .send("{not json")
      .expect(400);
    expect(response.body.error.message).toBe("Malformed JSON body");
  });

  it("hides the cause of unexpected errors behind a 500", async () => {
    vi.spyOn(DrizzleUserRepository.prototype, "findByEmail").mockRejectedValue(
      new Error("db exploded"),
    );
    const response = await request(context.app)
      .post(`${API_PREFIX}/auth/login`)
      .send({ email: "ada@example.com", password: PASSWORD })
      .expect(500);
    expect(response.body.error).toEqual({
      code: "internal_server_error",
      message: "Internal server error",
      request_id: response.headers["x-request-id"],
    });
  });
});
