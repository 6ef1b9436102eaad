import { GhesOAuthError } from "./ghes-oauth-error.js";
import type { Redactor } from "./redactor.js";
import { describeRequest, type RequestDescription } from "./request-description.js";

export interface ShapeIssue {
  /** Dotted path into the response body, e.g. `installation.account.login`; `(body)` for the whole. */
  readonly path: string;
  readonly message: string;
}

/**
 * A 2xx response whose body does not have the documented shape. Names paths, never values; the
 * paths (record keys the server chose) and the request id are redacted like every other string.
 */
export class ResponseShapeError extends GhesOAuthError {
  override name = "ResponseShapeError";
  declare readonly status: number;
  declare readonly method: string;
  declare readonly route: string;
  declare readonly requestId: string | undefined;
  declare readonly issues: readonly ShapeIssue[];

  constructor(
    request: RequestDescription,
    status: number,
    requestId: string | undefined,
    issues: ShapeIssue[],
    redactor?: Redactor,
  ) {
    const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    const suffix = requestId ? ` (request id ${requestId})` : "";
    super(
      `${describeRequest(request)} returned ${status} with an unexpected body: ${list}${suffix}`,
      { status, method: request.method, route: request.route, requestId, issues },
      { redactor },
    );
  }
}
