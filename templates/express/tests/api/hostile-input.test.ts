import request from "supertest";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import type { Database } from "../../src/db/client.js";
import { signUp, testConfig, useTestApp } from "../helpers/app.js";

// Sends a Buffer byte for byte (superagent would serialize it as JSON; its types expect a string).
const raw = (bytes: Buffer) => bytes as unknown as string;

/** The status, and the one error format with the request id of the response. */
function expectError(response: request.Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({
    error: expect.objectContaining({
      code: expect.any(String),
      message: expect.any(String),
      request_id: response.headers["x-request-id"],
    }),
  });
}

describe("hostile input gets a 4xx in the error format, never a 5xx", () => {
  const context = useTestApp();
  let ada: Record<string, string>;

  beforeEach(async () => {
    ada = await signUp(context.app, "ada@example.com");
  });

  const postItem = () =>
    request(context.app).post("/api/v1/items").set(ada).set("Content-Type", "application/json");

  it("refuses ids beyond the database's integer range", async () => {
    for (const id of ["2147483648", "99999999999999999999"]) {
      expectError(await request(context.app).get(`/api/v1/items/${id}`).set(ada), 422);
      expectError(await request(context.app).delete(`/api/v1/items/${id}`).set(ada), 422);
    }
    const admin = await signUp(context.app, "root@example.com", { admin: true, db: context.db });
    expectError(await request(context.app).delete("/api/v1/users/2147483648").set(admin), 422);
  });

  it("refuses offsets and limits beyond int64", async () => {
    for (const query of ["offset=9223372036854775808", "limit=9223372036854775808"]) {
      expectError(await request(context.app).get(`/api/v1/items?${query}`).set(ada), 422);
    }
  });

  it("refuses a NUL character in any string, which PostgreSQL text cannot store", async () => {
    expectError(await postItem().send('{"name": "a\\u0000b", "price_cents": 1}'), 400);
    const register = await request(context.app)
      .post("/api/v1/auth/register")
      .send({ email: "bob@example.com", password: "long-enough", full_name: "B\u0000b" });
    expectError(register, 400);
    // An escaped backslash followed by "u0000" is six plain characters.
    const literal = await postItem().send('{"name": "a\\\\u0000", "price_cents": 1}').expect(201);
    expect(literal.body.name).toBe("a\\u0000");
  });

  it("answers 3,000-deep JSON, even to the anonymous login, with a 4xx", async () => {
    const deep = `${"[".repeat(3000)}${"]".repeat(3000)}`;
    const login = request(context.app).post("/api/v1/auth/login");
    expectError(await login.set("Content-Type", "application/json").send(deep), 422);
    expectError(await postItem().send(`{"name": ${deep}, "price_cents": 1}`), 422);
  });

  it("refuses invalid UTF-8 with 400 instead of storing U+FFFD", async () => {
    const body = Buffer.from('{"name": "a\xff", "price_cents": 1}', "latin1");
    expectError(await postItem().serialize(raw).send(body), 400);
    expect((await request(context.app).get("/api/v1/items").set(ada)).body.total).toBe(0);
  });

  it("answers a JSON body in another charset than UTF-8 with 415", async () => {
    const utf16 = Buffer.from('{"name": "a", "price_cents": 1}', "utf16le");
    const response = await postItem()
      .set("Content-Type", "application/json; charset=utf-16")
      .serialize(raw)
      .send(utf16);
    expectError(response, 415);
  });

  it("answers a method the path does not serve with 405 and Allow", async () => {
    const response = await request(context.app).put("/api/v1/items").set(ada);
    expectError(response, 405);
    expect(response.headers.allow).toBe("GET, HEAD, POST");
    expect((await request(context.app).post("/health")).headers.allow).toBe("GET, HEAD");
  });
});

describe("the body size cap (MAX_BODY_BYTES)", () => {
  // The cap applies before the handler: no database is reached.
  const app = createApp({ config: testConfig({ MAX_BODY_BYTES: "1024" }), db: {} as Database });

  it("answers a body over the cap with 413", async () => {
    const response = await request(app)
      .post("/api/v1/auth/register")
      .send({ email: "ada@example.com", password: "x".repeat(2000) });
    expectError(response, 413);
    expect(response.body.error.message).toBe("Request body is larger than 1024 bytes");
  });

  it("reads a body under the cap", async () => {
    const response = await request(app).post("/api/v1/auth/register").send({ email: "no" });
    expectError(response, 422);
  });
});
