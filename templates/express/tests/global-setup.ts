import { migrate } from "drizzle-orm/node-postgres/migrator";
import { createDatabase, createPool, MIGRATIONS_FOLDER } from "../src/db/client.js";

/** With TEST_DATABASE_URL: start from an empty schema and apply every migration, once per run. */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const pool = createPool(url);
  try {
    await pool.query(
      "DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public",
    );
    await migrate(createDatabase(pool), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await pool.end();
  }
}
