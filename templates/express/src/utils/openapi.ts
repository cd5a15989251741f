import { type OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { PROJECT } from "../config/project.js";

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

export function openApiDocument(registry: OpenAPIRegistry): OpenApiDocument {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: PROJECT.name, description: PROJECT.description, version: PROJECT.version },
  });
}
