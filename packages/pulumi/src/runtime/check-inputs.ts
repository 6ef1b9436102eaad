import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic/index.js";
import { SCOPED_TOKEN_PROPERTIES, scopedTokenInputsSchema } from "./inputs-schema.js";
import { containsUnknown } from "./unknown-value.js";

// When one of a pair is not known yet, "both" or "neither" can't be judged until it is.
const PARTNERS: Record<string, string> = {
  target: "targetId",
  targetId: "target",
  repositories: "repositoryIds",
  repositoryIds: "repositories",
};

/**
 * Validates a ScopedToken's inputs without calling the API. Each failure names the property and says
 * how to fix it; values are never echoed (they may be secrets). Properties not known yet (preview)
 * are checked once they are.
 */
export function checkInputs(news: Record<string, unknown>): CheckResult {
  const inputs = Object.fromEntries(Object.entries(news).filter(([key]) => key !== "__provider"));
  const unknown = new Set(Object.keys(inputs).filter((key) => containsUnknown(inputs[key])));
  const failures: CheckFailure[] = [];

  for (const key of Object.keys(inputs)) {
    if (!(SCOPED_TOKEN_PROPERTIES as readonly string[]).includes(key)) {
      failures.push({
        property: key,
        reason: `unknown property; ScopedToken accepts ${SCOPED_TOKEN_PROPERTIES.join(", ")}`,
      });
    }
  }

  const known = Object.fromEntries(Object.entries(inputs).filter(([key]) => !unknown.has(key)));
  const result = scopedTokenInputsSchema.safeParse(known);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const property = String(issue.path[0] ?? "inputs");
      if (unknown.has(property) || unknown.has(PARTNERS[property] ?? "")) continue;
      failures.push(failureFor(property, issue.path.map(String), issue.message));
    }
  }

  return failures.length > 0 ? { inputs: news, failures } : { inputs: news };
}

// The engine prints a failing property's value next to the reason, secret or not: for the secret
// properties the failure names the property in the reason instead, so the value is never shown.
const SECRET_PROPERTIES = new Set(["accessToken", "connection"]);

function failureFor(property: string, path: string[], message: string): CheckFailure {
  if (SECRET_PROPERTIES.has(property)) return { property: "", reason: `${path.join(".")}: ${message}` };
  const where = path.length > 1 ? `${path.join(".")}: ` : "";
  return { property, reason: `${where}${message}` };
}
