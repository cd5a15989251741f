import type { z } from "zod";
import { AppError } from "./errors.js";

type Location = "body" | "query" | "params";

/** Parses one part of a request; failures become a 422 listing every problem. */
export function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  location: Location,
): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    loc: [location, ...issue.path.map(String)],
    message: issue.message,
    type: issue.code,
  }));
  throw new AppError(422, "Request validation failed", "validation_error", details);
}
