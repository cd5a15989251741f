import type { RequestHandler } from "express";
import { currentUser } from "../middleware/authenticate.js";
import { PageQuery } from "../models/common.model.js";
import { ItemCreate, ItemIdParams, ItemUpdate, toItemRead } from "../models/item.model.js";
import type { ItemService } from "../services/item.service.js";
import { validate } from "../utils/validate.js";

export class ItemController {
  constructor(private readonly items: ItemService) {}

  list: RequestHandler = async (req, res) => {
    const page = validate(PageQuery, req.query, "query");
    const { items, total } = await this.items.list(currentUser(req), page);
    res.json({ items: items.map(toItemRead), total, ...page });
  };

  create: RequestHandler = async (req, res) => {
    const item = await this.items.create(currentUser(req), validate(ItemCreate, req.body, "body"));
    res.status(201).json(toItemRead(item));
  };

  get: RequestHandler = async (req, res) => {
    const { id } = validate(ItemIdParams, req.params, "params");
    res.json(toItemRead(await this.items.get(currentUser(req), id)));
  };

  update: RequestHandler = async (req, res) => {
    const { id } = validate(ItemIdParams, req.params, "params");
    const changes = validate(ItemUpdate, req.body, "body");
    res.json(toItemRead(await this.items.update(currentUser(req), id, changes)));
  };

  delete: RequestHandler = async (req, res) => {
    const { id } = validate(ItemIdParams, req.params, "params");
    await this.items.delete(currentUser(req), id);
    res.status(204).end();
  };
}
