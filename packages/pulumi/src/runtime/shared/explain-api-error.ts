import { GitHubApiError, NotFoundError, ValidationError } from "@ghes-oauth/client";
import { OperationTimeoutError } from "./operation-deadline.js";
import { CredentialsNotProvenError } from "./prove-credentials.js";

/** Adds what a Pulumi user can do about an API error to its (already secret-free) message. */
export function explainApiError(action: string, error: unknown): Error {
  if (!(error instanceof Error)) return new Error(`${action} failed`);
  // Already complete: they name the operation, the connection and the fix.
  if (error instanceof CredentialsNotProvenError || error instanceof OperationTimeoutError) return error;
  let hint = "";
  if (error instanceof NotFoundError) {
    hint =
      " (GitHub answers 404 both for an unknown, revoked or expired token and for a wrong client ID or secret: check the accessToken and the connection)";
  } else if (error instanceof ValidationError && error.errors.length > 0) {
    const details = error.errors.map((detail) =>
      [detail.field, detail.code, detail.message]
        .filter((part) => part !== undefined && part !== "")
        .join(" "),
    );
    hint = ` (${details.join("; ")})`;
  } else if (error instanceof GitHubApiError && error.status === 401) {
    hint = " (the connection's clientId and clientSecret were not accepted)";
  }
  return new Error(`${action} failed: ${error.message}${hint}`);
}
