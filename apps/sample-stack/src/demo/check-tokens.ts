import { NotFoundError, type OAuthAppClient } from "@ghes-oauth/client";

/** Whether the API still accepts `token`: false on 404 (revoked, rotated away or expired). */
export async function isLive(client: OAuthAppClient, token: string): Promise<boolean> {
  return client.checkToken(token).then(
    () => true,
    (error: unknown) => {
      if (error instanceof NotFoundError) return false;
      throw error;
    },
  );
}

/** Whether a refresh token is refused as already used or expired (GitHub's `bad_refresh_token`). */
export async function isConsumedRefreshToken(client: OAuthAppClient, refreshToken: string): Promise<boolean> {
  return client.refreshToken(refreshToken).then(
    () => false,
    (error: unknown) => (error as { code?: unknown }).code === "bad_refresh_token",
  );
}
