import type { RequestHandler } from "express";
import { currentPrincipal } from "../middleware/authenticate.js";
import { PageQuery } from "../models/common.model.js";
import { toUserRead, UserIdParams } from "../models/user.model.js";
import type { UserService } from "../services/user.service.js";
import { validate } from "../utils/validate.js";

export class UserController {
  constructor(private readonly users: UserService) {}

  me: RequestHandler = async (req, res) => {
    res.json(toUserRead(await this.users.current(currentPrincipal(req))));
  };

  list: RequestHandler = async (req, res) => {
    const page = validate(PageQuery, req.query, "query");
    const { items, total } = await this.users.list(page);
    res.json({ items: items.map(toUserRead), total, ...page });
  };

  delete: RequestHandler = async (req, res) => {
    const { id } = validate(UserIdParams, req.params, "params");
    await this.users.delete(id);
    res.status(204).end();
  };
}
