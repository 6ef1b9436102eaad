import type { CallOptions } from "../options.js";
import { parseResponse } from "../request/parse-response.js";
import { request } from "../request/request.js";
import type { RequestContext } from "../request/request-context.js";
import { defineRoute } from "../request/route.js";
import {
  lenientScopeTokenInputSchema,
  type ScopeTokenInput,
  scopeTokenInputSchema,
} from "../schemas/scope-token-input.js";
import { type ScopedAuthorization, scopedAuthorizationSchema } from "../schemas/scoped-authorization.js";
import { validateInput } from "../validate-input.js";

const route = defineRoute("POST", "/applications/{client_id}/token/scoped", "mints");

/**
 * Creates a scoped token from a non-scoped user token: `POST /applications/{client_id}/token/scoped`.
 * Resolves with a NEW token limited to `target`'s installation, the given repositories and
 * permissions; the original token stays valid. The input is checked before any request (permission
 * names the catalogue lacks are refused unless the context allows unknown permissions).
 */
export async function scopeToken(
  context: RequestContext,
  input: ScopeTokenInput,
  options?: CallOptions,
): Promise<ScopedAuthorization> {
  const schema =
    context.allowUnknownPermissions === true ? lenientScopeTokenInputSchema : scopeTokenInputSchema;
  const valid = validateInput(schema, input, undefined, context.redactor.with(...tokenOf(input)));
  const body = JSON.stringify({
    access_token: valid.accessToken,
    target: valid.target,
    target_id: valid.targetId,
    repositories: valid.repositories,
    repository_ids: valid.repositoryIds,
    permissions: valid.permissions,
  });
  const response = await request(context, route, valid.accessToken, body, options?.signal);
  return parseResponse(scopedAuthorizationSchema, route, response);
}

/** The access token of an input that may be malformed, to keep it out of the input's error. */
function tokenOf(input: unknown): string[] {
  const accessToken = (input as { accessToken?: unknown } | null)?.accessToken;
  return typeof accessToken === "string" ? [accessToken, accessToken.trim()] : [];
}
