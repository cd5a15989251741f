import { asc, count, eq } from "drizzle-orm";
import type { Database } from "../db/client.js";
import type { Page, PageQuery } from "../models/common.model.js";
import { type NewUser, type Role, type User, users } from "../models/user.model.js";
import { isUniqueViolation } from "./errors.js";

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
}

export interface UserRepository {
  /** Throws EmailTakenError when the email is already registered. */
  create(user: NewUser): Promise<User>;
  findById(id: number): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  list(page: PageQuery): Promise<Page<User>>;
  setRole(id: number, role: Role): Promise<User | undefined>;
  /** Deletes the user and, through the foreign key, their items. */
  delete(id: number): Promise<boolean>;
}

export class DrizzleUserRepository implements UserRepository {
  constructor(private readonly db: Database) {}

  async create(user: NewUser): Promise<User> {
    try {
      const [created] = await this.db.insert(users).values(user).returning();
      if (!created) throw new Error("INSERT … RETURNING returned no row");
      return created;
    } catch (error) {
      // The unique index decides, so two concurrent registrations cannot both succeed.
      if (isUniqueViolation(error)) throw new EmailTakenError(user.email);
      throw error;
    }
  }

  async findById(id: number): Promise<User | undefined> {
    const [user] = await this.db.select().from(users).where(eq(users.id, id));
    return user;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const [user] = await this.db.select().from(users).where(eq(users.email, email));
    return user;
  }

  async list({ limit, offset }: PageQuery): Promise<Page<User>> {
    const [rows, [counted]] = await Promise.all([
      this.db.select().from(users).orderBy(asc(users.id)).limit(limit).offset(offset),
      this.db.select({ total: count() }).from(users),
    ]);
    return { items: rows, total: counted?.total ?? 0 };
  }

  async setRole(id: number, role: Role): Promise<User | undefined> {
    const [user] = await this.db.update(users).set({ role }).where(eq(users.id, id)).returning();
    return user;
  }

  async delete(id: number): Promise<boolean> {
    const deleted = await this.db.delete(users).where(eq(users.id, id)).returning({ id: users.id });
    return deleted.length > 0;
  }
}
