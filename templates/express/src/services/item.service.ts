import type { Id, Page, PageQuery } from "../models/common.model.js";
import type { Item, ItemCreate, ItemUpdate } from "../models/item.model.js";
import type { Principal } from "../models/user.model.js";
import {
  type ItemChanges,
  type ItemRepository,
  OwnerNotFoundError,
} from "../repositories/item.repository.js";
import { BearerTokenError, NotFoundError } from "../utils/errors.js";

/** Items belong to their owner; admins see and change every item. */
export class ItemService {
  constructor(private readonly items: ItemRepository) {}

  list(principal: Principal, page: PageQuery): Promise<Page<Item>> {
    return this.items.list(principal.role === "admin" ? {} : { ownerId: principal.id }, page);
  }

  async create(principal: Principal, data: ItemCreate): Promise<Item> {
    try {
      return await this.items.create({
        name: data.name,
        description: data.description ?? null,
        priceCents: data.price_cents,
        ownerId: principal.id,
      });
    } catch (error) {
      // The token outlived its account: answer as for any token that is no longer valid.
      if (error instanceof OwnerNotFoundError) throw new BearerTokenError();
      throw error;
    }
  }

  /** The item if `principal` may see it; otherwise 404, so the ids of others' items are not revealed. */
  async get(principal: Principal, id: Id): Promise<Item> {
    const item = await this.items.findById(id);
    if (!item || (item.ownerId !== principal.id && principal.role !== "admin")) {
      throw new NotFoundError("Item not found");
    }
    return item;
  }

  async update(principal: Principal, id: Id, data: ItemUpdate): Promise<Item> {
    const item = await this.get(principal, id);
    const changes: ItemChanges = {};
    if (data.name !== undefined) changes.name = data.name;
    if (data.description !== undefined) changes.description = data.description;
    if (data.price_cents !== undefined) changes.priceCents = data.price_cents;
    if (Object.keys(changes).length === 0) return item;
    const updated = await this.items.update(id, changes);
    if (!updated) throw new NotFoundError("Item not found");
    return updated;
  }

  async delete(principal: Principal, id: Id): Promise<void> {
    await this.get(principal, id);
    await this.items.delete(id);
  }
}
