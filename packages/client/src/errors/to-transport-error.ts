import type { Redactor } from "./redactor.js";
import type { RequestDescription } from "./request-description.js";
import { TransportError } from "./transport-error.js";

const DESCRIPTIONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "temporary DNS failure",
  ETIMEDOUT: "connection timed out",
  EPIPE: "connection closed while sending",
  UND_ERR_CONNECT_TIMEOUT: "connect timeout",
  UND_ERR_HEADERS_TIMEOUT: "timed out waiting for the response headers",
  UND_ERR_BODY_TIMEOUT: "timed out reading the response body",
  UND_ERR_SOCKET: "the connection failed",
  UND_ERR_CLOSED: "the connection closed",
  UND_ERR_ABORTED: "aborted",
  ABORT_ERR: "aborted",
  TIMEOUT_ERR: "aborted by a timeout signal",
};

/**
 * Wraps anything the transport threw. The original error is dropped: undici errors can carry the
 * request (path, headers) on properties or in their message. The cause kept is a fresh Error with
 * the original's name, code and redacted message.
 */
export function toTransportError(
  request: RequestDescription,
  error: unknown,
  redactor: Redactor,
  signal?: AbortSignal,
): TransportError {
  if (error instanceof TransportError) return error;
  // An abort rejects with whatever reason the caller gave; the code says what happened regardless.
  const code = signal?.aborted ? abortCode(signal.reason) : errorCode(error);
  const original = error instanceof Error ? error : undefined;
  const message = original ? redactor.redact(original.message) : redactor.redact(String(error));
  const cause = new Error(message);
  cause.name = original ? redactor.redact(original.name) : "Error";
  Object.defineProperty(cause, "code", { value: code, enumerable: true });
  cause.stack = `${cause.name}: ${message}`;
  const detail = DESCRIPTIONS[code] ?? message;
  return new TransportError(request, code, `${detail} (${code})`, cause);
}

function abortCode(reason: unknown): string {
  return reason instanceof Error && reason.name === "TimeoutError" ? "TIMEOUT_ERR" : "ABORT_ERR";
}

function errorCode(error: unknown): string {
  if (error !== null && typeof error === "object") {
    if ("name" in error && error.name === "AbortError") return "ABORT_ERR";
    if ("name" in error && error.name === "TimeoutError") return "TIMEOUT_ERR";
    // fetch-style wrappers put the system error in `cause`.
    const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
    if (code) return code;
    if ("cause" in error && error.cause !== error) return errorCode(error.cause);
  }
  return "UNKNOWN";
}
