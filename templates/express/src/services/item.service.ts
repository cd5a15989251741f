import type { Page, PageQuery } from "../models/common.model.js";
import type { Item, ItemCreate, ItemUpdate } from "../models/item.model.js";
import type { User } from "../models/user.model.js";
import type { ItemChanges, ItemRepository } from "../repositories/item.repository.js";
import { NotFoundError } from "../utils/errors.js";

/** Items belong to their owner; admins see and change every item. */
export class ItemService {
  constructor(private readonly items: ItemRepository) {}

  list(user: User, page: PageQuery): Promise<Page<Item>> {
    return this.items.list(user.role === "admin" ? {} : { ownerId: user.id }, page);
  }

  create(user: User, data: ItemCreate): Promise<Item> {
    return this.items.create({
      name: data.name,
      description: data.description ?? null,
      priceCents: data.price_cents,
      ownerId: user.id,
    });
  }

  /** The item if `user` may see it; otherwise 404, so the ids of others' items are not revealed. */
  async get(user: User, id: number): Promise<Item> {
    const item = await this.items.findById(id);
    if (!item || (item.ownerId !== user.id && user.role !== "admin")) {
      throw new NotFoundError("Item not found");
    }
    return item;
  }

  async update(user: User, id: number, data: ItemUpdate): Promise<Item> {
    const item = await this.get(user, id);
    const changes: ItemChanges = {};
    if (data.name !== undefined) changes.name = data.name;
    if (data.description !== undefined) changes.description = data.description;
    if (data.price_cents !== undefined) changes.priceCents = data.price_cents;
    if (Object.keys(changes).length === 0) return item;
    const updated = await this.items.update(id, changes);
    if (!updated) throw new NotFoundError("Item not found");
    return updated;
  }

  async delete(user: User, id: number): Promise<void> {
    await this.get(user, id);
    await this.items.delete(id);
  }
}
