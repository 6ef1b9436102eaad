import type { z } from "zod";
import { OAuthError, ResponseShapeError, ResponseTooLargeError, type ShapeIssue } from "../errors.js";
import type { Redactor } from "../redaction/redactor.js";
import { mapResponseError } from "../request/map-response-error.js";
import { toTransportError } from "../request/to-transport-error.js";
import { retryDelayMs } from "../retry/retry-decision.js";
import { isRateLimited403 } from "../retry/server-wait.js";
import { CallBudget } from "./call-budget.js";
import { formEncoded } from "./form-encoded.js";
import type { OAuthRoute } from "./oauth-route.js";
import { isBodyTooLarge, readCappedBody } from "./read-capped-body.js";
import type { RequestContext } from "./request-context.js";
import { headerValue, type ResponseHeaders } from "./response-headers.js";

export interface OAuthCall {
  /** The grant's own parameters; `client_id` (and `client_secret`) are added. */
  readonly parameters: Readonly<Record<string, string | undefined>>;
  /** Whether GitHub documents `client_secret` for this grant. */
  readonly sendsClientSecret: boolean;
  /** The call's input secrets (refresh token, code, device code): redacted from every error. */
  readonly secrets: readonly string[];
  readonly signal: AbortSignal | undefined;
}

/** A successful answer, parsed, with the moment its headers arrived. */
export interface OAuthAnswer<T> {
  readonly value: T;
  readonly receivedAtMs: number;
}

/** Fields of an OAuth answer that carry secrets; a hostile server could echo them into an error. */
const SECRET_FIELDS = ["access_token", "refresh_token", "device_code", "code"] as const;
/**
 * Shorter values in those fields are not redacted: no real token is that short, and redacting,
 * say, `a` everywhere would mangle every word (and property name) of the error instead.
 */
const MIN_ANSWER_SECRET_LENGTH = 8;

/**
 * Sends one OAuth grant to the web host (form-encoded, `Accept: application/json`) and parses the
 * answer with `schema`. An `{error, ...}` answer is an OAuthError; a non-2xx status the matching
 * GitHubApiError; an unexpected body a ResponseShapeError. Replayed only when provably unsent
 * (connection refused, rate limit): every grant mints a token.
 */
export async function oauthRequest<Schema extends z.ZodType>(
  context: RequestContext,
  route: OAuthRoute,
  call: OAuthCall,
  schema: Schema,
): Promise<OAuthAnswer<z.output<Schema>>> {
  const { web } = context;
  const body = new URLSearchParams();
  body.set("client_id", web.clientId);
  if (call.sendsClientSecret) body.set("client_secret", web.clientSecret);
  for (const [name, value] of Object.entries(call.parameters)) if (value !== undefined) body.set(name, value);
  const redactor = context.redactor.with(...call.secrets.flatMap((secret) => [secret, formEncoded(secret)]));
  const encoded = body.toString();
  const budget = new CallBudget(context.deadlines, web.origin, call.signal);
  for (let attempt = 0; ; attempt++) {
    try {
      return await budget.attempt((signal) => send(context, route, encoded, redactor, signal, schema));
    } catch (error) {
      const delay = retryDelayMs(error, "mints", context.retry, attempt);
      if (delay === undefined) throw error;
      try {
        if (!(await budget.waitForRetry(delay))) throw error;
      } catch (abort) {
        if (abort === error) throw error;
        throw toTransportError(route, abort, redactor, budget.signal);
      }
    }
  }
}

async function send<Schema extends z.ZodType>(
  context: RequestContext,
  route: OAuthRoute,
  body: string,
  redactor: Redactor,
  signal: AbortSignal,
  schema: Schema,
): Promise<OAuthAnswer<z.output<Schema>>> {
  const { web } = context;
  let status = 0;
  let headers: ResponseHeaders = {};
  let text: string;
  let receivedAtMs: number;
  try {
    const response = await web.dispatcher.get().request({
      origin: web.origin,
      path: web.basePath + route.route,
      method: route.method,
      headers: web.headers,
      body,
      signal,
      headersTimeout: context.timeoutMs,
      bodyTimeout: context.timeoutMs,
    });
    receivedAtMs = Date.now();
    status = response.statusCode;
    headers = response.headers;
    text = await readCappedBody(response, context.maxResponseBytes);
  } catch (error) {
    if (isBodyTooLarge(error)) {
      const requestId = headerValue(headers, "x-github-request-id");
      throw new ResponseTooLargeError(route, status, requestId, error.limitBytes, redactor);
    }
    throw toTransportError(route, error, redactor, signal);
  }
  const decoded = decodeBody(text, headers);
  const answerRedactor = redactor.with(...secretValuesOf(decoded));
  const requestId = headerValue(headers, "x-github-request-id");
  if (status < 200 || status >= 300) {
    if (isOAuthErrorStatus(status, headers) && isOAuthErrorBody(decoded)) {
      throw toOAuthError(route, status, requestId, decoded, answerRedactor);
    }
    throw mapResponseError(route, { status, headers, body: text }, answerRedactor);
  }
  const shapeError = (issues: ShapeIssue[]) =>
    new ResponseShapeError(route, status, requestId, issues, answerRedactor);
  if (decoded === undefined) throw shapeError([{ path: "(body)", message: "is not valid JSON" }]);
  if (isOAuthErrorBody(decoded)) throw toOAuthError(route, status, requestId, decoded, answerRedactor);
  if (isRecord(decoded) && "error" in decoded) {
    throw shapeError([{ path: "error", message: "must be a string (an OAuth error code)" }]);
  }
  const result = schema.safeParse(decoded);
  if (!result.success) {
    throw shapeError(
      result.error.issues.map((issue) => ({
        path: issue.path.length > 0 ? issue.path.join(".") : "(body)",
        message: issue.message,
      })),
    );
  }
  return { value: result.data, receivedAtMs };
}

/** JSON, or form-encoded when the server says so (what GitHub sends without `Accept: application/json`). */
function decodeBody(text: string, headers: ResponseHeaders): unknown {
  const contentType = headerValue(headers, "content-type") ?? "";
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * GitHub answers OAuth errors with 200; an RFC 6749 server (or a proxy in front) may use 400/401.
 * Rate limits keep their own error class so the retry policy sees them.
 */
function isOAuthErrorStatus(status: number, headers: ResponseHeaders): boolean {
  if (status === 429 || (status === 403 && isRateLimited403(headers))) return false;
  return status >= 400 && status < 500;
}

function isOAuthErrorBody(value: unknown): value is Record<string, unknown> & { error: string } {
  return isRecord(value) && typeof value.error === "string" && value.error.length > 0;
}

function toOAuthError(
  route: OAuthRoute,
  status: number,
  requestId: string | undefined,
  body: Record<string, unknown> & { error: string },
  redactor: Redactor,
): OAuthError {
  return new OAuthError(
    {
      request: route,
      code: body.error,
      description: optionalString(body.error_description),
      errorUri: optionalString(body.error_uri),
      status,
      requestId,
      interval: positiveSeconds(body.interval),
    },
    redactor,
  );
}

/** `interval` comes as a number in JSON and as a string when form-encoded. */
function positiveSeconds(value: unknown): number | undefined {
  const seconds = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

function secretValuesOf(body: unknown): string[] {
  if (!isRecord(body)) return [];
  return SECRET_FIELDS.map((field) => body[field]).filter(
    (value): value is string => typeof value === "string" && value.length >= MIN_ANSWER_SECRET_LENGTH,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
