import type { z } from "zod";
import { type InputIssue, InvalidInputError } from "./errors.js";
import type { Redactor } from "./redaction/redactor.js";

/**
 * Parses an argument, throwing InvalidInputError when it does not fit. Messages name fields, not
 * values, except record keys (an unknown permission name); `redactor` covers a secret pasted as one.
 */
export function validateInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  path?: string,
  redactor?: Redactor,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError(
    result.error.issues.map((issue) => toInputIssue(issue, path)),
    redactor,
  );
}

function toInputIssue(issue: z.core.$ZodIssue, prefix: string | undefined): InputIssue {
  const segments = [prefix, ...issue.path.map(String)].filter((segment) => segment !== undefined);
  return { path: segments.length > 0 ? segments.join(".") : "(input)", message: issue.message };
}
