import { createSigner } from "fast-jwt";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { API_PREFIX } from "../../src/config/paths.js";
import { PASSWORD, register, testConfig, useTestApp } from "../helpers/app.js";

/** A token of user `sub` with `claims`, valid for a minute, signed with `secret` (the app's by default). */
function token(sub: string, claims: Record<string, unknown>, secret = testConfig().jwt.secret) {
  return createSigner({ key: secret, sub, expiresIn: "1m" })(claims);
}

describe("auth", () => {
  const context = useTestApp();

  it("registers a user without exposing the password hash", async () => {
    const response = await request(context.app)
      .post(`${API_PREFIX}/auth/register`)
      .send({ email: "Ada@Example.com", password: PASSWORD, full_name: "Ada" })
      .expect(201);
    expect(response.body).toMatchObject({
      email: "ada@example.com",
      full_name: "Ada",
      role: "user",
    });
    expect(response.body).not.toHaveProperty("password_hash");
  });

  it("answers 409 for an email that is taken", async () => {
    await register(context.app, "ada@example.com");
    const response = await request(context.app)
      .post(`${API_PREFIX}/auth/register`)
      .send({ email: "ada@example.com", password: PASSWORD })
      .expect(409);
    expect(response.body.error.code).toBe("conflict");
  });

  it("answers 422 listing each invalid field", async () => {
    const response = await request(context.app)
      .post(`${API_PREFIX}/auth/register`)
      .send({ email: "not-an-email", password: "short" })
      .expect(422);
    expect(response.body.error.code).toBe("validation_error");
    const fields = response.body.error.details.map((d: { loc: string[] }) => d.loc.join("."));
    expect(fields).toEqual(["body.email", "body.password"]);
  });

  it("logs in and reads the current user with the token", async () => {
    await register(context.app, "ada@example.com");
    const login = await request(context.app)
      .post(`${API_PREFIX}/auth/login`)
      .send({ email: "ada@example.com", password: PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({
      token_type: "bearer",
      expires_in: testConfig().jwt.expiresInSeconds,
    });
    const me = await request(context.app)
      .get(`${API_PREFIX}/users/me`)
      .set("Authorization", `Bearer ${login.body.access_token}`)
      .expect(200);
    expect(me.body.email).toBe("ada@example.com");
  });

  it("answers 401 for a wrong password", async () => {
    await register(context.app, "ada@example.com");
    const response = await request(context.app)
      .post(`${API_PREFIX}/auth/login`)
      .send({ email: "ada@example.com", password: "wrong-password" })
      .expect(401);
    expect(response.body.error.message).toBe("Incorrect email or password");
  });

  it("answers 401 without a token or with a bad one", async () => {
    const missing = await request(context.app).get(`${API_PREFIX}/users/me`).expect(401);
    expect(missing.headers["www-authenticate"]).toBe("Bearer");
    expect(missing.body.error.message).toBe("Not authenticated");
    const invalid = await request(context.app)
      .get(`${API_PREFIX}/users/me`)
      .set("Authorization", "Bearer not-a-token")
      .expect(401);
    expect(invalid.headers["www-authenticate"]).toBe("Bearer");
    expect(invalid.body.error.message).toBe("Invalid or expired token");
  });

  it("answers 401 to a forged token or one without a known role", async () => {
    const ada = String((await register(context.app, "ada@example.com")).id);
    const tokens = [
      token(ada, { role: "admin" }, "another-secret-that-is-long-enough-for-hs256"),
      token(ada, {}),
      token(ada, { role: "root" }),
    ];
    for (const bad of tokens) {
      const response = await request(context.app)
        .get(`${API_PREFIX}/items`)
        .set("Authorization", `Bearer ${bad}`)
        .expect(401);
      expect(response.body.error).toMatchObject({
        code: "unauthorized",
        message: "Invalid or expired token",
      });
    }
    // The same claims, signed with the app's secret, are accepted.
    await request(context.app)
      .get(`${API_PREFIX}/items`)
      .set("Authorization", `Bearer ${token(ada, { role: "user" })}`)
      .expect(200);
  });
});
