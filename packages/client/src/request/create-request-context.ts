import { normalizeBaseUrl } from "../base-url.js";
import { checkedProxyForOrigin } from "../checked-proxy.js";
import { createDispatcher, type DispatcherSettings } from "../create-dispatcher.js";
import { type InputIssue, InvalidInputError } from "../errors.js";
import type { OAuthAppClientOptions } from "../options.js";
import { Redactor } from "../redaction/redactor.js";
import { DEFAULT_RETRY_POLICY, NO_RETRY_POLICY, type RetryPolicy } from "../retry/retry-policy.js";
import { VERSION } from "../version.js";
import { resolveWebLocation } from "../web-url.js";
import { formEncoded } from "./form-encoded.js";
import type { RequestContext } from "./request-context.js";
import { WebDispatcher } from "./web-dispatcher.js";

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 90_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
export const DEFAULT_USER_AGENT = `ghes-oauth-client/${VERSION}`;

/** Validates the options and builds the context; `ownsDispatcher` tells whether close() must close it. */
export function createRequestContext(
  options: OAuthAppClientOptions,
  env: NodeJS.ProcessEnv = process.env,
): { context: RequestContext; ownsDispatcher: boolean } {
  const issues = checkOptions(options);
  if (issues.length > 0) throw new InvalidInputError(issues);

  const location = normalizeBaseUrl(options.baseUrl);
  if (!location.secure && !location.loopback && options.allowInsecureHttp !== true) {
    throw new InvalidInputError([
      {
        path: "baseUrl",
        message:
          "refusing plain http:// to a non-loopback host: the client secret is sent with every request. " +
          "Use https://, or set allowInsecureHttp: true if you really mean it",
      },
    ]);
  }

  const web = resolveWebLocation(options.baseUrl, options.webUrl);
  if (!web.secure && !web.loopback && options.allowInsecureHttp !== true) {
    throw new InvalidInputError([
      {
        path: "webUrl",
        message:
          "refusing plain http:// to a non-loopback host: refresh tokens, codes and the client secret are " +
          "sent there. Use https://, or set allowInsecureHttp: true if you really mean it",
      },
    ]);
  }

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const authorization = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const headers = {
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
    "user-agent": userAgent,
    authorization,
  };
  const ca = typeof options.ca === "string" ? [options.ca] : options.ca;
  const dispatcher =
    options.dispatcher ?? createDispatcher({ origin: location.origin, ca, connectTimeoutMs: timeoutMs, env });
  const webDispatcher =
    options.dispatcher !== undefined || web.origin === location.origin
      ? WebDispatcher.shared(dispatcher)
      : lazyWebDispatcher({ origin: web.origin, ca, connectTimeoutMs: timeoutMs, env, option: "webUrl" });

  return {
    context: {
      dispatcher,
      origin: location.origin,
      applicationPath: `${location.basePath}/applications/${encodeURIComponent(options.clientId)}`,
      headers,
      jsonHeaders: { ...headers, "content-type": "application/json; charset=utf-8" },
      timeoutMs,
      deadlines: {
        requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        totalTimeoutMs: options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS,
        signal: options.signal,
      },
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      retry: retryPolicy(options.retry),
      allowUnknownPermissions: options.allowUnknownPermissions === true,
      redactor: new Redactor([
        options.clientSecret,
        formEncoded(options.clientSecret),
        authorization,
        authorization.slice("Basic ".length),
      ]),
      web: {
        origin: web.origin,
        basePath: web.basePath,
        dispatcher: webDispatcher,
        headers: {
          accept: "application/json",
          "content-type": "application/x-www-form-urlencoded",
          "user-agent": userAgent,
        },
        clientId: options.clientId,
        clientSecret: options.clientSecret,
      },
    },
    ownsDispatcher: options.dispatcher === undefined,
  };
}

/**
 * The web host's own dispatcher, made on the first grant. What createDispatcher would refuse (plain
 * http:// through a proxy) is refused now, by the constructor, rather than at that first grant.
 */
function lazyWebDispatcher(settings: DispatcherSettings): WebDispatcher {
  const proxy = checkedProxyForOrigin(settings.origin, settings.env);
  if (proxy !== undefined && !settings.origin.startsWith("https:")) {
    throw new InvalidInputError([
      {
        path: "webUrl",
        message:
          `refusing plain http:// to ${new URL(settings.origin).host} through the proxy in ${proxy.variable}: ` +
          "the proxy would see refresh tokens, codes and the client secret in clear text. Use https://, or " +
          `exempt the host from the proxy with NO_PROXY=${new URL(settings.origin).hostname}`,
      },
    ]);
  }
  return WebDispatcher.lazy(() => createDispatcher(settings));
}

function retryPolicy(retry: OAuthAppClientOptions["retry"]): RetryPolicy {
  if (retry === false) return NO_RETRY_POLICY;
  return { ...DEFAULT_RETRY_POLICY, ...definedOnly(retry ?? {}) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

function checkOptions(options: OAuthAppClientOptions): InputIssue[] {
  const issues: InputIssue[] = [];
  if (options === null || typeof options !== "object") {
    return [{ path: "(options)", message: "pass an options object with baseUrl, clientId and clientSecret" }];
  }
  if (typeof options.baseUrl !== "string" || options.baseUrl.length === 0) {
    issues.push({ path: "baseUrl", message: "required: the GHES URL, e.g. https://github.example.com" });
  }
  if (typeof options.clientId !== "string" || options.clientId.trim().length === 0) {
    issues.push({ path: "clientId", message: "required: the app's client ID" });
  } else if (options.clientId.includes(":")) {
    issues.push({ path: "clientId", message: "must not contain ':' (it is the Basic auth username)" });
  }
  if (typeof options.clientSecret !== "string" || options.clientSecret.trim().length === 0) {
    issues.push({ path: "clientSecret", message: "required: the app's client secret" });
  }
  if (options.webUrl !== undefined && (typeof options.webUrl !== "string" || options.webUrl.length === 0)) {
    issues.push({
      path: "webUrl",
      message: "must be the instance's web URL, e.g. https://github.example.com (or leave it out)",
    });
  }
  if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
    issues.push({ path: "timeoutMs", message: "must be a positive number of milliseconds" });
  }
  for (const key of ["requestTimeoutMs", "totalTimeoutMs"] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isFinite(value) && value > 0 && value <= MAX_TIMER_MS)) {
      issues.push({
        path: key,
        message: `must be a positive number of milliseconds, at most ${MAX_TIMER_MS}`,
      });
    }
  }
  if (
    options.maxResponseBytes !== undefined &&
    !(Number.isSafeInteger(options.maxResponseBytes) && options.maxResponseBytes > 0)
  ) {
    issues.push({ path: "maxResponseBytes", message: "must be a positive whole number of bytes" });
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    issues.push({ path: "signal", message: "must be an AbortSignal (or leave it out)" });
  }
  if (options.userAgent !== undefined && !isPrintableLatin1(options.userAgent)) {
    issues.push({
      path: "userAgent",
      message:
        "must be a string of printable ASCII or Latin-1 characters (no control characters such as NUL, " +
        "tab or line breaks, nothing beyond U+00FF): an HTTP header cannot carry them, every call would fail",
    });
  }
  const ca = options.ca;
  if (
    ca !== undefined &&
    !(typeof ca === "string" || (Array.isArray(ca) && ca.every((item) => typeof item === "string")))
  ) {
    issues.push({ path: "ca", message: "must be a PEM string or an array of PEM strings" });
  }
  if (options.retry !== undefined && options.retry !== false) {
    for (const key of ["retries", "minDelayMs", "maxDelayMs"] as const) {
      const value = options.retry[key];
      if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
        issues.push({ path: `retry.${key}`, message: "must be a non-negative integer" });
      }
    }
  }
  return issues;
}

/** Node's timers fire at once for a delay above 2^31 - 1 ms (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What an HTTP header value can carry: printable ASCII (space included) and Latin-1 above the C1 controls. */
function isPrintableLatin1(value: unknown): value is string {
  return typeof value === "string" && /^[\x20-\x7e\xa0-\xff]*$/.test(value);
}
