import type { CallOptions } from "../options.js";
import { oauthRequest } from "../request/oauth-request.js";
import { ACCESS_TOKEN_ROUTE } from "../request/oauth-route.js";
import type { RequestContext } from "../request/request-context.js";
import { type WebFlowCodeInput, webFlowCodeInputSchema } from "../schemas/grant-inputs.js";
import {
  toUserTokenGrant,
  type UserTokenGrant,
  userTokenGrantResponseSchema,
} from "../schemas/user-token-grant.js";
import { validateInput } from "../validate-input.js";

/**
 * Exchanges the `code` of the web application flow for a user token:
 * `POST {web}/login/oauth/access_token` with `code` (and `redirect_uri`). A code works once;
 * a used, expired or unknown one is an OAuthError `bad_verification_code`.
 */
export async function exchangeWebFlowCode(
  context: RequestContext,
  input: WebFlowCodeInput,
  options?: CallOptions,
): Promise<UserTokenGrant> {
  const valid = validateInput(webFlowCodeInputSchema, input);
  const answer = await oauthRequest(
    context,
    ACCESS_TOKEN_ROUTE,
    {
      parameters: { code: valid.code, redirect_uri: valid.redirectUri },
      sendsClientSecret: true,
      secrets: [valid.code],
      signal: options?.signal,
    },
    userTokenGrantResponseSchema,
  );
  return toUserTokenGrant(answer.value, answer.receivedAtMs);
}
