import type { CheckResult } from "@pulumi/pulumi/dynamic/index.js";
import type { Connection } from "../connection-args.js";
import { checkInputs } from "./check-inputs.js";
import { ConnectionNotConfiguredError, resolveConnection } from "./connection-settings.js";
import { containsUnknown } from "./unknown-value.js";

/** Validates inputs and that a connection is configured, so a bad resource fails at preview. */
export async function checkScopedToken(_olds: unknown, news: Record<string, unknown>): Promise<CheckResult> {
  const result = checkInputs(news);
  if (result.failures?.length || containsUnknown(news.connection)) return result;
  try {
    resolveConnection(news.connection as Connection | undefined);
  } catch (error) {
    if (!(error instanceof ConnectionNotConfiguredError)) throw error;
    return { inputs: news, failures: [{ property: "connection", reason: error.message }] };
  }
  return result;
}
