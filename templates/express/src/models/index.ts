// The database schema drizzle-kit reads to write migrations.
export { items } from "./item.model.js";
export { roleEnum, users } from "./user.model.js";
