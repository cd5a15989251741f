import { beforeEach, describe, expect, it } from "vitest";
import type { Principal } from "../../src/models/user.model.js";
import { ItemService } from "../../src/services/item.service.js";
import { BearerTokenError, NotFoundError } from "../../src/utils/errors.js";
import { FakeItemRepository, FakeUserRepository, fakeId } from "../fakes/repositories.js";

describe("ItemService", () => {
  const ada: Principal = { id: fakeId(1), role: "user" };
  const bob: Principal = { id: fakeId(2), role: "user" };
  const admin: Principal = { id: fakeId(3), role: "admin" };
  let items: ItemService;

  beforeEach(() => {
    items = new ItemService(new FakeItemRepository());
  });

  it("lists only the caller's items, and every item for an admin", async () => {
    await items.create(ada, { name: "a", price_cents: 1 });
    await items.create(bob, { name: "b", price_cents: 2 });
    const page = { limit: 20, offset: 0 };
    expect((await items.list(ada, page)).items.map((item) => item.name)).toEqual(["a"]);
    expect((await items.list(admin, page)).total).toBe(2);
  });

  it("hides another user's item behind a 404", async () => {
    const item = await items.create(ada, { name: "a", price_cents: 1 });
    await expect(items.get(bob, item.id)).rejects.toThrow(NotFoundError);
    await expect(items.delete(bob, item.id)).rejects.toThrow(NotFoundError);
    await expect(items.get(admin, item.id)).resolves.toEqual(item);
  });

  it("changes only the fields sent", async () => {
    const item = await items.create(ada, { name: "a", description: "kept", price_cents: 1 });
    const updated = await items.update(ada, item.id, { price_cents: 5 });
    expect(updated).toMatchObject({ name: "a", description: "kept", priceCents: 5 });
    await expect(items.update(ada, item.id, {})).resolves.toMatchObject({ priceCents: 5 });
    await expect(
      items.update(ada, item.id, { name: "b", description: null }),
    ).resolves.toMatchObject({
      name: "b",
      description: null,
    });
  });

  it("deletes an item", async () => {
    const item = await items.create(ada, { name: "a", price_cents: 1 });
    await items.delete(ada, item.id);
    await expect(items.get(ada, item.id)).rejects.toThrow("Item not found");
  });

  it("answers a principal whose account is gone like an invalid token", async () => {
    const users = new FakeUserRepository();
    const owner = await users.create({ email: "ada@example.com", passwordHash: "unused" });
    const service = new ItemService(new FakeItemRepository(users));
    await service.create(owner, { name: "a", price_cents: 1 });
    await users.delete(owner.id);
    await expect(service.create(owner, { name: "b", price_cents: 1 })).rejects.toThrow(
      BearerTokenError,
    );
  });
});
