import type { CheckResult } from "@pulumi/pulumi/dynamic/index.js";
import type { Connection } from "../connection-args.js";
import { checkResourceInputs } from "./check-resource-inputs.js";
import { ConnectionNotConfiguredError, resolveConnection } from "./connection-settings.js";
import { connectionSchema, scopedTokenInputRules } from "./inputs-schema.js";

/**
 * Validates inputs and the connection they will use (argument, stack config or environment), so a bad
 * resource fails at preview. Failures about the connection name it in the reason, never its values.
 */
export async function checkScopedToken(_olds: unknown, news: Record<string, unknown>): Promise<CheckResult> {
  const result = checkResourceInputs(news, scopedTokenInputRules);
  if (result.failures?.length || news.connection !== undefined) return result;
  let connection: Connection;
  try {
    connection = resolveConnection(undefined);
  } catch (error) {
    if (!(error instanceof ConnectionNotConfiguredError)) throw error;
    return { inputs: news, failures: [{ property: "", reason: `connection: ${error.message}` }] };
  }
  const parsed = connectionSchema.safeParse(connection);
  if (parsed.success) return result;
  return {
    inputs: news,
    failures: parsed.error.issues.map((issue) => ({
      property: "",
      reason: `connection (from stack config ghes-oauth:* or env GHES_OAUTH_*): ${issue.path.join(".")}: ${issue.message}`,
    })),
  };
}
