import { z } from "zod";

// Ids are PostgreSQL `integer` columns: a larger number cannot name a row, and the database refuses it.
const MAX_ID = 2_147_483_647;
export const Id = z.coerce.number().int().positive().max(MAX_ID);

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;

export interface Page<T> {
  items: T[];
  total: number;
}

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().meta({ description: "Number of matching rows across all pages" }),
    limit: z.int(),
    offset: z.int(),
  });
}

export const Health = z.object({ status: z.string() }).meta({ id: "Health" });

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      request_id: z.string(),
      details: z.array(z.record(z.string(), z.unknown())).optional(),
    }),
  })
  .meta({ id: "ErrorResponse" });
export type ErrorResponse = z.infer<typeof ErrorResponse>;
