import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import type { ErrorResponse } from "../models/common.model.js";
import { AppError, BearerTokenError } from "../utils/errors.js";

/** Errors raised by Express itself and body-parser carry a status and say whether their message is safe to show. */
interface HttpLikeError {
  status: number;
  expose?: boolean;
  type?: string;
  message: string;
  limit?: number;
}

function isHttpLikeError(error: unknown): error is HttpLikeError {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isHttpLikeError(error)) {
    if (error.type === "entity.parse.failed") return new AppError(400, "Malformed JSON body");
    if (error.type === "entity.too.large") {
      return new AppError(413, `Request body is larger than ${error.limit} bytes`);
    }
    return new AppError(error.status, error.expose ? error.message : "Bad request");
  }
  return new AppError(500, "Internal server error");
}

export function errorBody(error: AppError, req: Request): ErrorResponse {
  const { code, message, details } = error;
  return { error: { code, message, request_id: String(req.id), ...(details && { details }) } };
}

/** The one error format for every 4xx/5xx. Unexpected errors are logged with their stack, never sent. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const appError = toAppError(error);
  if (appError.status >= 500) req.log.error({ err: error }, "unhandled error");
  if (appError instanceof BearerTokenError) res.setHeader("WWW-Authenticate", "Bearer");
  res.status(appError.status).json(errorBody(appError, req));
};

export const notFoundHandler: RequestHandler = (req) => {
  throw new AppError(404, `No route for ${req.method} ${req.path}`);
};

/** 405 for a path the API serves, but not with this method; `Allow` lists the methods it serves. */
export function methodNotAllowed(methods: Iterable<string>): RequestHandler {
  return (req, res) => {
    const allow = [...methods].join(", ");
    res.setHeader("Allow", allow);
    throw new AppError(405, `${req.method} is not allowed here; allowed: ${allow}`);
  };
}
