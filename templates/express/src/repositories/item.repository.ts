import { asc, count, eq, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.js";
import type { Page, PageQuery } from "../models/common.model.js";
import { type Item, items, type NewItem } from "../models/item.model.js";

export type ItemChanges = Partial<Pick<NewItem, "name" | "description" | "priceCents">>;

export interface ItemRepository {
  create(item: NewItem): Promise<Item>;
  findById(id: number): Promise<Item | undefined>;
  /** A page of items, only `ownerId`'s when given, with the total across all pages. */
  list(filter: { ownerId?: number }, page: PageQuery): Promise<Page<Item>>;
  update(id: number, changes: ItemChanges): Promise<Item | undefined>;
  delete(id: number): Promise<boolean>;
}

export class DrizzleItemRepository implements ItemRepository {
  constructor(private readonly db: Database) {}

  async create(item: NewItem): Promise<Item> {
    const [created] = await this.db.insert(items).values(item).returning();
    if (!created) throw new Error("INSERT … RETURNING returned no row");
    return created;
  }

  async findById(id: number): Promise<Item | undefined> {
    const [item] = await this.db.select().from(items).where(eq(items.id, id));
    return item;
  }

  async list({ ownerId }: { ownerId?: number }, { limit, offset }: PageQuery): Promise<Page<Item>> {
    const where: SQL | undefined = ownerId === undefined ? undefined : eq(items.ownerId, ownerId);
    const [rows, [counted]] = await Promise.all([
      this.db.select().from(items).where(where).orderBy(asc(items.id)).limit(limit).offset(offset),
      this.db.select({ total: count() }).from(items).where(where),
    ]);
    return { items: rows, total: counted?.total ?? 0 };
  }

  async update(id: number, changes: ItemChanges): Promise<Item | undefined> {
    const [item] = await this.db.update(items).set(changes).where(eq(items.id, id)).returning();
    return item;
  }

  async delete(id: number): Promise<boolean> {
    const deleted = await this.db.delete(items).where(eq(items.id, id)).returning({ id: items.id });
    return deleted.length > 0;
  }
}
