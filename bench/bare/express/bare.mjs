// The bare baseline: Express running the same paginated queries as the generated service (drizzle's SQL, in
// parallel on one pg.Pool of the same size), with no middleware, no auth, no validation and no logging.
// Run from the generated project's folder: its node_modules provide express and pg.
import { createRequire } from "node:module";

const require = createRequire(`${process.cwd()}/`);
const express = require("express");
const pg = require("pg");

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const owner = Number(process.env.BARE_OWNER_ID);
const ROWS =
  'select "id", "name", "description", "price_cents", "owner_id", "created_at", "updated_at" from "items"' +
  ' where "items"."owner_id" = $1 order by "items"."id" asc limit $2 offset $3';
const TOTAL = 'select count(*) from "items" where "items"."owner_id" = $1';

const app = express();
app.get("/api/v1/items", async (req, res) => {
  const limit = Number(req.query.limit ?? 20);
  const offset = Number(req.query.offset ?? 0);
  const [rows, counted] = await Promise.all([
    pool.query(ROWS, [owner, limit, offset]),
    pool.query(TOTAL, [owner]),
  ]);
  res.json({ items: rows.rows, total: Number(counted.rows[0].count), limit, offset });
});
app.listen(Number(process.env.PORT), "127.0.0.1");
