import type { RequestLogEntry } from "./request-log.js";

/** One access-log line, e.g. `POST /api/v3/applications/Iv1.x/token 200 1.2ms C0DE:...`. */
export function accessLogLine(entry: RequestLogEntry): string {
  const status = entry.status === 0 ? "RESET" : String(entry.status);
  const target = entry.query === "" ? entry.path : `${entry.path}?${entry.query}`;
  return `${entry.method} ${target} ${status} ${entry.durationMs.toFixed(1)}ms ${entry.requestId}`;
}
