import { STATUS_CODES } from "node:http";

/** "Not Found" -> "not_found": the default `code` of an error body. */
function codeFor(status: number): string {
  return (STATUS_CODES[status] ?? "error").toLowerCase().replace(/[^a-z]+/g, "_");
}

/** An expected failure: becomes `{"error": {code, message, request_id, details?}}` with `status`. */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly status: number,
    message: string,
    readonly code: string = codeFor(status),
    readonly details?: Record<string, unknown>[],
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super(401, message);
  }
}

/** 401 with a Bearer challenge: the bearer token is missing, invalid, expired or outlived its account. */
export class BearerTokenError extends UnauthorizedError {
  constructor(message = "Invalid or expired token") {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(403, message);
  }
}
