export interface InputIssue {
  /** The option or argument at fault, e.g. `permissions.issues` or `baseUrl`. */
  readonly path: string;
  /** What is wrong and how to fix it; never the value itself. */
  readonly message: string;
}

/** Thrown before any HTTP request when an argument or option is invalid. */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  readonly issues: readonly InputIssue[];

  constructor(issues: InputIssue[]) {
    super(`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`);
    this.issues = issues;
  }
}
