import { loadConfig } from "../config/env.js";
import { createDatabase, createPool } from "../db/client.js";
import { DrizzleUserRepository } from "../repositories/user.repository.js";
import { UserService } from "../services/user.service.js";
import { AppError } from "../utils/errors.js";

// `make admin EMAIL=you@example.com`: gives a registered user the admin role.
const email = process.argv[2];
if (!email) {
  console.error("usage: make admin EMAIL=you@example.com");
  process.exit(2);
}

const pool = createPool(loadConfig().databaseUrl);
try {
  const users = new UserService(new DrizzleUserRepository(createDatabase(pool)));
  const user = await users.promoteToAdmin(email);
  console.log(`${user.email} is now an admin, from their next login`);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await pool.end();
}
