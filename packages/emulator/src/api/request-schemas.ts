import { z } from "zod";
import type { ValidationProblem } from "../errors.js";

/** The body of the four body-style token endpoints. */
export const accessTokenBody = z.object({ access_token: z.string() });

/** The body of "Create a scoped access token"; cross-field rules are checked by the scoping itself. */
export const scopeTokenBody = z.object({
  access_token: z.string(),
  target: z.string().nullish(),
  target_id: z.number().int().nullish(),
  repositories: z.array(z.string()).nullish(),
  repository_ids: z.array(z.number().int()).nullish(),
  permissions: z.record(z.string(), z.unknown()).nullish(),
});

export type ScopeTokenBody = z.infer<typeof scopeTokenBody>;

/** Parses `body` or describes why not, as GitHub's `validation-error` entries. */
export function parseBody<T>(
  schema: z.ZodType<T>,
  body: Record<string, unknown>,
  resource: string,
): { ok: true; value: T } | { ok: false; problems: ValidationProblem[] } {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue): ValidationProblem => {
    const field = issue.path.map(String).join(".") || "body";
    const topLevel = String(issue.path[0] ?? "");
    const missing = topLevel !== "" && body[topLevel] === undefined;
    return missing
      ? { resource, field, code: "missing_field" }
      : { resource, field, code: "invalid", message: issue.message };
  });
  return { ok: false, problems };
}
