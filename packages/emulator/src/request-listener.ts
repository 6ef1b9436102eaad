import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { RateLimiter } from "./behaviour/rate-limiter.js";
import { ApiError, notFound, payloadTooLarge } from "./errors.js";
import type { FaultInjector } from "./faults/fault-config.js";
import { faultResponse } from "./faults/fault-response.js";
import { adminAuthenticationRequired, hasAdminToken } from "./http/admin-access.js";
import { lingerOnClose } from "./http/close-after-answer.js";
import { DOCUMENTATION_URLS } from "./http/documentation-urls.js";
import { bodyReceived, Exchange, matchRoute, type Reply, type Route } from "./http/exchange.js";
import { declaresOversizedBody } from "./http/read-body.js";
import { sendForm, sendHtml, sendJson, sendNoContent } from "./http/send.js";
import { isWebPath } from "./pages/web-paths.js";
import { redactPath, redactQuery } from "./redact.js";
import { newRequestId } from "./request-id.js";
import type { RequestLog, RequestLogEntry } from "./request-log.js";

const API_PREFIX = "/api/v3";
const ADMIN_PREFIX = "/_emulator/";

/** Where a request path points, with the GHES `/api/v3` prefix removed (github.com style has none). */
function routePathOf(pathname: string): string {
  if (pathname === API_PREFIX) return "/";
  return pathname.startsWith(`${API_PREFIX}/`) ? pathname.slice(API_PREFIX.length) : pathname;
}

function tooLargeReply(): Reply {
  const error = payloadTooLarge(DOCUMENTATION_URLS.root);
  return { status: error.status, body: error.body };
}

export interface ListenerDependencies {
  apiRoutes: readonly Route[];
  webRoutes: readonly Route[];
  adminRoutes: readonly Route[];
  faults: FaultInjector;
  /** GitHub's rate limits on the token API (off unless the behaviour switches them on). */
  rateLimiter?: RateLimiter;
  requestLog: RequestLog;
  log: ((line: string) => void) | undefined;
  /** Required as `Authorization: Bearer <token>` on /_emulator/*; undefined leaves the admin API open. */
  adminToken?: string | undefined;
}

/**
 * The node:http request listener: routes to the token API (through fault injection) or the admin API,
 * renders GitHub-style errors, and records every request in the request log and the access log.
 */
export function createRequestListener({
  apiRoutes,
  webRoutes,
  adminRoutes,
  faults,
  rateLimiter,
  requestLog,
  log,
  adminToken,
}: ListenerDependencies) {
  async function answer(
    exchange: Exchange,
    routes: readonly Route[],
    extraHeaders?: Record<string, string>,
  ): Promise<void> {
    const { req, requestId } = exchange;
    let reply: Reply;
    try {
      const match = matchRoute(routes, req.method ?? "GET", exchange.routePath);
      if (!match) throw notFound();
      reply = await match.handler(exchange, match.params);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        if (req.destroyed) return;
        process.stderr.write(
          `ghes-oauth-emulator: internal error on ${requestId}: ${(error as Error).name}\n`,
        );
        reply = {
          status: 500,
          body: { message: "Server Error", documentation_url: DOCUMENTATION_URLS.root },
        };
      } else {
        reply = { status: error.status, body: error.body, headers: error.headers };
      }
    }
    if (extraHeaders) reply = { ...reply, headers: { ...extraHeaders, ...reply.headers } };
    await send(exchange, reply);
  }

  /**
   * Sends `reply` once the request body is in. A body that proves too large to read turns any answer
   * into a 413 (as a declared oversized Content-Length does up front), sent with `connection: close`
   * and closed gracefully, so the client reads the 413 instead of a reset.
   */
  async function send(exchange: Exchange, reply: Reply): Promise<void> {
    const { req, res, requestId } = exchange;
    const complete = await bodyReceived(exchange);
    if (res.destroyed) return;
    let answer = reply;
    if (!complete) {
      const tooLarge = reply.status === 413 ? reply : tooLargeReply();
      answer = { ...tooLarge, headers: { ...tooLarge.headers, connection: "close" } };
      lingerOnClose(req.socket);
    }
    if (answer.status === 204) sendNoContent(res, requestId, answer.headers);
    else if (answer.form !== undefined) sendForm(res, requestId, answer.status, answer.form, answer.headers);
    else if (answer.html !== undefined)
      sendHtml(res, requestId, answer.status, answer.html, answer.headers, answer.cookies);
    else sendJson(res, requestId, answer.status, answer.body, answer.headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    const rawUrl = req.url ?? "/";
    const queryStart = rawUrl.indexOf("?");
    const pathname = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
    const routePath = routePathOf(pathname);
    const isAdmin = routePath.startsWith(ADMIN_PREFIX);
    const rawQuery = queryStart < 0 ? "" : rawUrl.slice(queryStart + 1);
    const exchange = new Exchange(req, res, requestId, routePath, rawQuery);

    res.once("close", () => {
      const entry: RequestLogEntry = {
        method: req.method ?? "GET",
        path: redactPath(pathname),
        query: redactQuery(rawQuery),
        status: res.writableFinished ? res.statusCode : 0,
        time: new Date(Date.now() - (performance.now() - started)).toISOString(),
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        requestId,
        ...(exchange.oauthError === undefined ? {} : { oauthError: exchange.oauthError }),
      };
      if (!isAdmin) requestLog.add(entry);
      log?.(accessLogLine(entry));
    });

    // Refused before anything else, routing and faults included: the body is never read.
    if (declaresOversizedBody(req)) return send(exchange, tooLargeReply());
    if (isAdmin) {
      if (adminToken !== undefined && !hasAdminToken(req.headers.authorization, adminToken)) {
        return send(exchange, adminAuthenticationRequired());
      }
      return answer(exchange, adminRoutes);
    }

    const fault = faults.decide(req.method ?? "GET", pathname);
    // Unref'd: a pending delay must not keep a closed emulator's process alive.
    if (fault.latencyMs > 0) await sleep(fault.latencyMs, undefined, { ref: false });
    if (fault.reset) {
      req.socket.destroy();
      return;
    }
    if (fault.status !== undefined) {
      const error = faultResponse(fault.status, requestId);
      return send(exchange, { status: error.status, body: error.body, headers: error.headers });
    }
    if (isWebPath(pathname)) return answer(exchange, webRoutes);
    const admission = rateLimiter?.admit(req, requestId);
    if (admission?.refusal) {
      const { status, body, headers } = admission.refusal;
      return send(exchange, { status, body, headers });
    }
    return answer(exchange, apiRoutes, admission?.headers);
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.destroy();
    });
  };
}

/** One access-log line, e.g. `POST /api/v3/applications/Iv1.x/token 200 1.2ms C0DE:...`. */
function accessLogLine(entry: RequestLogEntry): string {
  const status = entry.status === 0 ? "RESET" : String(entry.status);
  const target = entry.query === "" ? entry.path : `${entry.path}?${entry.query}`;
  return `${entry.method} ${target} ${status} ${entry.durationMs.toFixed(1)}ms ${entry.requestId}`;
}
