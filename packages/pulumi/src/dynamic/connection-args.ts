import type * as pulumi from "@pulumi/pulumi";

/**
 * Where the OAuth/GitHub App's token API lives and how to authenticate to it. When a ScopedToken has no
 * `connection`, the provider reads stack config (`ghes-oauth:baseUrl`, `ghes-oauth:clientId`,
 * `ghes-oauth:clientSecret`), then the environment (`GHES_OAUTH_BASE_URL`, `GHES_OAUTH_CLIENT_ID`,
 * `GHES_OAUTH_CLIENT_SECRET`).
 */
export interface ConnectionArgs {
  /** `https://HOST`, `https://HOST/api/v3`, or `https://api.github.com`. */
  baseUrl: pulumi.Input<string>;
  /** The app's client ID (e.g. `Iv1.8a61f9b3a7aba766`). */
  clientId: pulumi.Input<string>;
  /** The app's client secret. Stored only encrypted in state. */
  clientSecret: pulumi.Input<string>;
  /**
   * The instance's web URL, where the OAuth grant endpoints live (UserToken's refresh). Default: derived
   * from `baseUrl` (`https://HOST/api/v3` -> `https://HOST`, `https://api.github.com` -> `https://github.com`).
   */
  webUrl?: pulumi.Input<string>;
}

/** A connection with every value resolved. */
export interface Connection {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  webUrl?: string;
}
