import type { CallOptions } from "../options.js";
import { oauthRequest } from "../request/oauth-request.js";
import { ACCESS_TOKEN_ROUTE } from "../request/oauth-route.js";
import type { RequestContext } from "../request/request-context.js";
import { refreshTokenArgumentSchema } from "../schemas/grant-inputs.js";
import {
  toUserTokenGrant,
  type UserTokenGrant,
  userTokenGrantResponseSchema,
} from "../schemas/user-token-grant.js";
import { validateInput } from "../validate-input.js";

/**
 * Exchanges a refresh token for a new access token and refresh token:
 * `POST {web}/login/oauth/access_token` with `grant_type=refresh_token`. The used refresh token and
 * the old access token stop working at once; a used or expired refresh token is an OAuthError
 * `bad_refresh_token`.
 */
export async function refreshToken(
  context: RequestContext,
  refreshToken: string,
  options?: CallOptions,
): Promise<UserTokenGrant> {
  const token = validateInput(refreshTokenArgumentSchema, refreshToken, "refreshToken");
  const answer = await oauthRequest(
    context,
    ACCESS_TOKEN_ROUTE,
    {
      parameters: { grant_type: "refresh_token", refresh_token: token },
      sendsClientSecret: true,
      secrets: [token],
      signal: options?.signal,
    },
    userTokenGrantResponseSchema,
  );
  return toUserTokenGrant(answer.value, answer.receivedAtMs);
}
