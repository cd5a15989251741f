import { STATUS_CODES } from "node:http";
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { type RequestHandler, Router } from "express";
import type { z } from "zod";
import { requireRole } from "../middleware/authenticate.js";
import { ErrorResponse } from "../models/common.model.js";

export type Access = "public" | "user" | "admin";

export interface Endpoint {
  method: "get" | "post" | "patch" | "delete";
  /** Express syntax (`/items/:id`); written as `/items/{id}` in the OpenAPI document. */
  path: string;
  summary: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success response: status and body schema (none for 204). */
  status: number;
  response?: z.ZodType;
  /** Error statuses besides those `access` and validation imply. */
  errors?: number[];
}

/** What every router of the app shares. */
export interface RouteContext {
  registry: OpenAPIRegistry;
  authenticate: RequestHandler;
}

/** What the routers mounted under one prefix share. */
export interface ApiRouterContext extends RouteContext {
  /** Where the router is mounted, for the paths in the OpenAPI document. */
  prefix: string;
  /** Error statuses every endpoint can answer (e.g. 429 under a rate limit). */
  commonErrors?: number[];
}

interface ApiRouterOptions extends ApiRouterContext {
  tag: string;
}

const errorResponse = (status: number): ResponseConfig => ({
  description: STATUS_CODES[status] ?? "Error",
  content: { "application/json": { schema: ErrorResponse } },
});

/**
 * An Express router that documents each endpoint as it mounts it, so the served OpenAPI document
 * cannot drift from the routes. Handlers validate their input with the same zod schemas.
 */
export class ApiRouter {
  readonly router = Router();

  constructor(private readonly options: ApiRouterOptions) {}

  add(endpoint: Endpoint, handler: RequestHandler): this {
    const guards: RequestHandler[] = [];
    if (endpoint.access !== "public") guards.push(this.options.authenticate);
    if (endpoint.access === "admin") guards.push(requireRole("admin"));
    this.router[endpoint.method](endpoint.path, ...guards, handler);
    this.options.registry.registerPath(this.document(endpoint));
    return this;
  }

  private document(endpoint: Endpoint): RouteConfig {
    const { prefix, tag, commonErrors = [] } = this.options;
    const errors = new Set([...commonErrors, ...(endpoint.errors ?? [])]);
    if (endpoint.access !== "public") errors.add(401);
    if (endpoint.access === "admin") errors.add(403);
    if (endpoint.params || endpoint.query || endpoint.body) errors.add(422);

    const responses: Record<number, ResponseConfig> = {
      [endpoint.status]: {
        description: STATUS_CODES[endpoint.status] ?? "Success",
        ...(endpoint.response && {
          content: { "application/json": { schema: endpoint.response } },
        }),
      },
    };
    for (const status of [...errors].sort()) responses[status] = errorResponse(status);

    return {
      method: endpoint.method,
      path: `${prefix}${endpoint.path}`.replace(/:(\w+)/g, "{$1}"),
      tags: [tag],
      summary: endpoint.summary,
      ...(endpoint.access !== "public" && { security: [{ bearerAuth: [] }] }),
      request: {
        ...(endpoint.params && { params: endpoint.params }),
        ...(endpoint.query && { query: endpoint.query }),
        ...(endpoint.body && {
          body: { required: true, content: { "application/json": { schema: endpoint.body } } },
        }),
      },
      responses,
    };
  }
}
