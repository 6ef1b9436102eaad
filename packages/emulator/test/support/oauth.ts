import { type Dispatcher, request } from "undici";
import { expect } from "vitest";
import { type App, standardWorld, TestEmulator } from "./world.js";

/** Where the parameters go: GitHub takes any of these. */
export type ParamStyle = "json" | "form" | "query";

export interface OAuthCall {
  status: number;
  contentType: string;
  /** The answer's fields, parsed from JSON or form encoding per its content type. */
  // biome-ignore lint/suspicious/noExplicitAny: the assertions that read a field check its type
  fields: Record<string, any>;
  text: string;
}

export interface OAuthCallOptions {
  style?: ParamStyle;
  /** Ask for JSON (the default); false sends no Accept header, as a plain form client would. */
  json?: boolean;
  headers?: Record<string, string>;
  dispatcher?: Dispatcher;
}

/** POSTs to an OAuth web-host endpoint (`path` under the origin) with `params` sent in `style`. */
export async function oauthPost(
  origin: string,
  path: string,
  params: Record<string, string>,
  options: OAuthCallOptions = {},
): Promise<OAuthCall> {
  const style = options.style ?? "json";
  const headers: Record<string, string> = { ...options.headers };
  if (options.json !== false) headers.accept = "application/json";
  let url = `${origin}${path}`;
  let body: string | undefined;
  if (style === "json") {
    headers["content-type"] = "application/json";
    body = JSON.stringify(params);
  } else if (style === "form") {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(params).toString();
  } else {
    url += `?${new URLSearchParams(params)}`;
  }
  const response = await request(url, { method: "POST", headers, body, dispatcher: options.dispatcher });
  const text = await response.body.text();
  const contentType = String(response.headers["content-type"] ?? "");
  const fields = contentType.startsWith("application/json")
    ? JSON.parse(text)
    : contentType.startsWith("application/x-www-form-urlencoded")
      ? Object.fromEntries(new URLSearchParams(text))
      : {};
  return { status: response.statusCode, contentType, fields, text };
}

/** A grant answer of an app that expires its user tokens: a ghu_/ghr_ pair with GitHub's lifetimes. */
export function expiringGrantFields() {
  return {
    access_token: expect.stringMatching(/^ghu_[A-Za-z0-9]{36}$/),
    expires_in: 28800,
    refresh_token: expect.stringMatching(/^ghr_[A-Za-z0-9]{36}$/),
    refresh_token_expires_in: 15_897_600,
    scope: "",
    token_type: "bearer",
  };
}

const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** The OAuth endpoints as one app calls them. */
export class OAuthApp {
  constructor(
    readonly emulator: TestEmulator,
    readonly app: App,
  ) {}

  token(params: Record<string, string>, options?: OAuthCallOptions) {
    return oauthPost(
      this.emulator.url,
      "/login/oauth/access_token",
      { client_id: this.app.client_id, ...params },
      options,
    );
  }

  refresh(refreshToken: string, extra: Record<string, string> = { client_secret: this.app.client_secret }) {
    return this.token({ grant_type: "refresh_token", refresh_token: refreshToken, ...extra });
  }

  deviceCode(params: Record<string, string> = {}, options?: OAuthCallOptions) {
    return oauthPost(
      this.emulator.url,
      "/login/device/code",
      { client_id: this.app.client_id, ...params },
      options,
    );
  }

  pollDevice(deviceCode: string, extra: Record<string, string> = {}) {
    return this.token({ grant_type: DEVICE_GRANT, device_code: deviceCode, ...extra });
  }

  async webFlowCode(login: string, redirectUri?: string): Promise<string> {
    const body = await this.emulator.control.createWebFlowCode({
      client_id: this.app.client_id,
      login,
      ...(redirectUri ? { redirect_uri: redirectUri } : {}),
    });
    return body.code;
  }

  exchangeCode(code: string, extra: Record<string, string> = {}) {
    return this.token({ client_secret: this.app.client_secret, code, ...extra });
  }

  approve(userCode: string, login: string, deny = false) {
    return this.emulator.control.approveDeviceCode({ user_code: userCode, login, deny });
  }

  /** The status of `token` at the check endpoint (200 live, 404 dead). */
  async check(token: string): Promise<number> {
    const result = await this.emulator.api("POST", `/applications/${this.app.client_id}/token`, this.app, {
      json: { access_token: token },
    });
    return result.status;
  }

  /** A fresh grant from the admin API: the access token and its refresh token. */
  async grant(login: string): Promise<{ token: string; refresh_token: string; expires_at: string }> {
    const issued = await this.emulator.control.issueUserToken({ client_id: this.app.client_id, login });
    return issued as typeof issued & { refresh_token: string; expires_at: string };
  }
}

/** A fresh emulator with the standard world, its app, and that app's OAuth endpoints. */
export async function startOAuthWorld(): Promise<{ emulator: TestEmulator; app: App; oauth: OAuthApp }> {
  const emulator = await TestEmulator.start();
  const { app } = await standardWorld(emulator);
  return { emulator, app, oauth: new OAuthApp(emulator, app) };
}
