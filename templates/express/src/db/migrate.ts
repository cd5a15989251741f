import { migrate } from "drizzle-orm/node-postgres/migrator";
import { loadConfig } from "../config/env.js";
import { createDatabase, createPool, MIGRATIONS_FOLDER } from "./client.js";

// Applies the SQL migrations in migrations/ that DATABASE_URL has not seen yet: `make migrate`.
const pool = createPool(loadConfig().databaseUrl);
try {
  await migrate(createDatabase(pool), { migrationsFolder: MIGRATIONS_FOLDER });
  console.log("migrations applied");
} finally {
  await pool.end();
}
