import type { CallOptions } from "../options.js";
import { request } from "../request/request.js";
import type { RequestContext } from "../request/request-context.js";
import { defineRoute } from "../request/route.js";
import { tokenArgument, tokenBody } from "./token-argument.js";

const route = defineRoute("DELETE", "/applications/{client_id}/grant", "idempotent");

/**
 * Deletes the app's grant for the token's user: `DELETE /applications/{client_id}/grant`. Every token of that user for this app is revoked.
 */
export async function deleteAuthorization(
  context: RequestContext,
  accessToken: string,
  options?: CallOptions,
): Promise<void> {
  const token = tokenArgument(accessToken);
  await request(context, route, token, tokenBody(token), options?.signal);
}
