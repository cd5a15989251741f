import { asc, count, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import type { Page, PageQuery } from "../models/common.model.js";
import { type Item, items, type NewItem } from "../models/item.model.js";
import { isForeignKeyViolation } from "./errors.js";

export type ItemChanges = Partial<Pick<NewItem, "name" | "description" | "priceCents">>;

export class OwnerNotFoundError extends Error {
  override name = "OwnerNotFoundError";
}

export interface ItemRepository {
  /** Throws OwnerNotFoundError when the owner does not exist (any more). */
  create(item: NewItem): Promise<Item>;
  findById(id: number): Promise<Item | undefined>;
  /** A page of items, only `ownerId`'s when given, with the total across all pages. */
  list(filter: { ownerId?: number }, page: PageQuery): Promise<Page<Item>>;
  update(id: number, changes: ItemChanges): Promise<Item | undefined>;
  delete(id: number): Promise<boolean>;
}

/**
 * The page and total queries of the list, of every item or of one owner's. Listing is the hot path:
 * built once, and named, so Postgres parses and plans them once per connection.
 */
function listStatements(db: Database, scope: "all" | "owned") {
  const where = scope === "owned" ? eq(items.ownerId, sql.placeholder("ownerId")) : undefined;
  return {
    page: db
      .select()
      .from(items)
      .where(where)
      .orderBy(asc(items.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare(`items_page_${scope}`),
    total: db.select({ total: count() }).from(items).where(where).prepare(`items_total_${scope}`),
  };
}

export class DrizzleItemRepository implements ItemRepository {
  // Built on first use: creating the app does not need a usable database.
  #list?: Record<"all" | "owned", ReturnType<typeof listStatements>>;

  constructor(private readonly db: Database) {}

  async create(item: NewItem): Promise<Item> {
    try {
      const [created] = await this.db.insert(items).values(item).returning();
      if (!created) throw new Error("INSERT … RETURNING returned no row");
      return created;
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new OwnerNotFoundError(String(item.ownerId));
      throw error;
    }
  }

  async findById(id: number): Promise<Item | undefined> {
    const [item] = await this.db.select().from(items).where(eq(items.id, id));
    return item;
  }

  async list({ ownerId }: { ownerId?: number }, { limit, offset }: PageQuery): Promise<Page<Item>> {
    this.#list ??= { all: listStatements(this.db, "all"), owned: listStatements(this.db, "owned") };
    const { page, total } = this.#list[ownerId === undefined ? "all" : "owned"];
    // On separate pool connections, the two queries run at the same time.
    const [rows, [counted]] = await Promise.all([
      page.execute({ ownerId, limit, offset }),
      total.execute({ ownerId }),
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
