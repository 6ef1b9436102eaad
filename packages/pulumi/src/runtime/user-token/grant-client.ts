import { OAuthError } from "@ghes-oauth/client";

/** Whether `error` is GitHub's OAuth error `code` (e.g. `bad_refresh_token`). */
export function isOAuthError(error: unknown, code: string): boolean {
  return error instanceof OAuthError && error.code === code;
}
