import {
  type ApiVersion,
  DEFAULT_API_VERSION,
  type PermissionLevel as Level,
} from "@ghes-oauth/github-contract";
import type { Dispatcher } from "undici";
import { expect } from "vitest";
import { EmulatorAdmin, type RunningEmulator, startEmulator } from "../../src/index.js";
import { seedWorld } from "../../src/testing.js";
import { type CallOptions, type CallResult, call } from "./http.js";

export interface App {
  id: number;
  name: string;
  client_id: string;
  client_secret: string;
  permissions: Record<string, string>;
}

/**
 * A running emulator with helpers for its token API; `control` is its EmulatorAdmin, and `admin()` sends
 * raw admin calls for the tests of the admin API itself (statuses, validation).
 */
export class TestEmulator {
  readonly control: EmulatorAdmin;

  private constructor(
    readonly emulator: RunningEmulator,
    /** Used for every call, e.g. an undici Agent trusting a test CA. */
    readonly dispatcher: Dispatcher | undefined,
  ) {
    this.control = new EmulatorAdmin(emulator.url, { dispatcher, adminToken: emulator.adminToken });
  }

  static async start(
    options: Parameters<typeof startEmulator>[0] = {},
    dispatcher?: Dispatcher,
  ): Promise<TestEmulator> {
    return new TestEmulator(await startEmulator(options), dispatcher);
  }

  /** Helpers for an emulator running elsewhere (e.g. the bin in a child process); close() is its owner's. */
  static attach(
    url: string,
    apiUrl: string,
    apiVersion: ApiVersion = DEFAULT_API_VERSION,
    adminToken?: string,
  ): TestEmulator {
    const port = Number(new URL(url).port);
    return new TestEmulator(
      { url, apiUrl, port, apiVersion, adminToken, listenUrl: url, close: async () => {} },
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
    return this.control.createAccount({ login, type, repositories });
  }

  app(name: string, permissions?: Record<string, Level>): Promise<App> {
    return this.control.createApp(permissions ? { name, permissions } : { name });
  }

  install(app: App, account: string, repositories?: "all" | string[], permissions?: Record<string, Level>) {
    return this.control.createInstallation({ client_id: app.client_id, account, repositories, permissions });
  }

  async issueToken(app: App, login: string): Promise<string> {
    return (await this.control.issueUserToken({ client_id: app.client_id, login })).token;
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
  const world = await seedWorld(emulator.control, {
    user: { login: "octocat", repositories: ["dotfiles"] },
    otherUsers: ["hubot"],
    org: { login: "acme", repositories: ["api", "web", "ops"] },
    app: {
      name: "deployer",
      permissions: {
        contents: "write",
        metadata: "read",
        issues: "write",
        pull_requests: "read",
        repository_projects: "admin",
      },
    },
    installation: {
      repositories: ["api", "web"],
      permissions: { contents: "write", metadata: "read", issues: "read", repository_projects: "admin" },
    },
  });
  const otherApp = await emulator.app("other");
  return {
    app: world.app,
    otherApp,
    installation: world.installation,
    token: world.userToken.token,
    acme: world.org,
  };
}
