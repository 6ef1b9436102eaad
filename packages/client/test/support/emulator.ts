import { startEmulator } from "@ghes-oauth/emulator";
import { type Dispatcher, request } from "undici";

type Json = Record<string, unknown>;

export interface EmulatorRequest {
  method: string;
  path: string;
  status: number;
}

/** The emulator's admin API (`/_emulator/...`), driven with undici directly. */
export class EmulatorAdmin {
  constructor(
    readonly origin: string,
    readonly dispatcher?: Dispatcher,
  ) {}

  async call<T = Json>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
    const response = await request(`${this.origin}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
    });
    const text = await response.body.text();
    if (response.statusCode >= 300) {
      throw new Error(`emulator admin ${method} ${path}: ${response.statusCode} ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Issues a fresh user token for the app, as the web flow would. */
  async issueToken(clientId: string, login: string): Promise<string> {
    return (await this.call<{ token: string }>("POST", "/tokens", { client_id: clientId, login })).token;
  }

  liveTokens(
    clientId: string,
  ): Promise<Array<{ hashed_token: string; user: { login: string }; scoped: boolean }>> {
    return this.call("GET", `/tokens?client_id=${encodeURIComponent(clientId)}`);
  }

  setFaults(faults: {
    status?: number;
    rate?: number;
    latencyMs?: number;
    resetRate?: number;
    path?: string;
  }) {
    return this.call("PUT", "/faults", faults);
  }

  clearFaults() {
    return this.call("DELETE", "/faults");
  }

  requests(): Promise<EmulatorRequest[]> {
    return this.call("GET", "/requests");
  }

  clearRequests() {
    return this.call("DELETE", "/requests");
  }

  advanceClock(advanceSeconds: number) {
    return this.call("POST", "/clock", { advanceSeconds });
  }
}

export interface SeededEmulator {
  apiUrl: string;
  admin: EmulatorAdmin;
  clientId: string;
  clientSecret: string;
  org: { login: string; id: number; repositories: Array<{ id: number; name: string }> };
  user: { login: string; id: number };
  /** A fresh non-scoped user token. */
  newToken(): Promise<string>;
  close(): Promise<void>;
}

export const APP_PERMISSIONS = {
  metadata: "read",
  contents: "write",
  issues: "write",
  pull_requests: "read",
};

/**
 * Starts an emulator on a free loopback port and seeds: an organization with three repositories,
 * a user, an app with APP_PERMISSIONS installed on two of the organization's repositories.
 */
export async function startSeededEmulator(
  options: { tls?: { cert: string; key: string }; adminDispatcher?: Dispatcher } = {},
): Promise<SeededEmulator> {
  const emulator = await startEmulator({
    port: 0,
    host: "127.0.0.1",
    ...(options.tls ? { tls: options.tls } : {}),
  });
  const admin = new EmulatorAdmin(new URL(emulator.apiUrl).origin, options.adminDispatcher);
  const org = await admin.call<SeededEmulator["org"]>("POST", "/accounts", {
    login: "octo-org",
    type: "Organization",
    repositories: ["api", "web", "docs"],
  });
  const user = await admin.call<SeededEmulator["user"]>("POST", "/accounts", {
    login: "octocat",
    type: "User",
  });
  const app = await admin.call<{ client_id: string; client_secret: string }>("POST", "/apps", {
    name: "Scoper",
    permissions: APP_PERMISSIONS,
  });
  await admin.call("POST", "/installations", {
    client_id: app.client_id,
    account: "octo-org",
    repositories: ["api", "web"],
  });
  return {
    apiUrl: emulator.apiUrl,
    admin,
    clientId: app.client_id,
    clientSecret: app.client_secret,
    org,
    user,
    newToken: () => admin.issueToken(app.client_id, "octocat"),
    close: () => emulator.close(),
  };
}
