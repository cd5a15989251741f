import type { RequestHandler } from "express";
import { LoginRequest, toUserRead, UserCreate } from "../models/user.model.js";
import type { AuthService } from "../services/auth.service.js";
import { validate } from "../utils/validate.js";

export class AuthController {
  constructor(private readonly auth: AuthService) {}

  register: RequestHandler = async (req, res) => {
    const user = await this.auth.register(validate(UserCreate, req.body, "body"));
    res.status(201).json(toUserRead(user));
  };

  login: RequestHandler = async (req, res) => {
    const { email, password } = validate(LoginRequest, req.body, "body");
    const token = await this.auth.login(email, password);
    res.json({
      access_token: token.accessToken,
      token_type: "bearer",
      expires_in: token.expiresIn,
    });
  };
}
