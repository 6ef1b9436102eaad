import { type ApiVersion, DEFAULT_API_VERSION } from "@ghes-oauth/github-contract";
import type { Dispatcher } from "undici";
import { expect } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { type CallOptions, type CallResult, call } from "./http.js";

export interface App {
  id: number;
  name: string;
  client_id: string;
  client_secret: string;
  permissions: Record<string, string>;
}

/** A running emulator with helpers for its admin API and token API. */
export class TestEmulator {
  private constructor(
    readonly emulator: RunningEmulator,
    /** Used for every call, e.g. an undici Agent trusting a test CA. */
    readonly dispatcher: Dispatcher | undefined,
  ) {}

  static async start(
    options: Parameters<typeof startEmulator>[0] = {},
    dispatcher?: Dispatcher,
  ): Promise<TestEmulator> {
    return new TestEmulator(await startEmulator(options), dispatcher);
  }

  /** Helpers for an emulator running elsewhere (e.g. the bin in a child process); close() is its owner's. */
  static attach(url: string, apiUrl: string, apiVersion: ApiVersion = DEFAULT_API_VERSION): TestEmulator {
    return new TestEmulator(
      { url, apiUrl, port: Number(new URL(url).port), apiVersion, close: async () => {} },
      undefined,
    );
  }

  get apiUrl(): string {
    return this.emulator.apiUrl;
  }

  get url(): string {
    return this.emulator.url;
  }

  close(): Promise<void> {
    return this.emulator.close();
  }

  /** Calls the admin API and expects `expectedStatus`. */
  // biome-ignore lint/suspicious/noExplicitAny: response JSON is checked by the assertions that read it
  async admin(method: string, path: string, json?: unknown, expectedStatus?: number): Promise<any> {
    const result = await call(method, `${this.url}/_emulator${path}`, {
      dispatcher: this.dispatcher,
      ...(json === undefined ? {} : { json }),
    });
    if (expectedStatus !== undefined) expect(result.status, result.text).toBe(expectedStatus);
    return result.body;
  }

  account(login: string, type: "User" | "Organization" = "User", repositories: string[] = []) {
    return this.admin("POST", "/accounts", { login, type, repositories }, 201);
  }

  app(name: string, permissions?: Record<string, string>): Promise<App> {
    return this.admin("POST", "/apps", permissions ? { name, permissions } : { name }, 201);
  }

  install(app: App, account: string, repositories?: "all" | string[], permissions?: Record<string, string>) {
    return this.admin(
      "POST",
      "/installations",
      { client_id: app.client_id, account, repositories, permissions },
      201,
    );
  }

  async issueToken(app: App, login: string): Promise<string> {
    const body = await this.admin("POST", "/tokens", { client_id: app.client_id, login }, 201);
    return body.token;
  }

  /** Calls the token API under /api/v3 as `app` (Basic auth) unless `options.auth` says otherwise. */
  api(method: string, path: string, app: App | undefined, options: CallOptions = {}): Promise<CallResult> {
    return call(method, `${this.apiUrl}${path}`, {
      dispatcher: this.dispatcher,
      ...(app ? { auth: [app.client_id, app.client_secret] as const } : {}),
      ...options,
    });
  }
}

/** The usual cast: user octocat, org acme (api, web, ops), app "deployer" installed on acme (api, web). */
export async function standardWorld(emulator: TestEmulator) {
  await emulator.account("octocat", "User", ["dotfiles"]);
  await emulator.account("hubot", "User");
  const acme = await emulator.account("acme", "Organization", ["api", "web", "ops"]);
  const app = await emulator.app("deployer", {
    contents: "write",
    metadata: "read",
    issues: "write",
    pull_requests: "read",
    repository_projects: "admin",
  });
  const installation = await emulator.install(app, "acme", ["api", "web"], {
    contents: "write",
    metadata: "read",
    issues: "read",
    repository_projects: "admin",
  });
  const otherApp = await emulator.app("other");
  const token = await emulator.issueToken(app, "octocat");
  return { app, otherApp, installation, token, acme };
}
