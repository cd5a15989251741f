import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";

export type { Logger };

/** JSON lines on stdout; secrets in headers never reach the logs. */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
    },
    destination,
  );
}
