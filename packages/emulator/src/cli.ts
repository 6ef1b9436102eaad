import { parseArgs } from "node:util";
import { API_VERSIONS, DEFAULT_API_VERSION, isApiVersion } from "@ghes-oauth/github-contract";
import { bannerLines } from "./banner.js";
import { PARENT_REFRESH, SCOPED_TOKEN_EXPIRY } from "./behaviour/behaviour.js";
import { ADMIN_TOKEN_VARIABLE } from "./http/admin-access.js";
import { PermissionCatalogue } from "./permission-catalogue.js";
import { readTlsFiles, startEmulator } from "./server.js";

const HELP = `Usage: ghes-oauth-emulator [options]

A local GitHub Enterprise Server "OAuth Apps" token API (9 endpoints) with an admin API at /_emulator.

Options:
  --port <n>           TCP port (default: a free port)
  --host <addr>        interface to bind (default: 127.0.0.1). Beyond loopback (0.0.0.0, ::, a LAN
                       address) the admin API /_emulator requires an admin token
  --admin-token <t>    require Authorization: Bearer <t> on /_emulator (also on loopback); default:
                       GHES_OAUTH_EMULATOR_ADMIN_TOKEN, else one generated and printed for a
                       non-loopback --host, else none (open admin API on loopback)
  --data-file <path>   keep all state in this SQLite file (default: in memory)
  --api-version <v>    the GitHub API description whose scoped-token permissions are served:
                       ${API_VERSIONS.join(", ")} (default: ${DEFAULT_API_VERSION})
  --scoped-token-expiry parent|own
                       undocumented by GitHub: a scoped token expires with its parent token (parent,
                       the default) or 8 hours after it was minted (own)
  --parent-refresh keep-children|revoke-children
                       undocumented by GitHub: refreshing a user token leaves the scoped tokens minted
                       from it valid (keep-children, the default) or revokes them (revoke-children)
  --rate-limit <n>/<seconds>
                       GitHub's primary rate limit: n requests per window per app, e.g. 5000/3600
                       (default: none, as GHES ships)
  --secondary-rate-limit <n>/<seconds>
                       GitHub's secondary rate limit: more than n mutating requests per window gets a
                       403 with retry-after, e.g. 500/5 (default: none)
  --tls-cert <path>    PEM certificate: serve HTTPS (needs --tls-key)
  --tls-key <path>     PEM private key
  --quiet              no access log
  -h, --help           show this help

The first line printed is the API URL a client on this machine can use, e.g.
http://127.0.0.1:8080/api/v3. For a wildcard --host a line says where it really listens
(http://0.0.0.0:PORT/api/v3, http://[::]:PORT/api/v3) and how others reach it; a generated admin token
is printed once ("admin token: ..."); the last line names the API version served and its permission
count.`;

function fail(message: string): never {
  process.stderr.write(`ghes-oauth-emulator: ${message}\n\n${HELP}\n`);
  process.exit(2);
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** `n/seconds`, e.g. `500/5`, or undefined when the flag was not given. */
function perWindow(flag: string, text: string | undefined) {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const limit = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || limit < 1 || windowSeconds < 1 || windowSeconds > 86_400)
    fail(`${flag} must be <requests>/<seconds>, e.g. 500/5 (a window of 1 to 86400 seconds), got ${text}`);
  return { limit, windowSeconds };
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>["values"];
  function parse() {
    return parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "admin-token": { type: "string" },
        "data-file": { type: "string" },
        "api-version": { type: "string" },
        "scoped-token-expiry": { type: "string" },
        "parent-refresh": { type: "string" },
        "rate-limit": { type: "string" },
        "secondary-rate-limit": { type: "string" },
        "tls-cert": { type: "string" },
        "tls-key": { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  }
  try {
    values = parse().values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be 0..65535, got ${values.port}`);
  if (Boolean(values["tls-cert"]) !== Boolean(values["tls-key"]))
    fail("--tls-cert and --tls-key go together");
  const apiVersion = values["api-version"] ?? DEFAULT_API_VERSION;
  if (!isApiVersion(apiVersion)) fail(`--api-version must be one of ${API_VERSIONS.join(", ")}`);

  const adminToken = values["admin-token"] ?? (process.env[ADMIN_TOKEN_VARIABLE] || undefined);
  if (adminToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(adminToken))
    fail(
      "--admin-token (or GHES_OAUTH_EMULATOR_ADMIN_TOKEN) must be at least 16 printable characters without spaces",
    );
  const scopedTokenExpiry = values["scoped-token-expiry"] ?? "parent";
  if (!isOneOf(SCOPED_TOKEN_EXPIRY, scopedTokenExpiry))
    fail(`--scoped-token-expiry must be one of ${SCOPED_TOKEN_EXPIRY.join(", ")}`);
  const parentRefresh = values["parent-refresh"] ?? "keep-children";
  if (!isOneOf(PARENT_REFRESH, parentRefresh))
    fail(`--parent-refresh must be one of ${PARENT_REFRESH.join(", ")}`);
  const primary = perWindow("--rate-limit", values["rate-limit"]);
  const secondary = perWindow("--secondary-rate-limit", values["secondary-rate-limit"]);

  const emulator = await startEmulator({
    behaviour: {
      scopedTokenExpiry,
      parentRefresh,
      rateLimit: {
        primary: primary && { limit: primary.limit, windowSeconds: primary.windowSeconds },
        secondary: secondary && { limit: secondary.limit, windowSeconds: secondary.windowSeconds },
      },
    },
    port,
    host: values.host,
    adminToken,
    dataFile: values["data-file"],
    apiVersion,
    tls:
      values["tls-cert"] && values["tls-key"]
        ? readTlsFiles(values["tls-cert"], values["tls-key"])
        : undefined,
    log: values.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
  });
  const { names } = new PermissionCatalogue(emulator.apiVersion);
  process.stdout.write(`${bannerLines(emulator, adminToken !== undefined, names.length).join("\n")}\n`);

  const shutdown = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: Error) => {
  process.stderr.write(`ghes-oauth-emulator: ${error.message}\n`);
  process.exit(1);
});
