import type { RequestHandler } from "express";
import { AppError } from "../utils/errors.js";

export class HealthController {
  /** `ping` resolves when the database answers. */
  constructor(private readonly ping: () => Promise<unknown>) {}

  health: RequestHandler = (_req, res) => {
    res.json({ status: "ok" });
  };

  ready: RequestHandler = async (req, res) => {
    try {
      await this.ping();
    } catch (error) {
      req.log.warn({ err: error }, "database unavailable");
      throw new AppError(503, "Database unavailable");
    }
    res.json({ status: "ok" });
  };
}
