import { describeRequest, type RequestDescription } from "./request-description.js";

/**
 * The request did not get a complete HTTP response: connection refused or reset, DNS, TLS, a
 * timeout, or an abort. `code` keeps the underlying error's code (e.g. `ECONNREFUSED`,
 * `UND_ERR_HEADERS_TIMEOUT`, `ABORT_ERR`); `cause` is a sanitized copy, never the original error.
 */
export class TransportError extends Error {
  override name = "TransportError";
  readonly code: string;
  readonly method: string;
  readonly route: string;

  constructor(request: RequestDescription, code: string, detail: string, cause: Error | undefined) {
    super(`${describeRequest(request)} failed: ${detail}`, cause ? { cause } : undefined);
    this.code = code;
    this.method = request.method;
    this.route = request.route;
  }
}
