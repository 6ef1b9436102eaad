import type { OAuthAppClient } from "@ghes-oauth/client";
import type { Connection } from "../../connection-args.js";
import { clientFor } from "../client-for.js";

// TODO(life-client merge): these are @ghes-oauth/client's UserTokenGrant and refreshToken(); use them.
export interface UserTokenGrant {
  access_token: string;
  token_type: string;
  scope: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  expires_at: string | null;
  refresh_token_expires_at: string | null;
}

type GrantClient = OAuthAppClient & { refreshToken(refreshToken: string): Promise<UserTokenGrant> };

export function grantClientFor(connection: Connection): GrantClient {
  return clientFor(connection) as GrantClient;
}

/** Whether `error` is GitHub's OAuth error `code` (e.g. `bad_refresh_token`). */
export function isOAuthError(error: unknown, code: string): boolean {
  return error instanceof Error && error.name === "OAuthError" && (error as { code?: unknown }).code === code;
}
