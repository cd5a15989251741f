import type { AuthController } from "../controllers/auth.controller.js";
import { LoginRequest, Token, UserCreate, UserRead } from "../models/user.model.js";
import { ApiRouter, type ApiRouterContext } from "./api-router.js";

export function authRoutes(context: ApiRouterContext, auth: AuthController) {
  return new ApiRouter({ ...context, tag: "auth" })
    .add(
      {
        method: "post",
        path: "/auth/register",
        summary: "Create an account (role user)",
        access: "public",
        body: UserCreate,
        status: 201,
        response: UserRead,
        errors: [409],
      },
      auth.register,
    )
    .add(
      {
        method: "post",
        path: "/auth/login",
        summary: "Exchange email and password for a bearer token",
        access: "public",
        body: LoginRequest,
        status: 200,
        response: Token,
        errors: [401],
      },
      auth.login,
    ).router;
}
