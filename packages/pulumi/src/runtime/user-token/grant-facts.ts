import type { UserTokenGrant } from "@ghes-oauth/client";
import type { UserTokenFacts } from "../../dynamic/user-token-state.js";

/**
 * The facts of a fresh grant. Absolute times are computed from the lifetimes the server gave and the
 * server's clock at arrival (`serverNowMs`), so they compare with the server's notion of expiry.
 */
export function grantFacts(
  grant: UserTokenGrant,
  serverNowMs: number,
  carried: Pick<UserTokenFacts, "userLogin" | "seedHash">,
): UserTokenFacts {
  const at = (seconds: number | undefined, fallback: string | null) =>
    seconds === undefined ? fallback : githubTimestamp(serverNowMs + seconds * 1000);
  return {
    accessToken: grant.access_token,
    refreshToken: grant.refresh_token ?? "",
    expiresAt: at(grant.expires_in, grant.expires_at),
    refreshTokenExpiresAt: at(grant.refresh_token_expires_in, grant.refresh_token_expires_at),
    ...carried,
  };
}

/** ISO 8601 in UTC without milliseconds, as GitHub writes times. */
function githubTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}
