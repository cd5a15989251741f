import type { Page, PageQuery } from "../../src/models/common.model.js";
import type { Item, NewItem } from "../../src/models/item.model.js";
import type { NewUser, Role, User } from "../../src/models/user.model.js";
import {
  type ItemChanges,
  type ItemRepository,
  OwnerNotFoundError,
} from "../../src/repositories/item.repository.js";
import { EmailTakenError, type UserRepository } from "../../src/repositories/user.repository.js";

function paginate<T>(rows: T[], { limit, offset }: PageQuery): Page<T> {
  return { items: rows.slice(offset, offset + limit), total: rows.length };
}

/** In-memory stand-ins for the Drizzle repositories: service tests run without a database. */
export class FakeUserRepository implements UserRepository {
  readonly rows = new Map<number, User>();

  async create(user: NewUser): Promise<User> {
    if ([...this.rows.values()].some((row) => row.email === user.email)) {
      throw new EmailTakenError(user.email);
    }
    const created: User = {
      id: this.rows.size + 1,
      email: user.email,
      passwordHash: user.passwordHash,
      fullName: user.fullName ?? null,
      role: user.role ?? "user",
      createdAt: new Date(),
    };
    this.rows.set(created.id, created);
    return created;
  }

  async findById(id: number) {
    return this.rows.get(id);
  }

  async findByEmail(email: string) {
    return [...this.rows.values()].find((row) => row.email === email);
  }

  async list(page: PageQuery) {
    return paginate([...this.rows.values()], page);
  }

  async setRole(id: number, role: Role) {
    const user = this.rows.get(id);
    if (user) user.role = role;
    return user;
  }

  async delete(id: number) {
    return this.rows.delete(id);
  }
}

export class FakeItemRepository implements ItemRepository {
  readonly rows = new Map<number, Item>();
  #nextId = 1;

  /** With `users`, an item's owner must be one of them, as the foreign key requires. */
  constructor(private readonly users?: FakeUserRepository) {}

  async create(item: NewItem): Promise<Item> {
    if (this.users && !this.users.rows.has(item.ownerId)) {
      throw new OwnerNotFoundError(String(item.ownerId));
    }
    const now = new Date();
    const created: Item = {
      id: this.#nextId++,
      name: item.name,
      description: item.description ?? null,
      priceCents: item.priceCents,
      ownerId: item.ownerId,
      createdAt: now,
      updatedAt: now,
    };
    this.rows.set(created.id, created);
    return created;
  }

  async findById(id: number) {
    return this.rows.get(id);
  }

  async list({ ownerId }: { ownerId?: number }, page: PageQuery) {
    const rows = [...this.rows.values()].filter(
      (row) => ownerId === undefined || row.ownerId === ownerId,
    );
    return paginate(rows, page);
  }

  async update(id: number, changes: ItemChanges) {
    const item = this.rows.get(id);
    if (item) Object.assign(item, changes, { updatedAt: new Date() });
    return item;
  }

  async delete(id: number) {
    return this.rows.delete(id);
  }
}
