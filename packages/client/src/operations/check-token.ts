import type { CallOptions } from "../options.js";
import { parseResponse } from "../request/parse-response.js";
import { request } from "../request/request.js";
import type { RequestContext } from "../request/request-context.js";
import { defineRoute } from "../request/route.js";
import { type Authorization, authorizationSchema } from "../schemas/authorization.js";
import { tokenArgument, tokenBody } from "./token-argument.js";

const route = defineRoute("POST", "/applications/{client_id}/token", "idempotent");

/**
 * Checks a token: `POST /applications/{client_id}/token`. Resolves with its authorization; an unknown, revoked or expired token is a NotFoundError.
 */
export async function checkToken(
  context: RequestContext,
  accessToken: string,
  options?: CallOptions,
): Promise<Authorization> {
  const token = tokenArgument(accessToken);
  const response = await request(context, route, token, tokenBody(token), options?.signal);
  return parseResponse(authorizationSchema, route, response);
}
