import type { UserController } from "../controllers/user.controller.js";
import { PageQuery } from "../models/common.model.js";
import { UserIdParams, UserPage, UserRead } from "../models/user.model.js";
import { ApiRouter, type ApiRouterContext } from "./api-router.js";

export function userRoutes(context: ApiRouterContext, users: UserController) {
  return new ApiRouter({ ...context, tag: "users" })
    .add(
      {
        method: "get",
        path: "/users/me",
        summary: "The current user",
        access: "user",
        status: 200,
        response: UserRead,
      },
      users.me,
    )
    .add(
      {
        method: "get",
        path: "/users",
        summary: "All users, paginated (admin)",
        access: "admin",
        query: PageQuery,
        status: 200,
        response: UserPage,
      },
      users.list,
    )
    .add(
      {
        method: "delete",
        path: "/users/:id",
        summary: "Delete a user and their items (admin)",
        access: "admin",
        params: UserIdParams,
        status: 204,
        errors: [404],
      },
      users.delete,
    ).router;
}
