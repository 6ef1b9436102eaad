import { GhesOAuthError } from "./ghes-oauth-error.js";
import type { Redactor } from "./redactor.js";
import { describeRequest, type RequestDescription } from "./request-description.js";

/**
 * The request did not get a complete HTTP response: connection refused or reset, DNS, TLS, a
 * timeout, or an abort. `code` keeps the underlying error's code (e.g. `ECONNREFUSED`,
 * `UND_ERR_HEADERS_TIMEOUT`, `ABORT_ERR`); `cause` is a sanitized copy, never the original error.
 */
export class TransportError extends GhesOAuthError {
  override name = "TransportError";
  declare readonly code: string;
  declare readonly method: string;
  declare readonly route: string;

  constructor(
    request: RequestDescription,
    code: string,
    detail: string,
    cause: unknown,
    redactor?: Redactor,
  ) {
    super(
      `${describeRequest(request)} failed: ${detail}`,
      { code, method: request.method, route: request.route },
      { redactor, cause },
    );
  }
}
