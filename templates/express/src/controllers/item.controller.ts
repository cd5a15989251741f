import type { RequestHandler } from "express";
import { currentPrincipal } from "../middleware/authenticate.js";
import { PageQuery } from "../models/common.model.js";
import { ItemCreate, ItemIdParams, ItemUpdate, toItemRead } from "../models/item.model.js";
import type { ItemService } from "../services/item.service.js";
import { validate } from "../utils/validate.js";

export class ItemController {
  constructor(private readonly items: ItemService) {}

  list: RequestHandler = async (req, res) => {
    const page = validate(PageQuery, req.query, "query");
    const { items, total } = await this.items.list(currentPrincipal(req), page);
    res.json({ items: items.map(toItemRead), total, ...page });
  };

  create: RequestHandler = async (req, res) => {
    const item = await this.items.create(
      currentPrincipal(req),
      validate(ItemCreate, req.body, "body"),
    );
    res.status(201).json(toItemRead(item));
  };

  get: RequestHandler = async (req, res) => {
    const { id } = validate(ItemIdParams, req.params, "params");
    res.json(toItemRead(await this.items.get(currentPrincipal(req), id)));
  };

  update: RequestHandler = async (req, res) => {
    const { id } = validate(ItemIdParams, req.params, "params");
    const changes = validate(ItemUpdate, req.body, "body");
    res.json(toItemRead(await this.items.update(currentPrincipal(req), id, changes)));
  };

  delete: RequestHandler = async (req, res) => {
    const { id } = validate(ItemIdParams, req.params, "params");
    await this.items.delete(currentPrincipal(req), id);
    res.status(204).end();
  };
}
