import type { Request, Response } from "express";
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";

export type { Logger };

/**
 * JSON lines on stdout. A request or response is logged as a few named fields only, so headers (and the
 * secrets in them) never reach the logs, whoever logs one.
 */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: {
        // originalUrl: Express shortens req.url inside mounted routers.
        req: (req: Request) => ({ method: req.method, url: req.originalUrl }),
        res: (res: Response) => ({ status: res.statusCode }),
      },
    },
    destination,
  );
}
