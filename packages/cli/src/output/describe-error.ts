import { GhesOAuthError } from "@ghes-oauth/client";
import { CredentialProofError } from "../connection/prove-credentials.js";
import { JournalWriteError } from "../revoke/journal.js";

/**
 * A one-line description of a failure. The client's errors are redacted at construction (they never
 * carry a token or secret); anything else is reduced to its name so an unexpected message cannot leak one.
 */
export function describeError(error: unknown): string {
  if (
    error instanceof GhesOAuthError ||
    error instanceof JournalWriteError ||
    error instanceof CredentialProofError
  )
    return error.message;
  if (error instanceof Error) return `${error.name} (unexpected error; rerun to retry)`;
  return "unexpected error";
}
