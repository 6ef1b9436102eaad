import type { CallOptions } from "../options.js";
import { oauthRequest } from "../request/oauth-request.js";
import { ACCESS_TOKEN_ROUTE } from "../request/oauth-route.js";
import type { RequestContext } from "../request/request-context.js";
import { deviceCodeArgumentSchema } from "../schemas/grant-inputs.js";
import {
  toUserTokenGrant,
  type UserTokenGrant,
  userTokenGrantResponseSchema,
} from "../schemas/user-token-grant.js";
import { validateInput } from "../validate-input.js";

export const DEVICE_CODE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

/**
 * Polls once for the device flow's token: `POST {web}/login/oauth/access_token` with the
 * device-code grant type. Until the user acts this is an OAuthError `authorization_pending` (or
 * `slow_down`); use waitForDeviceAuthorization to poll. Sends the client ID without the secret,
 * as GitHub documents for the device flow.
 */
export async function exchangeDeviceCode(
  context: RequestContext,
  deviceCode: string,
  options?: CallOptions,
): Promise<UserTokenGrant> {
  const code = validateInput(deviceCodeArgumentSchema, deviceCode, "deviceCode");
  const answer = await oauthRequest(
    context,
    ACCESS_TOKEN_ROUTE,
    {
      parameters: { device_code: code, grant_type: DEVICE_CODE_GRANT_TYPE },
      sendsClientSecret: false,
      secrets: [code],
      signal: options?.signal,
    },
    userTokenGrantResponseSchema,
  );
  return toUserTokenGrant(answer.value, answer.receivedAtMs);
}
