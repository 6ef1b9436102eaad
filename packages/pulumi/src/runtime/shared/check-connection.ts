import type { CheckFailure } from "@pulumi/pulumi/dynamic/index.js";
import type { Connection } from "../../dynamic/connection-args.js";
import { connectionSchema } from "../scoped-token/inputs-schema.js";
import { ConnectionNotConfiguredError, resolveConnection } from "./connection-settings.js";

/**
 * Failures of the connection a resource without a `connection` argument falls back to (stack config,
 * then environment), so a missing or bad one fails at preview. They name the setting, never its value.
 */
export function checkConnectionSettings(): CheckFailure[] {
  let connection: Connection;
  try {
    connection = resolveConnection(undefined);
  } catch (error) {
    if (!(error instanceof ConnectionNotConfiguredError)) throw error;
    return [{ property: "", reason: `connection: ${error.message}` }];
  }
  const parsed = connectionSchema.safeParse(connection);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    property: "",
    reason: `connection (from stack config ghes-oauth:* or env GHES_OAUTH_*): ${issue.path.join(".")}: ${issue.message}`,
  }));
}
