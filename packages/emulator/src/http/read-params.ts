import { payloadTooLarge, problemsParsingJson } from "../errors.js";
import type { Exchange } from "./exchange.js";
import { readBody } from "./read-body.js";

/** Request parameters by name, string values only. */
export type Params = ReadonlyMap<string, string>;

function jsonParams(text: string, documentationUrl: string): [string, string][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw problemsParsingJson(documentationUrl);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return [];
  return Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string");
}

/**
 * The parameters of an OAuth web-host request, which GitHub takes from the query string, a JSON body
 * or a form-encoded body alike; body values win over query values of the same name. A body without a
 * content type is read as JSON when it looks like an object, as a form otherwise.
 */
export async function readParams(exchange: Exchange, documentationUrl: string): Promise<Params> {
  const params = new Map<string, string>(exchange.query);
  const body = await readBody(exchange.req);
  if (body.kind === "too-large") throw payloadTooLarge(documentationUrl);
  const text = body.text.trim();
  if (text === "") return params;
  const contentType = exchange.req.headers["content-type"] ?? "";
  const isJson =
    /\bjson\b/i.test(contentType) || (!/form-urlencoded/i.test(contentType) && text.startsWith("{"));
  const entries = isJson ? jsonParams(text, documentationUrl) : new URLSearchParams(text);
  for (const [name, value] of entries) params.set(name, value);
  return params;
}
