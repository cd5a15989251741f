import express, { type RequestHandler } from "express";
import { AppError } from "../utils/errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
// A \u0000 escape: one preceded by an even number of backslashes (`\\u0000` is a backslash, then "u0000").
const NUL_ESCAPE = /(?<!\\)(?:\\\\)*\\u0000/;

/**
 * Parses JSON bodies of at most `limit` bytes (413 beyond). It refuses, with 400, what could not be stored
 * as sent: invalid UTF-8, which would become U+FFFD, and a NUL character, which PostgreSQL text cannot hold.
 */
export function jsonBody(limit: number): RequestHandler {
  return express.json({
    limit,
    verify(_req, _res, body, encoding) {
      if (encoding !== "utf-8") throw new AppError(415, "JSON bodies must be UTF-8");
      let text: string;
      try {
        text = utf8.decode(body);
      } catch {
        throw new AppError(400, "Request body is not valid UTF-8");
      }
      if (NUL_ESCAPE.test(text)) throw new AppError(400, "Strings must not contain \\u0000");
    },
  });
}
