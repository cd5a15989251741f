import request from "supertest";
import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../helpers/app.js";

describe("users (admin)", () => {
  const context = useTestApp();

  it("forbids the user list to a plain user", async () => {
    const headers = await signUp(context.app, "ada@example.com");
    const response = await request(context.app).get("/api/v1/users").set(headers).expect(403);
    expect(response.body.error.code).toBe("forbidden");
  });

  it("lists users to an admin, paginated with the total", async () => {
    await signUp(context.app, "ada@example.com");
    const admin = await signUp(context.app, "root@example.com", { admin: true, db: context.db });
    const response = await request(context.app)
      .get("/api/v1/users?limit=1&offset=1")
      .set(admin)
      .expect(200);
    expect(response.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(response.body.items.map((u: { email: string }) => u.email)).toEqual([
      "root@example.com",
    ]);
  });

  it("deletes a user and their items", async () => {
    const ada = await signUp(context.app, "ada@example.com");
    await request(context.app).post("/api/v1/items").set(ada).send({ name: "a", price_cents: 1 });
    const admin = await signUp(context.app, "root@example.com", { admin: true, db: context.db });
    await request(context.app).delete("/api/v1/users/1").set(admin).expect(204);
    await request(context.app).delete("/api/v1/users/1").set(admin).expect(404);
    const items = await request(context.app).get("/api/v1/items").set(admin).expect(200);
    expect(items.body.total).toBe(0);
  });
});
