import type { CallOptions } from "../options.js";
import { request } from "../request/request.js";
import type { RequestContext } from "../request/request-context.js";
import { defineRoute } from "../request/route.js";
import { tokenArgument, tokenBody } from "./token-argument.js";

const route = defineRoute("DELETE", "/applications/{client_id}/token", "idempotent");

/**
 * Deletes (revokes) one token: `DELETE /applications/{client_id}/token`.
 */
export async function deleteToken(
  context: RequestContext,
  accessToken: string,
  options?: CallOptions,
): Promise<void> {
  const token = tokenArgument(accessToken);
  await request(context, route, token, tokenBody(token), options?.signal);
}
