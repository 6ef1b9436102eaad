import type { z } from "zod";
import type { RequestContext } from "./request/request-context.js";
import { defineRoute, type HttpMethod, type Route } from "./request/route.js";
import type { ReplaySafety } from "./retry/retry-decision.js";
import { accessTokenSchema } from "./schemas/access-token.js";
import { type Authorization, authorizationSchema } from "./schemas/authorization.js";
import {
  lenientScopeTokenInputSchema,
  type ScopeTokenInput,
  scopeTokenInputSchema,
} from "./schemas/scope-token-input.js";
import { type ScopedAuthorization, scopedAuthorizationSchema } from "./schemas/scoped-authorization.js";
import { validateInput } from "./validate-input.js";

/** A validated argument: the access token and the other fields of the JSON body. */
export interface ApiRequest {
  readonly accessToken: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/**
 * Checks a method's argument before any request. `Args` is a labelled one-element tuple: its label
 * becomes the parameter name editors show for the client method.
 */
type ApiArgument<Args extends readonly [unknown]> = (context: RequestContext, ...args: Args) => ApiRequest;

/** One endpoint of the token API, as the table below spells it. */
interface ApiRouteSpec<Args extends readonly [unknown], Result> {
  readonly method: HttpMethod;
  /** The path template under the API root. */
  readonly path: string;
  /** Where the access token travels: in the JSON body (current endpoints) or in the path (deprecated). */
  readonly token: "body" | "path";
  /** `mints`: a retry may mint an orphan token, so it is repeated only when provably unsent. */
  readonly retry: ReplaySafety;
  readonly request: ApiArgument<Args>;
  /** The 2xx body's schema; `undefined` for 204 No Content. */
  readonly response: z.ZodType<Result> | undefined;
  /** The method that replaces a deprecated endpoint. */
  readonly deprecated?: { readonly replacement: string };
}

/** A table entry: the spec plus the route errors describe and requests are sent to. */
export interface ApiRoute<Args extends readonly [unknown], Result> extends ApiRouteSpec<Args, Result> {
  readonly route: Route;
}

function apiRoute<Args extends readonly [unknown], Result = void>(
  spec: ApiRouteSpec<Args, Result>,
): ApiRoute<Args, Result> {
  const route = defineRoute(spec.method, spec.path, spec.retry);
  if (route.tokenInPath !== (spec.token === "path"))
    throw new Error(`route ${spec.path}: the token goes in the ${spec.token}`);
  return { ...spec, route };
}

// Typed by the exported names, so editors show `Promise<Authorization>` rather than the expanded shape.
const authorization: z.ZodType<Authorization> = authorizationSchema;
const scopedAuthorization: z.ZodType<ScopedAuthorization> = scopedAuthorizationSchema;

const accessToken: ApiArgument<[accessToken: string]> = (_context, token) => ({
  accessToken: validateInput(accessTokenSchema, token, "accessToken"),
});

/** Permission names the catalogue lacks are refused unless the context allows unknown permissions. */
const scopeInput: ApiArgument<[input: ScopeTokenInput]> = (context, input) => {
  const schema =
    context.allowUnknownPermissions === true ? lenientScopeTokenInputSchema : scopeTokenInputSchema;
  const valid = validateInput(schema, input, undefined, context.redactor.with(...tokenOf(input)));
  return {
    accessToken: valid.accessToken,
    fields: {
      target: valid.target,
      target_id: valid.targetId,
      repositories: valid.repositories,
      repository_ids: valid.repositoryIds,
      permissions: valid.permissions,
    },
  };
};

/** The access token of an input that may be malformed, to keep it out of the input's error. */
function tokenOf(input: unknown): string[] {
  const token = (input as { accessToken?: unknown } | null)?.accessToken;
  return typeof token === "string" ? [token, token.trim()] : [];
}

/**
 * The token API, one entry per endpoint. OAuthAppClient's methods and the standalone functions are
 * made from it; the doc comments here are the methods' documentation.
 */
export const API_ROUTES = {
  /** Checks a token (`POST /applications/{client_id}/token`); an unknown, revoked or expired token rejects with NotFoundError. */
  checkToken: apiRoute({
    method: "POST",
    path: "/applications/{client_id}/token",
    token: "body",
    retry: "idempotent",
    request: accessToken,
    response: authorization,
  }),
  /**
   * Resets a token (`PATCH /applications/{client_id}/token`): resolves with the NEW token; the old one
   * stops working at once, so store the result.
   */
  resetToken: apiRoute({
    method: "PATCH",
    path: "/applications/{client_id}/token",
    token: "body",
    retry: "mints",
    request: accessToken,
    response: authorization,
  }),
  /** Deletes (revokes) one token: `DELETE /applications/{client_id}/token`. */
  deleteToken: apiRoute({
    method: "DELETE",
    path: "/applications/{client_id}/token",
    token: "body",
    retry: "idempotent",
    request: accessToken,
    response: undefined,
  }),
  /**
   * Deletes the app's grant for the token's user (`DELETE /applications/{client_id}/grant`): every
   * token of that user for this app is revoked.
   */
  deleteAuthorization: apiRoute({
    method: "DELETE",
    path: "/applications/{client_id}/grant",
    token: "body",
    retry: "idempotent",
    request: accessToken,
    response: undefined,
  }),
  /**
   * Creates a scoped token from a non-scoped user token (`POST /applications/{client_id}/token/scoped`):
   * a NEW token limited to `target`'s installation, the given repositories and permissions; the
   * original stays valid. The input is checked before any request (permission names the catalogue
   * lacks are refused unless the client allows unknown permissions).
   */
  scopeToken: apiRoute({
    method: "POST",
    path: "/applications/{client_id}/token/scoped",
    token: "body",
    retry: "mints",
    request: scopeInput,
    response: scopedAuthorization,
  }),
  /**
   * Checks a token via `GET /applications/{client_id}/tokens/{access_token}`.
   * @deprecated GitHub is discontinuing the endpoints with the token in the path; use `checkToken`.
   */
  checkAuthorization: apiRoute({
    method: "GET",
    path: "/applications/{client_id}/tokens/{access_token}",
    token: "path",
    retry: "idempotent",
    request: accessToken,
    response: authorization,
    deprecated: { replacement: "checkToken" },
  }),
  /**
   * Resets a token via `POST /applications/{client_id}/tokens/{access_token}`.
   * @deprecated GitHub is discontinuing the endpoints with the token in the path; use `resetToken`.
   */
  resetAuthorization: apiRoute({
    method: "POST",
    path: "/applications/{client_id}/tokens/{access_token}",
    token: "path",
    retry: "mints",
    request: accessToken,
    response: authorization,
    deprecated: { replacement: "resetToken" },
  }),
  /**
   * Revokes one token via `DELETE /applications/{client_id}/tokens/{access_token}`.
   * @deprecated GitHub is discontinuing the endpoints with the token in the path; use `deleteToken`.
   */
  revokeAuthorization: apiRoute({
    method: "DELETE",
    path: "/applications/{client_id}/tokens/{access_token}",
    token: "path",
    retry: "idempotent",
    request: accessToken,
    response: undefined,
    deprecated: { replacement: "deleteToken" },
  }),
  /**
   * Revokes the user's grant via `DELETE /applications/{client_id}/grants/{access_token}`; all of that
   * user's tokens for the app go.
   * @deprecated GitHub is discontinuing the endpoints with the token in the path; use `deleteAuthorization`.
   */
  revokeGrant: apiRoute({
    method: "DELETE",
    path: "/applications/{client_id}/grants/{access_token}",
    token: "path",
    retry: "idempotent",
    request: accessToken,
    response: undefined,
    deprecated: { replacement: "deleteAuthorization" },
  }),
};
