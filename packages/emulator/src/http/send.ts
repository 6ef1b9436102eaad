import type { ServerResponse } from "node:http";

const MEDIA_TYPE = "github.v3; format=json";
const API_VERSION = "2022-11-28";

/** Headers GitHub sends with every REST response, as a flat name/value list (the cheapest form for writeHead). */
function githubHeaders(requestId: string): string[] {
  return [
    "x-github-request-id",
    requestId,
    "x-github-media-type",
    MEDIA_TYPE,
    "x-github-api-version-selected",
    API_VERSION,
  ];
}

export function sendJson(
  res: ServerResponse,
  requestId: string,
  status: number,
  body: unknown,
  extraHeaders?: Record<string, string>,
): void {
  sendText(res, requestId, status, "application/json", JSON.stringify(body), extraHeaders);
}

export function sendForm(
  res: ServerResponse,
  requestId: string,
  status: number,
  form: string,
  extraHeaders?: Record<string, string>,
): void {
  sendText(res, requestId, status, "application/x-www-form-urlencoded", form, extraHeaders);
}

/**
 * A page of the sign-in flow (or its stylesheet, when `extraHeaders` names another `content-type`);
 * `cookies` become one `Set-Cookie` header each.
 */
export function sendHtml(
  res: ServerResponse,
  requestId: string,
  status: number,
  html: string,
  extraHeaders: Record<string, string> = {},
  cookies: readonly string[] = [],
): void {
  const { "content-type": contentType, ...headers } = extraHeaders;
  const mediaType = contentType?.split(";")[0] ?? "text/html";
  sendText(res, requestId, status, mediaType, html, headers, cookies);
}

function sendText(
  res: ServerResponse,
  requestId: string,
  status: number,
  mediaType: string,
  payload: string,
  extraHeaders?: Record<string, string>,
  cookies: readonly string[] = [],
): void {
  const headers = githubHeaders(requestId);
  if (extraHeaders) for (const [name, value] of Object.entries(extraHeaders)) headers.push(name, value);
  for (const cookie of cookies) headers.push("set-cookie", cookie);
  headers.push(
    "content-type",
    `${mediaType}; charset=utf-8`,
    "content-length",
    String(Buffer.byteLength(payload)),
  );
  res.writeHead(status, headers);
  res.end(payload);
}

export function sendNoContent(
  res: ServerResponse,
  requestId: string,
  extraHeaders?: Record<string, string>,
): void {
  const headers = githubHeaders(requestId);
  if (extraHeaders) for (const [name, value] of Object.entries(extraHeaders)) headers.push(name, value);
  res.writeHead(204, headers);
  res.end();
}
