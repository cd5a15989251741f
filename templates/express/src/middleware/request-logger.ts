import { randomUUID } from "node:crypto";
import { pinoHttp } from "pino-http";
import type { Logger } from "../utils/logger.js";

// Accept a caller's id only when it is short and plain, so it cannot forge log lines or headers.
const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** One JSON log line per request, tagged with the request id taken from (or echoed into) X-Request-ID. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req, res) {
      const incoming = req.headers["x-request-id"];
      const id =
        typeof incoming === "string" && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader("X-Request-ID", id);
      return id;
    },
    // req.log carries only the request id; the access line adds the request and the response.
    customAttributeKeys: { reqId: "request_id" },
    quietReqLogger: true,
    // The logger's own req and res serializers read the raw objects: no full copy of each first.
    wrapSerializers: false,
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return "error";
      return res.statusCode >= 400 ? "warn" : "info";
    },
  });
}
