import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyNotAnObject, payloadTooLarge, problemsParsingJson } from "../errors.js";
import { bodyAbandoned, drainBody, readBody } from "./read-body.js";

/** What a handler answers: a status and, unless it is a 204, a JSON body (or a form-encoded one). */
export interface Reply {
  status: number;
  body?: unknown;
  /** An `application/x-www-form-urlencoded` body, sent instead of JSON (the OAuth web-host endpoints). */
  form?: string;
  /** A `text/html` page (the sign-in pages), sent instead of JSON. */
  html?: string;
  /** `Set-Cookie` values, one per cookie. */
  cookies?: readonly string[];
  headers?: Record<string, string>;
}

/** One request as handlers see it. */
export class Exchange {
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly requestId: string,
    /** The path with any `/api/v3` prefix removed, e.g. `/applications/Iv1.x/token`. */
    readonly routePath: string,
    private readonly rawQuery: string,
  ) {}

  /** The OAuth error code answered (HTTP 200 on the web host), for the request log. */
  oauthError: string | undefined;

  get query(): URLSearchParams {
    return new URLSearchParams(this.rawQuery);
  }

  /** The body as a JSON object; an empty body counts as `{}` (GitHub parses regardless of content-type). */
  async jsonBody(documentationUrl: string): Promise<Record<string, unknown>> {
    const body = await readBody(this.req);
    if (body.kind === "too-large") throw payloadTooLarge(documentationUrl);
    if (body.text.trim() === "") return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      throw problemsParsingJson(documentationUrl);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw bodyNotAnObject(documentationUrl);
    }
    return parsed as Record<string, unknown>;
  }
}

/**
 * Waits until the request body has been received (reading and discarding what is left). Answering
 * before that costs the connection dearly under keep-alive load, and mid-upload answers confuse clients.
 * False when the body is over the limit and was left unread: then the answer must close the connection.
 */
export async function bodyReceived(exchange: Exchange): Promise<boolean> {
  if (bodyAbandoned(exchange.req)) return false;
  if (exchange.req.complete) return true;
  return drainBody(exchange.req);
}

export type Handler = (exchange: Exchange, params: string[]) => Promise<Reply> | Reply;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** The handler for a method and path, with its decoded path parameters; undefined when none matches. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { handler: Handler; params: string[] } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    try {
      return { handler: route.handler, params: match.slice(1).map((part) => decodeURIComponent(part ?? "")) };
    } catch {
      return undefined; // malformed percent-encoding: no such resource
    }
  }
  return undefined;
}
