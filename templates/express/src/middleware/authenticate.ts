import type { Request, RequestHandler } from "express";
import type { Principal, Role } from "../models/user.model.js";
import type { AuthService } from "../services/auth.service.js";
import { BearerTokenError, ForbiddenError } from "../utils/errors.js";

declare module "express-serve-static-core" {
  interface Request {
    principal?: Principal;
  }
}

/** Requires `Authorization: Bearer <token>` and puts the principal it names on `req.principal`. */
export function authenticate(auth: AuthService): RequestHandler {
  return (req, _res, next) => {
    const [scheme, token] = req.headers.authorization?.split(" ") ?? [];
    if (scheme?.toLowerCase() !== "bearer" || !token) {
      throw new BearerTokenError("Not authenticated");
    }
    req.principal = auth.authenticate(token);
    next();
  };
}

/** Runs after `authenticate`: 403 unless the principal has `role`. */
export function requireRole(role: Role): RequestHandler {
  return (req, _res, next) => {
    if (currentPrincipal(req).role !== role) {
      throw new ForbiddenError(`The ${role} role is required`);
    }
    next();
  };
}

/** The principal of a request that went through `authenticate`. */
export function currentPrincipal(req: Request): Principal {
  if (!req.principal) throw new BearerTokenError("Not authenticated");
  return req.principal;
}
