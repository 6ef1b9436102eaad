import { type DeviceCode, type OAuthAppClient, OAuthError } from "@ghes-oauth/client";
import { CONNECTION_HELP, EXIT_HELP } from "../args/common-options.js";
import { EXIT_CODES } from "../exit-codes.js";
import type { Io } from "../io.js";
import { describeError } from "../output/describe-error.js";
import { keepRecoverable } from "../pulumi/keep-recoverable.js";
import { PulumiConfigError, setPulumiSecret } from "../pulumi/set-pulumi-secret.js";
import { Spinner } from "../terminal/spinner.js";
import { terminalSafe } from "../terminal/terminal-safe.js";
import { UsageError } from "../usage-error.js";
import { offerInBrowser, runWebFlow, WebFlowFailure } from "../web-flow/run-web-flow.js";
import { defineCommand } from "./command.js";

const HELP = `Usage: ghes-oauth login [--web | --open] [--no-open] [--pulumi-config KEY [--stack NAME] [--cwd DIR]] [--show-token]

Signs a user in with the device flow: prints a code and the address to enter it at, then waits (polling
as often as the server allows, slowing down when it asks) until the user approves in a browser.
  --open                open the address in the browser too
  --web                 the web flow instead, with PKCE: listens once on http://127.0.0.1:PORT/callback,
                        opens the authorize page in the browser (or prints it), checks the state it
                        comes back with and exchanges the code. The app must list a loopback callback
                        URL such as http://127.0.0.1/callback (any port matches it).
  --no-open             never start a browser, only print the address (also: BROWSER=none)
The browser is $BROWSER when set, else open (macOS) or xdg-open when installed.

The result is the refresh token (or, for an app whose user tokens do not expire, the access token):
  --pulumi-config KEY   store it as a secret in a Pulumi stack's config: runs
                        pulumi config set --secret KEY with the value on stdin (never in argv)
  --stack NAME          the stack (default: pulumi's current stack)
  --cwd DIR             the Pulumi project directory (default: the current directory)
  --show-token          print it on a terminal too
Without --pulumi-config it is printed only to a stdout that is not a terminal (a pipe or a file),
or with --show-token. The code and the progress go to stderr.

  -h, --help            show this help

${CONNECTION_HELP}

${EXIT_HELP} Exit 1 also when the user denies the request or the code expires (15 minutes).`;

export const loginCommand = defineCommand({
  name: "login",
  summary: "sign in (device flow, or --web with PKCE); store the token in a Pulumi stack",
  help: HELP,
  options: {
    "pulumi-config": { type: "string" },
    stack: { type: "string" },
    cwd: { type: "string" },
    "show-token": { type: "boolean" },
    web: { type: "boolean" },
    open: { type: "boolean" },
    "no-open": { type: "boolean" },
  },
  connection: "required",
  prepare({ values, positionals }) {
    if (positionals.length > 0) throw new UsageError("login takes no arguments", "login");
    const key = values["pulumi-config"];
    if (key === undefined && (values.stack !== undefined || values.cwd !== undefined))
      throw new UsageError("--stack and --cwd go with --pulumi-config KEY", "login");
    if (key !== undefined && !/^[A-Za-z0-9_.:-]+$/.test(key))
      throw new UsageError("--pulumi-config takes a config key such as ghes-oauth:refreshToken", "login");
    if (values.open && values["no-open"])
      throw new UsageError("--open and --no-open contradict each other", "login");
  },
  failure(io, _command, error) {
    io.stderr.write(`ghes-oauth login: ${terminalSafe(describeLoginError(error))}\n`);
    return EXIT_CODES.failed;
  },
  async run({ io, values, connection, client }) {
    const api = client();
    const grant = values.web
      ? await runWebFlow(io, api, connection, { open: !values["no-open"] })
      : await deviceFlow(io, api, values.open === true);
    const token = grant.refresh_token ?? grant.access_token;
    const kind = grant.refresh_token ? "refresh token" : "access token (this app's tokens do not expire)";
    const expires = grant.refresh_token ? grant.refresh_token_expires_at : grant.expires_at;
    const until = expires ? `, valid until ${expires}` : "";
    const key = values["pulumi-config"];
    if (key !== undefined) {
      const target = { key, stack: values.stack, cwd: values.cwd };
      try {
        await setPulumiSecret(target, token, io.stderr);
      } catch (error) {
        if (!(error instanceof PulumiConfigError)) throw error;
        const kept = await keepRecoverable(api, grant, token, target);
        io.stderr.write(`ghes-oauth login: ${terminalSafe(error.message)}\n${kept}\n`);
        return EXIT_CODES.failed;
      }
      io.stderr.write(`Stored the ${kind} as the secret config value ${key}${until}\n`);
      return EXIT_CODES.ok;
    }
    if (!io.stdout.isTTY || values["show-token"]) {
      io.stdout.write(`${token}\n`);
      io.stderr.write(`Printed the ${kind}${until}\n`);
    } else {
      io.stderr.write(
        `Signed in. The ${kind} is not shown on a terminal: add --show-token, redirect stdout, or use --pulumi-config KEY\n`,
      );
    }
    return EXIT_CODES.ok;
  },
});

async function deviceFlow(io: Io, client: OAuthAppClient, open: boolean) {
  const device = await client.createDeviceCode();
  io.stderr.write(
    `Open ${terminalSafe(device.verification_uri)} and enter the code ${terminalSafe(device.user_code)}\n`,
  );
  if (open) await offerInBrowser(io, device.verification_uri, true, true);
  return waitWithProgress(io, client, device);
}

async function waitWithProgress(io: Io, client: OAuthAppClient, device: DeviceCode) {
  const waiting = (interval: number) => `Waiting for approval (checking every ${interval}s)`;
  const spinner = io.stderr.isTTY ? new Spinner(io.stderr, waiting(device.interval)) : undefined;
  if (!spinner) io.stderr.write(`${waiting(device.interval)}\n`);
  let interval = device.interval;
  try {
    const grant = await client.waitForDeviceAuthorization(device.device_code, {
      interval: device.interval,
      expiresIn: device.expires_in,
      onPending: (state) => {
        if (state.interval === interval) return;
        interval = state.interval;
        const message = `${waiting(interval)}; the server asked to slow down`;
        if (spinner) spinner.update(message);
        else io.stderr.write(`${message}\n`);
      },
    });
    spinner?.stop("Approved.");
    return grant;
  } catch (error) {
    spinner?.stop("Not approved.");
    throw error;
  }
}

function describeLoginError(error: unknown): string {
  if (error instanceof PulumiConfigError) return error.message;
  if (error instanceof WebFlowFailure) {
    return error.oauthError === "access_denied" ? "the request was denied in the browser" : error.message;
  }
  switch (error instanceof OAuthError ? error.code : undefined) {
    case "access_denied":
      return "the request was denied in the browser";
    case "expired_token":
      return "the code expired before it was approved; run login again";
    case "device_flow_disabled":
      return "the app does not allow the device flow: enable it in the app's settings";
    case "incorrect_client_credentials":
      return "the client ID or secret is wrong";
    case "bad_verification_code":
      return "the server refused the code (used, expired, or its PKCE verifier did not match); run login again";
    default:
      return describeError(error);
  }
}
