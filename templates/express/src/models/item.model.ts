import { index, integer, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { z } from "zod";
import { Id, page } from "./common.model.js";
import { users } from "./user.model.js";

export const items = pgTable(
  "items",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: varchar({ length: 100 }).notNull(),
    description: text(),
    priceCents: integer("price_cents").notNull(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [index("items_owner_id_idx").on(table.ownerId)],
);

export type Item = typeof items.$inferSelect;
export type NewItem = typeof items.$inferInsert;

const name = z.string().min(1).max(100);
const description = z.string().max(1000).nullable();
const priceCents = z.int().min(0).max(100_000_000).meta({ description: "Price in cents" });

export const ItemCreate = z
  .object({ name, description: description.optional(), price_cents: priceCents })
  .meta({ id: "ItemCreate" });
export type ItemCreate = z.infer<typeof ItemCreate>;

export const ItemUpdate = z
  .object({ name, description, price_cents: priceCents })
  .partial()
  .meta({ id: "ItemUpdate", description: "Partial update: only the fields sent are changed." });
export type ItemUpdate = z.infer<typeof ItemUpdate>;

export const ItemRead = z
  .object({
    id: z.int(),
    name: z.string(),
    description: z.string().nullable(),
    price_cents: z.int(),
    owner_id: z.int(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "ItemRead" });
export type ItemRead = z.infer<typeof ItemRead>;

export const ItemPage = page(ItemRead).meta({ id: "ItemPage" });

export const ItemIdParams = z.object({ id: Id });

export function toItemRead(item: Item): ItemRead {
  return {
    id: item.id,
    name: item.name,
    description: item.description,
    price_cents: item.priceCents,
    owner_id: item.ownerId,
    created_at: item.createdAt.toISOString(),
    updated_at: item.updatedAt.toISOString(),
  };
}
