import request from "supertest";
import { describe, expect, it } from "vitest";
import { API_PREFIX } from "../../src/config/paths.js";
import { logIn, promoteToAdmin, register, signUp, useTestApp } from "../helpers/app.js";

describe("users (admin)", () => {
  const context = useTestApp();

  it("forbids the user list to a plain user", async () => {
    const headers = await signUp(context.app, "ada@example.com");
    const response = await request(context.app).get(`${API_PREFIX}/users`).set(headers).expect(403);
    expect(response.body.error.code).toBe("forbidden");
  });

  it("lists users to an admin, paginated with the total", async () => {
    await signUp(context.app, "ada@example.com");
    const admin = await signUp(context.app, "root@example.com", { admin: true, db: context.db });
    const response = await request(context.app)
      .get(`${API_PREFIX}/users?limit=1&offset=1`)
      .set(admin)
      .expect(200);
    expect(response.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(response.body.items.map((u: { email: string }) => u.email)).toEqual([
      "root@example.com",
    ]);
  });

  it("deletes a user and their items", async () => {
    const { id } = await register(context.app, "ada@example.com");
    const ada = await logIn(context.app, "ada@example.com");
    await request(context.app)
      .post(`${API_PREFIX}/items`)
      .set(ada)
      .send({ name: "a", price_cents: 1 });
    const admin = await signUp(context.app, "root@example.com", { admin: true, db: context.db });
    await request(context.app).delete(`${API_PREFIX}/users/${id}`).set(admin).expect(204);
    await request(context.app).delete(`${API_PREFIX}/users/${id}`).set(admin).expect(404);
    const items = await request(context.app).get(`${API_PREFIX}/items`).set(admin).expect(200);
    expect(items.body.total).toBe(0);
  });

  it("answers a deleted user's token like an invalid one where the account is needed", async () => {
    const { id } = await register(context.app, "ada@example.com");
    const ada = await logIn(context.app, "ada@example.com");
    const admin = await signUp(context.app, "root@example.com", { admin: true, db: context.db });
    await request(context.app).delete(`${API_PREFIX}/users/${id}`).set(admin).expect(204);
    const invalid = await request(context.app)
      .get(`${API_PREFIX}/users/me`)
      .set("Authorization", "Bearer not-a-token")
      .expect(401);
    const me = await request(context.app).get(`${API_PREFIX}/users/me`).set(ada).expect(401);
    const created = await request(context.app)
      .post(`${API_PREFIX}/items`)
      .set(ada)
      .send({ name: "a", price_cents: 1 })
      .expect(401);
    for (const response of [me, created]) {
      expect(response.headers["www-authenticate"]).toBe("Bearer");
      expect({ ...response.body.error, request_id: "" }).toEqual({
        ...invalid.body.error,
        request_id: "",
      });
    }
  });

  it("applies a promotion to admin from the next login", async () => {
    const before = await signUp(context.app, "ada@example.com");
    await promoteToAdmin(context.db, "ada@example.com");
    await request(context.app).get(`${API_PREFIX}/users`).set(before).expect(403);
    const me = await request(context.app).get(`${API_PREFIX}/users/me`).set(before).expect(200);
    expect(me.body.role).toBe("admin");
    const after = await logIn(context.app, "ada@example.com");
    await request(context.app).get(`${API_PREFIX}/users`).set(after).expect(200);
  });
});
