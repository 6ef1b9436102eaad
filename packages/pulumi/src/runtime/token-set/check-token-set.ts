import type { CheckResult } from "@pulumi/pulumi/dynamic/index.js";
import { checkConnectionSettings } from "../shared/check-connection.js";
import { checkResourceInputs } from "../shared/check-resource-inputs.js";
import { scopedTokenSetInputRules } from "./token-set-inputs.js";

/** Validates the inputs and every entry, and the connection they will use, before any API call. */
export async function checkTokenSet(_olds: unknown, news: Record<string, unknown>): Promise<CheckResult> {
  const result = checkResourceInputs(news, scopedTokenSetInputRules);
  if (result.failures?.length || news.connection !== undefined) return result;
  const failures = checkConnectionSettings();
  return failures.length > 0 ? { inputs: result.inputs, failures } : result;
}
