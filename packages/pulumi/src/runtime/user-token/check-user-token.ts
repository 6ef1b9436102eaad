import type { CheckResult } from "@pulumi/pulumi/dynamic/index.js";
import { checkConnectionSettings } from "../shared/check-connection.js";
import { checkResourceInputs } from "../shared/check-resource-inputs.js";
import { userTokenInputRules } from "./inputs-schema.js";

/**
 * Validates a UserToken's inputs and the connection it will use without calling the API, so a mistake
 * fails at preview, every mistake at once, no value ever shown (see checkResourceInputs).
 */
export async function checkUserToken(_olds: unknown, news: Record<string, unknown>): Promise<CheckResult> {
  const result = checkResourceInputs(news, userTokenInputRules);
  if (result.failures?.length || news.connection !== undefined) return result;
  const failures = checkConnectionSettings();
  return failures.length > 0 ? { inputs: news, failures } : result;
}
