import type { CallOptions } from "../options.js";
import { request } from "../request/request.js";
import type { RequestContext } from "../request/request-context.js";
import { defineRoute } from "../request/route.js";
import { tokenArgument } from "./token-argument.js";

const route = defineRoute("DELETE", "/applications/{client_id}/tokens/{access_token}", "idempotent");

/**
 * Revokes one token through the path-style endpoint `DELETE /applications/{client_id}/tokens/{access_token}`.
 *
 * @deprecated GitHub is discontinuing the endpoints with the token in the path; use `deleteToken`.
 */
export async function revokeAuthorization(
  context: RequestContext,
  accessToken: string,
  options?: CallOptions,
): Promise<void> {
  const token = tokenArgument(accessToken);
  await request(context, route, token, undefined, options?.signal);
}
