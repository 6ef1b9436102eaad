import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { PermissionLevel as Level } from "@ghes-oauth/github-contract";
import { ADMIN_TOKEN_LINE_PREFIX, READY_LINE_PREFIX } from "./banner.js";
import {
  type EmulatedAccount,
  type EmulatedApp,
  type EmulatedInstallation,
  EmulatorAdmin,
  type IssuedUserToken,
} from "./emulator-admin.js";
import { ADMIN_TOKEN_VARIABLE } from "./http/admin-access.js";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "./server.js";

/**
 * What `seedWorld` creates; every field has a default. The client, emulator and Pulumi tests, the engine
 * smoke test and the demo (`apps/sample-stack`) seed with it.
 */
export interface WorldOptions {
  /** The organization the app is installed on. Default `acme` with repositories api, web, docs. */
  readonly org?: { readonly login?: string; readonly repositories?: readonly string[] };
  /** The user who authorized the app (holds the user token). Default `octocat`. */
  readonly user?: { readonly login?: string; readonly repositories?: readonly string[] };
  /** More users, e.g. a second person; they hold no token. */
  readonly otherUsers?: readonly string[];
  readonly app?: {
    readonly name?: string;
    /** Default metadata read, contents and issues write, pull_requests read; `highest`: every permission at its highest level. */
    readonly permissions?: Readonly<Record<string, Level>> | "highest";
    /**
     * Default true, GitHub's default: 8-hour user tokens that come with refresh tokens. False: tokens
     * that never expire, without refresh tokens.
     */
    readonly expiringUserTokens?: boolean;
    /** Default true. */
    readonly deviceFlow?: boolean;
    /** The web flow's callback URLs. Default `http://127.0.0.1/callback` (any loopback port matches it). */
    readonly callbackUrls?: readonly string[];
  };
  /** Default true: the user has signed in to the app (`userToken`). False: no token yet, e.g. for a sign-in demo. */
  readonly signedIn?: boolean;
  readonly installation?: {
    /** The org's repositories the installation covers. Default `all`. */
    readonly repositories?: "all" | readonly string[];
    /** Narrower than the app's; default the app's. */
    readonly permissions?: Readonly<Record<string, Level>>;
  };
}

/** An app's permissions broad enough for the usual scoped-token tests. */
const DEFAULT_APP_PERMISSIONS: Readonly<Record<string, Level>> = {
  metadata: "read",
  contents: "write",
  issues: "write",
  pull_requests: "read",
};

export interface World {
  readonly admin: EmulatorAdmin;
  readonly org: EmulatedAccount;
  readonly user: EmulatedAccount;
  readonly app: EmulatedApp;
  readonly installation: EmulatedInstallation;
  /** A user token of `app` for `user`, with `refresh_token` when the app's user tokens expire. */
  readonly userToken: IssuedUserToken;
  /** What a client needs to call the emulator as `app`: `{ baseUrl, clientId, clientSecret }`. */
  readonly connection: { readonly baseUrl: string; readonly clientId: string; readonly clientSecret: string };
  /** Issues another user token of `app` (to `user` unless `login` is given), as the web flow would. */
  issueUserToken(login?: string): Promise<IssuedUserToken>;
}

/**
 * Seeds the usual world through the admin API: an organization with repositories, a user, a GitHub App
 * installed on the organization, and a user token of that app for the user.
 *
 * @param admin the emulator's EmulatorAdmin, or its URL (origin or API URL).
 */
export async function seedWorld(
  admin: EmulatorAdmin | string,
  options: WorldOptions & { readonly signedIn: false },
): Promise<Omit<World, "userToken">>;
export async function seedWorld(admin: EmulatorAdmin | string, options?: WorldOptions): Promise<World>;
export async function seedWorld(admin: EmulatorAdmin | string, options: WorldOptions = {}): Promise<World> {
  const control = typeof admin === "string" ? new EmulatorAdmin(admin) : admin;
  const user = await control.createAccount({
    login: options.user?.login ?? "octocat",
    type: "User",
    repositories: [...(options.user?.repositories ?? [])],
  });
  for (const login of options.otherUsers ?? []) await control.createAccount({ login, type: "User" });
  const org = await control.createAccount({
    login: options.org?.login ?? "acme",
    type: "Organization",
    repositories: [...(options.org?.repositories ?? ["api", "web", "docs"])],
  });
  const permissions = options.app?.permissions ?? DEFAULT_APP_PERMISSIONS;
  const app = await control.createApp({
    name: options.app?.name ?? "ghes-oauth-test",
    ...(permissions === "highest" ? {} : { permissions: { ...permissions } }),
    ...(options.app?.expiringUserTokens === undefined
      ? {}
      : { expiringUserTokens: options.app.expiringUserTokens }),
    ...(options.app?.deviceFlow === undefined ? {} : { deviceFlow: options.app.deviceFlow }),
    callbackUrls: [...(options.app?.callbackUrls ?? ["http://127.0.0.1/callback"])],
  });
  const repositories = options.installation?.repositories ?? "all";
  const installation = await control.createInstallation({
    client_id: app.client_id,
    account: org.login,
    repositories: repositories === "all" ? "all" : [...repositories],
    ...(options.installation?.permissions ? { permissions: { ...options.installation.permissions } } : {}),
  });
  const issueUserToken = (login: string = user.login) =>
    control.issueUserToken({ client_id: app.client_id, login });
  return {
    admin: control,
    org,
    user,
    app,
    installation,
    userToken: options.signedIn === false ? (undefined as never) : await issueUserToken(),
    connection: { baseUrl: control.apiUrl, clientId: app.client_id, clientSecret: app.client_secret },
    issueUserToken,
  };
}

export interface SeededEmulator extends World {
  readonly emulator: RunningEmulator;
  /** The emulator's API URL, e.g. `http://127.0.0.1:PORT/api/v3`. */
  readonly apiUrl: string;
  close(): Promise<void>;
}

/**
 * Starts an emulator on a free loopback port and seeds the world (see seedWorld).
 * @param options.adminDispatcher an undici Dispatcher for the admin calls, e.g. an Agent trusting the
 *   test CA of an emulator started with `tls`.
 */
export async function startSeededEmulator(
  options: EmulatorOptions & { readonly world?: WorldOptions; readonly adminDispatcher?: unknown } = {},
): Promise<SeededEmulator> {
  const { world: worldOptions, adminDispatcher, ...emulatorOptions } = options;
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1", ...emulatorOptions });
  try {
    const admin = new EmulatorAdmin(emulator.apiUrl, {
      dispatcher: adminDispatcher,
      adminToken: emulator.adminToken,
    });
    const world = await seedWorld(admin, worldOptions);
    return { ...world, emulator, apiUrl: emulator.apiUrl, close: () => emulator.close() };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

/** An emulator in a child process of its own, started through the bin (benchmarks keep its CPU apart). */
export interface EmulatorProcess {
  apiUrl: string;
  /** The admin token it requires (given, or generated for a non-loopback `--host`); undefined when open. */
  adminToken: string | undefined;
  /** An admin client for it, sending the admin token: pass it to seedWorld. */
  admin: EmulatorAdmin;
  child: ChildProcess;
  /** Every line it printed on stdout up to its ready line. */
  banner: string[];
  stop(): void;
}

/**
 * Starts `ghes-oauth-emulator --port 0 --quiet [args]` and resolves with the API URL it prints (and
 * the admin token, which goes to the child through its environment, never its arguments).
 */
export async function startEmulatorProcess(
  args: readonly string[] = [],
  options: { readonly adminToken?: string } = {},
): Promise<EmulatorProcess> {
  const bin = fileURLToPath(new URL("../bin/ghes-oauth-emulator.js", import.meta.url));
  const env = { ...process.env };
  delete env[ADMIN_TOKEN_VARIABLE];
  if (options.adminToken !== undefined) env[ADMIN_TOKEN_VARIABLE] = options.adminToken;
  const child = spawn(process.execPath, [bin, "--port", "0", "--quiet", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env,
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const banner: string[] = [];
  await new Promise<void>((resolve, reject) => {
    lines.on("line", (line) => {
      banner.push(line);
      if (line.startsWith(READY_LINE_PREFIX)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const apiUrl = (banner[0] ?? "").trim();
  const printed = banner.find((line) => line.startsWith(ADMIN_TOKEN_LINE_PREFIX));
  const adminToken = options.adminToken ?? printed?.slice(ADMIN_TOKEN_LINE_PREFIX.length).split(" ")[0];
  return {
    apiUrl,
    adminToken,
    admin: new EmulatorAdmin(apiUrl, { adminToken }),
    child,
    banner,
    stop: () => child.kill("SIGTERM"),
  };
}

/**
 * Whether a request-log entry is a client's credential probe (a code exchange with a made-up code,
 * answered `bad_verification_code`): it mints nothing, so tests counting grants leave it out.
 */
export function isCredentialProbe(entry: { path: string; oauthError?: string }): boolean {
  return entry.path === "/login/oauth/access_token" && entry.oauthError === "bad_verification_code";
}
