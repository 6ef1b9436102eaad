import { describeRequest, type RequestDescription } from "./request-description.js";

export interface ShapeIssue {
  /** Dotted path into the response body, e.g. `installation.account.login`; `(body)` for the whole. */
  readonly path: string;
  readonly message: string;
}

/** A 2xx response whose body does not have the documented shape. Names paths, never values. */
export class ResponseShapeError extends Error {
  override name = "ResponseShapeError";
  readonly status: number;
  readonly method: string;
  readonly route: string;
  readonly requestId: string | undefined;
  readonly issues: readonly ShapeIssue[];

  constructor(
    request: RequestDescription,
    status: number,
    requestId: string | undefined,
    issues: ShapeIssue[],
  ) {
    const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    const suffix = requestId ? ` (request id ${requestId})` : "";
    super(`${describeRequest(request)} returned ${status} with an unexpected body: ${list}${suffix}`);
    this.status = status;
    this.method = request.method;
    this.route = request.route;
    this.requestId = requestId;
    this.issues = issues;
  }
}
