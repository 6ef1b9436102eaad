import { GhesOAuthError } from "./ghes-oauth-error.js";
import type { Redactor } from "./redactor.js";

export interface InputIssue {
  /** The option or argument at fault, e.g. `permissions.issues` or `baseUrl`. */
  readonly path: string;
  /** What is wrong and how to fix it; never the value itself. */
  readonly message: string;
}

/** Thrown before any HTTP request when an argument or option is invalid. */
export class InvalidInputError extends GhesOAuthError {
  override name = "InvalidInputError";
  declare readonly issues: readonly InputIssue[];

  constructor(issues: InputIssue[], redactor?: Redactor) {
    super(
      `Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`,
      { issues },
      { redactor },
    );
  }
}
