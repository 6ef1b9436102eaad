import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic/index.js";
import { checkConnectionSettings } from "../check-connection.js";
import { containsUnknown } from "../unknown-value.js";
import { USER_TOKEN_PROPERTIES, USER_TOKEN_SECRET_PROPERTIES, userTokenInputsSchema } from "./inputs-schema.js";

/**
 * Validates a UserToken's inputs without calling the API, so a mistake fails at preview. Failures about
 * a secret property name it in the reason and point `property` at nothing: the engine prints the
 * property's value next to a failure. Values not known yet (preview) are checked once they are.
 */
export async function checkUserToken(_olds: unknown, news: Record<string, unknown>): Promise<CheckResult> {
  const inputs = Object.fromEntries(Object.entries(news).filter(([key]) => key !== "__provider"));
  const failures: CheckFailure[] = [];
  for (const key of Object.keys(inputs)) {
    if (!(USER_TOKEN_PROPERTIES as readonly string[]).includes(key)) {
      failures.push({
        property: "",
        reason: `${key}: unknown property; UserToken accepts ${USER_TOKEN_PROPERTIES.join(", ")}`,
      });
    }
  }
  const known = Object.fromEntries(Object.entries(inputs).filter(([, value]) => !containsUnknown(value)));
  const result = userTokenInputsSchema.safeParse(known);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const property = String(issue.path[0] ?? "inputs");
      if (containsUnknown(inputs[property])) continue;
      const where = issue.path.map(String).join(".");
      failures.push(
        USER_TOKEN_SECRET_PROPERTIES.has(property)
          ? { property: "", reason: `${where}: ${issue.message}` }
          : { property, reason: issue.path.length > 1 ? `${where}: ${issue.message}` : issue.message },
      );
    }
  }
  if (failures.length > 0) return { inputs: news, failures };
  if (news.connection !== undefined) return { inputs: news };
  const connectionFailures = checkConnectionSettings();
  return connectionFailures.length > 0 ? { inputs: news, failures: connectionFailures } : { inputs: news };
}
