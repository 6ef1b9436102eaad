import type { CheckResult } from "@pulumi/pulumi/dynamic/index.js";
import { checkConnectionSettings } from "../shared/check-connection.js";
import { checkResourceInputs } from "../shared/check-resource-inputs.js";
import { scopedTokenInputRules } from "./inputs-schema.js";

/**
 * Validates inputs and the connection they will use (argument, stack config or environment), so a bad
 * resource fails at preview. Failures about the connection name it in the reason, never its values.
 */
export async function checkScopedToken(_olds: unknown, news: Record<string, unknown>): Promise<CheckResult> {
  const result = checkResourceInputs(news, scopedTokenInputRules);
  if (result.failures?.length || news.connection !== undefined) return result;
  const failures = checkConnectionSettings();
  return failures.length > 0 ? { inputs: result.inputs, failures } : result;
}
