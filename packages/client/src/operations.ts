import { API_ROUTES, type ApiRequest, type ApiRoute } from "./api-routes.js";
import { type GrantRequest, OAUTH_GRANTS, type OAuthGrant } from "./oauth-grants.js";
import type { CallOptions } from "./options.js";
import { oauthRequest } from "./request/oauth-request.js";
import { parseResponse } from "./request/parse-response.js";
import { request } from "./request/request.js";
import type { RequestContext } from "./request/request-context.js";

/** An operation as a standalone function of a RequestContext. */
export type Operation<Args extends readonly unknown[], Result> = (
  context: RequestContext,
  ...args: [...Args, options?: CallOptions]
) => Promise<Result>;

/** An operation as a client method: the context is the client's. */
type Method<Args extends readonly unknown[], Result> = (
  ...args: [...Args, options?: CallOptions]
) => Promise<Result>;

type ArgsOf<T> =
  T extends ApiRoute<infer Args, infer _Result>
    ? Args
    : T extends OAuthGrant<infer Args, infer _Answer, infer _Result>
      ? Args
      : never;
type ResultOf<T> =
  T extends ApiRoute<infer _Args, infer Result>
    ? Result
    : T extends OAuthGrant<infer _Args, infer _Answer, infer Result>
      ? Result
      : never;

type Operations = typeof API_ROUTES & typeof OAUTH_GRANTS;

/** The client's methods, one per table entry; mapped, so each keeps its entry's doc comment. */
export type OperationMethods = {
  [Name in keyof Operations]: Method<ArgsOf<Operations[Name]>, ResultOf<Operations[Name]>>;
};

/** Sends an API route's request and parses its answer. */
function apiOperation<Args extends readonly [unknown], Result>(
  route: ApiRoute<Args, Result>,
): Operation<Args, Result> {
  const { route: described, response, token } = route;
  const validate = route.request as unknown as (context: RequestContext, input: unknown) => ApiRequest;
  const run = async (context: RequestContext, input: unknown, options?: CallOptions) => {
    const { accessToken, fields } = validate(context, input);
    const body = token === "body" ? JSON.stringify({ access_token: accessToken, ...fields }) : undefined;
    const answer = await request(context, described, accessToken, body, options?.signal);
    return (response === undefined ? undefined : parseResponse(response, described, answer)) as Result;
  };
  return run as Operation<Args, Result>;
}

/** Sends an OAuth grant and turns its answer into the result. */
function grantOperation<Args extends readonly [unknown?], Answer, Result>(
  grant: OAuthGrant<Args, Answer, Result>,
): Operation<Args, Result> {
  const validate = grant.request as unknown as (input: unknown) => GrantRequest;
  const run = async (context: RequestContext, input?: unknown, options?: CallOptions) => {
    const { parameters, secrets } = validate(input);
    const answer = await oauthRequest(
      context,
      grant.route,
      { parameters, sendsClientSecret: grant.sendsClientSecret, secrets, signal: options?.signal },
      grant.response,
    );
    return grant.result(answer.value, answer.receivedAtMs);
  };
  return run as Operation<Args, Result>;
}

/** Every operation as a standalone function, by method name. */
export const OPERATIONS = {
  ...mapValues(API_ROUTES, apiOperation),
  ...mapValues(OAUTH_GRANTS, grantOperation),
} as { [Name in keyof Operations]: Operation<ArgsOf<Operations[Name]>, ResultOf<Operations[Name]>> };

function mapValues<T extends object, U>(table: T, make: (entry: never) => U): Record<keyof T, U> {
  return Object.fromEntries(
    Object.entries(table).map(([name, entry]) => [name, make(entry as never)]),
  ) as Record<keyof T, U>;
}

// The standalone functions index.ts exports (a deprecated endpoint keeps its mark on its function too;
// test/deprecations.test.ts holds these marks to the table's).
/** Checks a token: see OAuthAppClient#checkToken. */
export const checkToken = OPERATIONS.checkToken;
/** Resets a token: see OAuthAppClient#resetToken. */
export const resetToken = OPERATIONS.resetToken;
/** Deletes one token: see OAuthAppClient#deleteToken. */
export const deleteToken = OPERATIONS.deleteToken;
/** Deletes the user's grant: see OAuthAppClient#deleteAuthorization. */
export const deleteAuthorization = OPERATIONS.deleteAuthorization;
/** Creates a scoped token: see OAuthAppClient#scopeToken. */
export const scopeToken = OPERATIONS.scopeToken;
/** @deprecated GitHub is discontinuing the endpoints with the token in the path; use `checkToken`. */
export const checkAuthorization = OPERATIONS.checkAuthorization;
/** @deprecated GitHub is discontinuing the endpoints with the token in the path; use `resetToken`. */
export const resetAuthorization = OPERATIONS.resetAuthorization;
/** @deprecated GitHub is discontinuing the endpoints with the token in the path; use `deleteToken`. */
export const revokeAuthorization = OPERATIONS.revokeAuthorization;
/** @deprecated GitHub is discontinuing the endpoints with the token in the path; use `deleteAuthorization`. */
export const revokeGrant = OPERATIONS.revokeGrant;
/** Refreshes a user token: see OAuthAppClient#refreshToken. */
export const refreshToken = OPERATIONS.refreshToken;
/** Exchanges a web-flow code: see OAuthAppClient#exchangeWebFlowCode. */
export const exchangeWebFlowCode = OPERATIONS.exchangeWebFlowCode;
/** Starts the device flow: see OAuthAppClient#createDeviceCode. */
export const createDeviceCode = OPERATIONS.createDeviceCode;
/** One poll of the device flow: see OAuthAppClient#exchangeDeviceCode. */
export const exchangeDeviceCode = OPERATIONS.exchangeDeviceCode;
