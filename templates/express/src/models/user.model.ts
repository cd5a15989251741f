import { integer, pgEnum, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { z } from "zod";
import { Id, page } from "./common.model.js";

export const ROLES = ["user", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const roleEnum = pgEnum("role", ROLES);

export const users = pgTable("users", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  email: varchar({ length: 320 }).notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  fullName: varchar("full_name", { length: 100 }),
  role: roleEnum().notNull().default("user"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Who a request acts for, as its access token says: no database lookup stands behind it. */
export type Principal = Pick<User, "id" | "role">;

export function isRole(value: unknown): value is Role {
  return ROLES.includes(value as Role);
}

export const RoleSchema = z.enum(ROLES).meta({ id: "Role" });

export const UserCreate = z
  .object({
    email: z.email().max(320),
    password: z.string().min(8).max(128),
    full_name: z.string().max(100).nullish(),
  })
  .meta({ id: "UserCreate" });
export type UserCreate = z.infer<typeof UserCreate>;

export const LoginRequest = z
  .object({ email: z.email(), password: z.string() })
  .meta({ id: "LoginRequest" });

export const Token = z
  .object({
    access_token: z.string(),
    token_type: z.literal("bearer"),
    expires_in: z.int().meta({ description: "Seconds until the token expires" }),
  })
  .meta({ id: "Token" });

export const UserRead = z
  .object({
    id: z.int(),
    email: z.string(),
    full_name: z.string().nullable(),
    role: RoleSchema,
    created_at: z.iso.datetime(),
  })
  .meta({ id: "UserRead" });
export type UserRead = z.infer<typeof UserRead>;

export const UserPage = page(UserRead).meta({ id: "UserPage" });

export const UserIdParams = z.object({ id: Id });

export function toUserRead(user: User): UserRead {
  return {
    id: user.id,
    email: user.email,
    full_name: user.fullName,
    role: user.role,
    created_at: user.createdAt.toISOString(),
  };
}
