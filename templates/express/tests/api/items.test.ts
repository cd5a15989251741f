import request from "supertest";
import { beforeEach, describe, expect, it } from "vitest";
import { API_PREFIX } from "../../src/config/paths.js";
import { signUp, useTestApp } from "../helpers/app.js";

describe("items", () => {
  const context = useTestApp();
  let ada: Record<string, string>;

  beforeEach(async () => {
    ada = await signUp(context.app, "ada@example.com");
  });

  const create = (headers: Record<string, string>, body: object) =>
    request(context.app).post(`${API_PREFIX}/items`).set(headers).send(body);

  it("creates, reads, updates and deletes an item", async () => {
    const created = await create(ada, { name: "Lamp", price_cents: 1999 }).expect(201);
    expect(created.body).toMatchObject({ name: "Lamp", description: null, price_cents: 1999 });
    const url = `${API_PREFIX}/items/${created.body.id}`;

    await request(context.app).get(url).set(ada).expect(200);
    const updated = await request(context.app)
      .patch(url)
      .set(ada)
      .send({ description: "Warm light" })
      .expect(200);
    expect(updated.body).toMatchObject({
      name: "Lamp",
      description: "Warm light",
      price_cents: 1999,
    });

    await request(context.app).delete(url).set(ada).expect(204);
    await request(context.app).get(url).set(ada).expect(404);
  });

  it("pages through the caller's items with the total", async () => {
    for (const name of ["a", "b", "c"]) await create(ada, { name, price_cents: 1 }).expect(201);
    const response = await request(context.app)
      .get(`${API_PREFIX}/items?limit=2&offset=2`)
      .set(ada)
      .expect(200);
    expect(response.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(response.body.items.map((item: { name: string }) => item.name)).toEqual(["c"]);
  });

  it("keeps items private to their owner, visible to admins", async () => {
    const item = await create(ada, { name: "mine", price_cents: 1 }).expect(201);
    const bob = await signUp(context.app, "bob@example.com");
    const admin = await signUp(context.app, "root@example.com", { admin: true, db: context.db });
    const url = `${API_PREFIX}/items/${item.body.id}`;
    await request(context.app).get(url).set(bob).expect(404);
    await request(context.app).patch(url).set(bob).send({ name: "theirs" }).expect(404);
    expect((await request(context.app).get(`${API_PREFIX}/items`).set(bob)).body.total).toBe(0);
    await request(context.app).get(url).set(admin).expect(200);
    expect((await request(context.app).get(`${API_PREFIX}/items`).set(admin)).body.total).toBe(1);
  });

  it("rejects invalid input with 422", async () => {
    await create(ada, { name: "", price_cents: -1 }).expect(422);
    await request(context.app).get(`${API_PREFIX}/items?limit=500`).set(ada).expect(422);
    await request(context.app).get(`${API_PREFIX}/items/abc`).set(ada).expect(422);
    const item = await create(ada, { name: "Lamp", price_cents: 1 }).expect(201);
    const response = await request(context.app)
      .patch(`${API_PREFIX}/items/${item.body.id}`)
      .set(ada)
      .send({ name: null })
      .expect(422);
    expect(response.body.error.details[0].loc).toEqual(["body", "name"]);
  });
});
