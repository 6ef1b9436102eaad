import type { RequestDescription } from "../errors.js";
import { TransportError } from "../errors.js";
import { isObjectLike, readProperty } from "../redaction/read-property.js";
import type { Redactor } from "../redaction/redactor.js";
import { isDeadlineExceeded } from "./call-budget.js";

const DESCRIPTIONS = new Map<string, string>([
  ["ECONNREFUSED", "connection refused"],
  ["ECONNRESET", "connection reset by the server"],
  ["ENOTFOUND", "host not found"],
  ["EAI_AGAIN", "temporary DNS failure"],
  ["ETIMEDOUT", "connection timed out"],
  ["EPIPE", "connection closed while sending"],
  ["UND_ERR_CONNECT_TIMEOUT", "connect timeout"],
  ["UND_ERR_HEADERS_TIMEOUT", "timed out waiting for the response headers"],
  ["UND_ERR_BODY_TIMEOUT", "timed out reading the response body"],
  ["UND_ERR_SOCKET", "the connection failed"],
  ["UND_ERR_CLOSED", "the connection closed"],
  ["UND_ERR_ABORTED", "aborted"],
  ["ABORT_ERR", "aborted"],
  ["TIMEOUT_ERR", "aborted by a timeout signal"],
]);

/**
 * Wraps anything the transport threw. The error base keeps a sanitized copy as the cause (the
 * original can carry the request: path, headers) and redacts the code and message taken from it.
 */
export function toTransportError(
  request: RequestDescription,
  error: unknown,
  redactor: Redactor,
  signal?: AbortSignal,
): TransportError {
  if (isTransportError(error)) return error;
  const reason = signal?.aborted ? signal.reason : undefined;
  if (isDeadlineExceeded(reason)) {
    return new TransportError(
      request,
      "REQUEST_TIMEOUT",
      `${reason.message} (REQUEST_TIMEOUT)`,
      error,
      redactor,
      reason.host,
    );
  }
  // An abort rejects with whatever reason the caller gave; the code says what happened regardless.
  const code = signal?.aborted ? abortCode(signal.reason) : errorCode(error);
  const detail = DESCRIPTIONS.get(code) ?? messageOf(error);
  return new TransportError(request, code, `${detail} (${code})`, error, redactor);
}

function abortCode(reason: unknown): string {
  return reason instanceof Error && reason.name === "TimeoutError" ? "TIMEOUT_ERR" : "ABORT_ERR";
}

/** The first code along the cause chain (fetch-style wrappers put the system error in `cause`). */
function errorCode(error: unknown): string {
  const seen = new Set<unknown>();
  for (let link = error; isObjectLike(link) && !seen.has(link); link = readProperty(link, "cause")) {
    seen.add(link);
    const name = readProperty(link, "name");
    if (name === "AbortError") return "ABORT_ERR";
    if (name === "TimeoutError") return "TIMEOUT_ERR";
    const code = readProperty(link, "code");
    if (typeof code === "string" && code.length > 0) return code;
  }
  return "UNKNOWN";
}

function messageOf(error: unknown): string {
  const message = readProperty(error, "message");
  return typeof message === "string" ? message : "the transport failed";
}

/** `instanceof` runs a proxy's getPrototypeOf trap, which may throw: a thrown value is anything. */
function isTransportError(error: unknown): error is TransportError {
  try {
    return error instanceof TransportError;
  } catch {
    return false;
  }
}
