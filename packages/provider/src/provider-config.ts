import { configureFromStack, connectionSchema } from "@ghes-oauth/pulumi/provider-runtime";
import type { CheckFailure } from "@pulumi/pulumi/provider/index.js";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc.js";
import { unwrapSecrets } from "./secret-markers.js";

/** The provider's settings (schema `config.variables` and `provider.inputProperties`). */
const SETTINGS = ["baseUrl", "clientId", "clientSecret", "webUrl"] as const;
type Setting = (typeof SETTINGS)[number];

/**
 * Validates the settings that are given (a missing one may come from the environment, or every resource
 * may bring its own `connection`: those are judged by each resource's check). Reasons name the setting,
 * never its value, and no failure points `property` at a value (the engine would print it).
 */
export function checkProviderConfig(news: Record<string, unknown>): CheckFailure[] {
  const settings = unwrapSecrets(news);
  const failures: CheckFailure[] = [];
  for (const key of Object.keys(settings)) {
    if (key === "version") continue;
    if (!(SETTINGS as readonly string[]).includes(key)) {
      failures.push({
        property: "",
        reason: `${key}: unknown provider setting; the ghes-oauth provider takes ${SETTINGS.join(", ")}`,
      });
      continue;
    }
    const value = settings[key];
    if (value === undefined || value === null || value === unknownValue) continue;
    const parsed = connectionSchema.shape[key as Setting].safeParse(value);
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      failures.push({ property: "", reason: `provider setting ${key}: ${issue.message}` });
    }
  }
  return failures;
}

/**
 * Hands the provider's settings to the shared runtime, which then resolves every resource's connection
 * as it does for the dynamic resources: the resource's `connection`, else these settings, else the
 * environment (`GHES_OAUTH_*`), field by field.
 */
export function configureProvider(args: Record<string, unknown>): void {
  const settings = unwrapSecrets(args);
  configureFromStack(
    {
      get: (key) => {
        const value = settings[key.replace(/^ghes-oauth:/, "")];
        return typeof value === "string" && value !== "" ? value : undefined;
      },
    },
    "provider settings",
  );
}
