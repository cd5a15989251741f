import { HEALTH_PATH, READY_PATH } from "../config/paths.js";
import type { HealthController } from "../controllers/health.controller.js";
import { Health } from "../models/common.model.js";
import { ApiRouter, type RouteContext } from "./api-router.js";

export function healthRoutes(context: RouteContext, health: HealthController) {
  return new ApiRouter({ ...context, prefix: "", tag: "health" })
    .add(
      {
        method: "get",
        path: HEALTH_PATH,
        summary: "Liveness: the process answers",
        access: "public",
        status: 200,
        response: Health,
      },
      health.health,
    )
    .add(
      {
        method: "get",
        path: READY_PATH,
        summary: "Readiness: the database answers",
        access: "public",
        status: 200,
        response: Health,
        errors: [503],
      },
      health.ready,
    ).router;
}
