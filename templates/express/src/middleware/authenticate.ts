import type { Request, RequestHandler } from "express";
import type { Role, User } from "../models/user.model.js";
import type { AuthService } from "../services/auth.service.js";
import { ForbiddenError, UnauthorizedError } from "../utils/errors.js";

declare module "express-serve-static-core" {
  interface Request {
    user?: User;
  }
}

/** Requires `Authorization: Bearer <token>` and puts its user on `req.user`. */
export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const [scheme, token] = req.headers.authorization?.split(" ") ?? [];
    if (scheme?.toLowerCase() !== "bearer" || !token) {
      res.setHeader("WWW-Authenticate", "Bearer");
      throw new UnauthorizedError("Not authenticated");
    }
    try {
      req.user = await auth.authenticate(token);
    } catch (error) {
      res.setHeader("WWW-Authenticate", "Bearer");
      throw error;
    }
    next();
  };
}

/** Runs after `authenticate`: 403 unless the user has `role`. */
export function requireRole(role: Role): RequestHandler {
  return (req, _res, next) => {
    if (currentUser(req).role !== role) throw new ForbiddenError(`The ${role} role is required`);
    next();
  };
}

/** The authenticated user of a request that went through `authenticate`. */
export function currentUser(req: Request): User {
  if (!req.user) throw new UnauthorizedError("Not authenticated");
  return req.user;
}
