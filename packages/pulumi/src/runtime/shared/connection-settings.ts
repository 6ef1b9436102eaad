import type { Connection } from "../../dynamic/connection-args.js";

/** The stack config keys and environment variables a connection falls back to, per field. */
const SOURCES = {
  baseUrl: { config: "ghes-oauth:baseUrl", env: "GHES_OAUTH_BASE_URL" },
  clientId: { config: "ghes-oauth:clientId", env: "GHES_OAUTH_CLIENT_ID" },
  clientSecret: { config: "ghes-oauth:clientSecret", env: "GHES_OAUTH_CLIENT_SECRET" },
} as const;

/** Optional: without it the client derives the web URL from baseUrl. */
const WEB_URL_SOURCE = { config: "ghes-oauth:webUrl", env: "GHES_OAUTH_WEB_URL" } as const;

type Field = keyof typeof SOURCES;

interface ConfigReader {
  get(key: string): string | undefined;
}

let stackConfig: Partial<Connection> = {};
/** Where the configured settings came from, for messages: the stack config, or a native provider's settings. */
let configuredBy: "stack config" | "provider settings" = "stack config";

/**
 * Called from the provider's configure: remembers the stack config the engine passes (as of the last
 * update, or the current one under `pulumi up` and `pulumi destroy --run-program`).
 */
export function configureFromStack(
  config: ConfigReader,
  source: "stack config" | "provider settings" = "stack config",
): void {
  configuredBy = source;
  stackConfig = {};
  for (const field of Object.keys(SOURCES) as Field[]) {
    const value = config.get(SOURCES[field].config);
    if (value) stackConfig[field] = value;
  }
  const webUrl = config.get(WEB_URL_SOURCE.config);
  if (webUrl) stackConfig.webUrl = webUrl;
}

export class ConnectionNotConfiguredError extends Error {
  override name = "ConnectionNotConfiguredError";
}

/**
 * The connection a ScopedToken uses: its own `connection` argument, else stack config, else the
 * environment, field by field.
 */
export function resolveConnection(fromArgs: Connection | undefined): Connection {
  if (fromArgs) return fromArgs;
  const resolved: Partial<Connection> = {};
  const missing: string[] = [];
  for (const field of Object.keys(SOURCES) as Field[]) {
    const value = stackConfig[field] ?? process.env[SOURCES[field].env];
    if (value) resolved[field] = value;
    else missing.push(`${SOURCES[field].config} (or env ${SOURCES[field].env})`);
  }
  if (missing.length > 0) {
    throw new ConnectionNotConfiguredError(
      `no GHES connection: set ${missing.join(", ")}; e.g. \`pulumi config set ghes-oauth:baseUrl https://github.example.com\` and \`pulumi config set --secret ghes-oauth:clientSecret ...\`, or pass the connection argument`,
    );
  }
  const webUrl = stackConfig.webUrl ?? process.env[WEB_URL_SOURCE.env];
  if (webUrl) resolved.webUrl = webUrl;
  return resolved as Connection;
}

/**
 * Where a resource's connection comes from, for messages: its `connection` argument, or per field the
 * stack config key or environment variable that supplied it. Names settings, never values.
 */
export function connectionOrigin(fromArgs: Connection | undefined): string {
  if (fromArgs) return "from the resource's `connection` argument";
  const fields = (Object.keys(SOURCES) as Field[]).map(
    (field) => `${field} from ${stackConfig[field] ? configuredName(field) : `env ${SOURCES[field].env}`}`,
  );
  return fields.join(", ");
}

function configuredName(field: Field): string {
  return configuredBy === "stack config"
    ? `stack config ${SOURCES[field].config}`
    : `the provider's ${field} setting (stack config ${SOURCES[field].config} for the default provider)`;
}

/** How to put the app's current client secret where this connection reads it from. */
export function clientSecretFix(fromArgs: Connection | undefined): string {
  if (fromArgs) return "pass the app's current client ID and secret in the resource's `connection` argument";
  if (stackConfig.clientSecret && configuredBy === "provider settings") {
    return `set the Provider's clientSecret (or \`pulumi config set --secret ${SOURCES.clientSecret.config}\` for the default provider) to the app's current client secret and run \`pulumi up\``;
  }
  if (stackConfig.clientSecret) {
    return `run \`pulumi config set --secret ${SOURCES.clientSecret.config} <the app's current client secret>\` (and check ${SOURCES.clientId.config} and ${SOURCES.baseUrl.config}), then \`pulumi up\` before \`pulumi destroy\` (destroy uses the config of the last update) or \`pulumi destroy --run-program\``;
  }
  return `set ${SOURCES.clientSecret.env} to the app's current client secret (a stale value in the environment is a common cause; or set ${SOURCES.clientSecret.config} in stack config instead), and check ${SOURCES.clientId.env} and ${SOURCES.baseUrl.env}`;
}
