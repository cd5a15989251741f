import type { ItemController } from "../controllers/item.controller.js";
import { PageQuery } from "../models/common.model.js";
import { ItemCreate, ItemIdParams, ItemPage, ItemRead, ItemUpdate } from "../models/item.model.js";
import { ApiRouter, type ApiRouterContext } from "./api-router.js";

export function itemRoutes(context: ApiRouterContext, items: ItemController) {
  return new ApiRouter({ ...context, tag: "items" })
    .add(
      {
        method: "get",
        path: "/items",
        summary: "Your items (admins: all), paginated with total",
        access: "user",
        query: PageQuery,
        status: 200,
        response: ItemPage,
      },
      items.list,
    )
    .add(
      {
        method: "post",
        path: "/items",
        summary: "Create an item",
        access: "user",
        body: ItemCreate,
        status: 201,
        response: ItemRead,
      },
      items.create,
    )
    .add(
      {
        method: "get",
        path: "/items/:id",
        summary: "One item",
        access: "user",
        params: ItemIdParams,
        status: 200,
        response: ItemRead,
        errors: [404],
      },
      items.get,
    )
    .add(
      {
        method: "patch",
        path: "/items/:id",
        summary: "Change some fields of an item",
        access: "user",
        params: ItemIdParams,
        body: ItemUpdate,
        status: 200,
        response: ItemRead,
        errors: [404],
      },
      items.update,
    )
    .add(
      {
        method: "delete",
        path: "/items/:id",
        summary: "Delete an item",
        access: "user",
        params: ItemIdParams,
        status: 204,
        errors: [404],
      },
      items.delete,
    ).router;
}
