import type { CallOptions } from "../options.js";
import { parseResponse } from "../request/parse-response.js";
import { request } from "../request/request.js";
import type { RequestContext } from "../request/request-context.js";
import { defineRoute } from "../request/route.js";
import { type Authorization, authorizationSchema } from "../schemas/authorization.js";
import { tokenArgument } from "./token-argument.js";

const route = defineRoute("POST", "/applications/{client_id}/tokens/{access_token}", "mints");

/**
 * Resets a token through the path-style endpoint `POST /applications/{client_id}/tokens/{access_token}`.
 *
 * @deprecated GitHub is discontinuing the endpoints with the token in the path; use `resetToken`.
 */
export async function resetAuthorization(
  context: RequestContext,
  accessToken: string,
  options?: CallOptions,
): Promise<Authorization> {
  const token = tokenArgument(accessToken);
  const response = await request(context, route, token, undefined, options?.signal);
  return parseResponse(authorizationSchema, route, response);
}
