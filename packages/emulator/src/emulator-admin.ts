import type { PermissionLevel as Level } from "@ghes-oauth/github-contract";
import type { BehaviourInput, BehaviourSettings } from "./behaviour/behaviour.js";
import type { FaultConfig } from "./faults/fault-config.js";
import { ADMIN_TOKEN_VARIABLE } from "./http/admin-access.js";
import type { RequestLogEntry } from "./request-log.js";

export interface EmulatedAccount {
  id: number;
  login: string;
  type: "User" | "Organization";
  repositories: { id: number; name: string }[];
}

export interface EmulatedApp {
  id: number;
  name: string;
  client_id: string;
  client_secret: string;
  permissions: Record<string, Level>;
  /** User tokens expire after 8 hours and come with refresh tokens, or never expire. */
  expiring_user_tokens: boolean;
  device_flow: boolean;
  callback_urls: string[];
  kind: "github-app" | "oauth-app";
}

/** A user token as `POST /_emulator/tokens` issues it (the authorization object, abridged). */
export interface IssuedUserToken {
  token: string;
  expires_at: string | null;
  /** The refresh fields come only from apps that expire their user tokens. */
  refresh_token?: string;
  expires_in?: number;
  refresh_token_expires_in?: number;
  refresh_token_expires_at?: string;
  [field: string]: unknown;
}

/** An installation as `POST /_emulator/installations` answers it. */
export interface EmulatedInstallation {
  id: number;
  client_id: string;
  account: { id: number; login: string; type: "User" | "Organization" };
  repository_selection: "all" | "selected";
  repositories: { id: number; name: string }[];
  permissions: Record<string, Level>;
}

export interface LiveToken {
  /** An access token (scoped or not) or a refresh token; ids are unique per kind. */
  kind: "access" | "refresh";
  id: number;
  hashed_token: string;
  token_last_eight: string;
  user: { login: string };
  scoped: boolean;
  expires_at: string | null;
}

/**
 * A typed client for the emulator's /_emulator admin API (over HTTP, like any other client): set up
 * accounts, apps, installations and user tokens, inspect live tokens and the request log, inject faults,
 * move the clock. For tests, demos and scripts.
 */
export class EmulatorAdmin {
  readonly #origin: string;
  readonly #dispatcher: unknown;
  readonly #headers: Record<string, string>;

  /**
   * @param url the emulator's origin or API URL, e.g. `http://127.0.0.1:PORT` or `.../api/v3`.
   * @param options.dispatcher an undici Dispatcher for the requests, e.g. an Agent trusting the CA of an
   *   emulator serving HTTPS with a private certificate.
   * @param options.adminToken sent as `Authorization: Bearer <token>`: the emulator requires it beyond
   *   loopback (see startEmulator's adminToken). Default: `GHES_OAUTH_EMULATOR_ADMIN_TOKEN`, if set.
   */
  constructor(url: string, options: { dispatcher?: unknown; adminToken?: string | undefined } = {}) {
    this.#origin = new URL(url).origin;
    this.#dispatcher = options.dispatcher;
    const token = options.adminToken ?? process.env[ADMIN_TOKEN_VARIABLE];
    this.#headers = token ? { authorization: `Bearer ${token}` } : {};
  }

  /** The emulator's API URL (`<origin>/api/v3`), where clients send the token API calls. */
  get apiUrl(): string {
    return `${this.#origin}/api/v3`;
  }

  createAccount(input: { login: string; type?: "User" | "Organization"; repositories?: string[] }) {
    return this.#call<EmulatedAccount>("POST", "/_emulator/accounts", input);
  }

  /**
   * @param input.expiringUserTokens default true (GitHub's default): 8-hour user tokens with refresh tokens.
   * @param input.deviceFlow default true: whether the app may use the device flow.
   * @param input.callbackUrls the web flow's registered callback URLs (none by default).
   */
  createApp(input: {
    name: string;
    permissions?: Record<string, Level>;
    expiringUserTokens?: boolean;
    deviceFlow?: boolean;
    callbackUrls?: string[];
    /** `oauth-app`: `gho_` tokens that never expire, OAuth scopes, no scoped tokens. Default `github-app`. */
    kind?: "github-app" | "oauth-app";
  }) {
    return this.#call<EmulatedApp>("POST", "/_emulator/apps", input);
  }

  /** Generates a new client secret for the app; the old one stops working (as deleting it on GitHub would). */
  rotateClientSecret(clientId: string) {
    return this.#call<{ client_id: string; client_secret: string }>(
      "POST",
      `/_emulator/apps/${encodeURIComponent(clientId)}/client-secret`,
    );
  }

  createInstallation(input: {
    client_id: string;
    account: string;
    repositories?: "all" | string[];
    permissions?: Record<string, Level>;
  }) {
    return this.#call<EmulatedInstallation>("POST", "/_emulator/installations", input);
  }

  /**
   * Issues a user-to-server token (and refresh token, for an expiring app), as the web flow would;
   * `scopes` are an OAuth app's OAuth scopes.
   */
  issueUserToken(input: { client_id: string; login: string; scopes?: string[] }) {
    return this.#call<IssuedUserToken>("POST", "/_emulator/tokens", input);
  }

  /** Approves (or denies) a device-flow user code as `login`, as that person would in the browser. */
  approveDeviceCode(input: { user_code: string; login: string; deny?: boolean }) {
    return this.#call<{ user_code: string; status: "approved" | "denied" }>(
      "POST",
      "/_emulator/device-flow/approve",
      input,
    );
  }

  /** A web-flow code for `login` (what GitHub's redirect would carry): single use, 10 minutes. */
  createWebFlowCode(input: {
    client_id: string;
    login: string;
    redirect_uri?: string;
    code_challenge?: string;
  }) {
    return this.#call<{ code: string }>("POST", "/_emulator/web-flow/codes", input);
  }

  /** The app's live tokens (never their values). */
  liveTokens(clientId: string) {
    return this.#call<LiveToken[]>("GET", `/_emulator/tokens?client_id=${encodeURIComponent(clientId)}`);
  }

  /**
   * Replaces the active faults (token API only). `path` selects paths containing a string, `pathPattern`
   * paths matching a glob (`*` within a segment, `**` across, e.g. `**` + `/token`); regular expressions
   * are refused with a 422. `seed` makes `rate` and `resetRate` deterministic (the same faults for the same
   * requests); without it they are random.
   */
  setFaults(config: FaultConfig) {
    return this.#call<FaultConfig>("PUT", "/_emulator/faults", config);
  }

  clearFaults() {
    return this.#call<void>("DELETE", "/_emulator/faults");
  }

  /**
   * Changes what GitHub leaves undocumented (`scopedTokenExpiry`, `parentRefresh`) and switches rate
   * limits on or off (`rateLimit` replaces them all; counters start over). Answers the whole behaviour.
   */
  setBehaviour(input: BehaviourInput) {
    return this.#call<BehaviourSettings>("PUT", "/_emulator/behaviour", input);
  }

  behaviour() {
    return this.#call<BehaviourSettings>("GET", "/_emulator/behaviour");
  }

  advanceClock(seconds: number) {
    return this.#call<{ now: string; offsetSeconds: number }>("POST", "/_emulator/clock", {
      advanceSeconds: seconds,
    });
  }

  /** API requests answered so far (never bodies, tokens or secrets; paths and queries redacted). */
  requests() {
    return this.#call<RequestLogEntry[]>("GET", "/_emulator/requests");
  }

  clearRequests() {
    return this.#call<void>("DELETE", "/_emulator/requests");
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init = {
      method,
      headers: body === undefined ? this.#headers : { ...this.#headers, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      // Node's fetch takes undici's dispatcher option; the DOM RequestInit type does not know it.
      ...(this.#dispatcher ? { dispatcher: this.#dispatcher } : {}),
    } as RequestInit;
    const response = await fetch(`${this.#origin}${path}`, init);
    const text = await response.text();
    if (!response.ok)
      throw new Error(`emulator admin ${method} ${path.split("?")[0]} failed: ${response.status} ${text}`);
    return (text === "" ? undefined : JSON.parse(text)) as T;
  }
}
