import { STATUS_CODES } from "node:http";
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { type IRoute, type RequestHandler, Router } from "express";
import type { z } from "zod";
import { requireRole } from "../middleware/authenticate.js";
import { methodNotAllowed } from "../middleware/error-handler.js";
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
  /** Parses the JSON body of the endpoints that take one. */
  jsonBody: RequestHandler;
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
  readonly #routes = new Map<string, { route: IRoute; methods: Set<string> }>();

  constructor(private readonly options: ApiRouterOptions) {}

  add(endpoint: Endpoint, handler: RequestHandler): this {
    const handlers: RequestHandler[] = [];
    if (endpoint.access !== "public") handlers.push(this.options.authenticate);
    if (endpoint.access === "admin") handlers.push(requireRole("admin"));
    // After the guards: an anonymous client's body is never read.
    if (endpoint.body) handlers.push(this.options.jsonBody);
    const { route, methods } = this.route(endpoint.path);
    route[endpoint.method](...handlers, handler);
    methods.add(endpoint.method.toUpperCase());
    if (endpoint.method === "get") methods.add("HEAD");
    this.options.registry.registerPath(this.document(endpoint));
    return this;
  }

  /** One route per path, followed by a 405 for the methods it does not serve. */
  private route(path: string) {
    let entry = this.#routes.get(path);
    if (!entry) {
      entry = { route: this.router.route(path), methods: new Set() };
      this.router.all(path, methodNotAllowed(entry.methods));
      this.#routes.set(path, entry);
    }
    return entry;
  }

  private document(endpoint: Endpoint): RouteConfig {
    const { prefix, tag, commonErrors = [] } = this.options;
    const errors = new Set([...commonErrors, ...(endpoint.errors ?? [])]);
    if (endpoint.access !== "public") errors.add(401);
    if (endpoint.access === "admin") errors.add(403);
    if (endpoint.params || endpoint.query || endpoint.body) errors.add(422);
    // A path parameter that is not valid percent-encoding.
    if (endpoint.params) errors.add(400);
    // Malformed JSON, invalid UTF-8 or \u0000; a body over MAX_BODY_BYTES; a charset or encoding other than UTF-8.
    if (endpoint.body) for (const status of [400, 413, 415]) errors.add(status);

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
