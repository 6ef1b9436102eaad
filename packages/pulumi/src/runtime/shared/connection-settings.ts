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

/**
 * Called from the provider's configure: remembers the stack config the engine passes (as of the last
 * update, or the current one under `pulumi up` and `pulumi destroy --run-program`).
 */
export function configureFromStack(config: ConfigReader): void {
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
