import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import {
  createDatabase,
  createPool,
  type Database,
  MIGRATIONS_FOLDER,
} from "../../src/db/client.js";
import * as schema from "../../src/models/index.js";

let shared: Promise<Database> | undefined;

/**
 * The test database of this worker, opened once and shared by its test files (vitest runs them with
 * `isolate: false`): TEST_DATABASE_URL (a real server, migrated by tests/global-setup.ts) when set;
 * otherwise PGlite, a real Postgres compiled to WebAssembly running in this process, migrated here.
 */
export function testDatabase(): Promise<Database> {
  shared ??= open();
  return shared;
}

async function open(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return createDatabase(createPool(url));
  const db = drizzle({ client: new PGlite(), schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/** Empties every table, so each test starts from a clean database. */
export async function truncateTables(db: Database): Promise<void> {
  await db.execute(sql`TRUNCATE ${schema.items}, ${schema.users} RESTART IDENTITY CASCADE`);
}
