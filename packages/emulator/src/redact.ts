import { percentDecodeFully } from "./percent-decode.js";

const REDACTED = "REDACTED";

/**
 * Anything shaped like a GitHub token or an app secret: prefixed tokens of any length (the JWT-shaped
 * `ghs_` installation tokens bring dots and base64url's `-`), and hex runs of 40 or more.
 */
const TOKEN_SHAPED = /(?:gh[pousr]_|github_pat_)[A-Za-z0-9_.-]+|[0-9a-f]{40,}/gi;
/** Path segments after which the path-style routes carry a token (matched case-insensitively). */
const TOKEN_SEGMENTS = new Set(["token", "tokens", "grant", "grants"]);
/** A segment after `token` that is a route word, not a credential: `/token/scoped`. */
const ROUTE_WORDS = new Set(["scoped"]);
/** Query parameters whose value is logged; every other value is replaced. */
const LOGGED_QUERY_VALUES = new Set(["client_id"]);
/** Characters written to a log as they are: printable ASCII. Anything else is percent-encoded. */
const UNPRINTABLE = /[^\x21-\x7e]/gu;

function percentEncode(character: string): string {
  return Buffer.from(character, "utf8").toString("hex").toUpperCase().replace(/../g, "%$&");
}

function redactTokenShaped(text: string): string {
  return text.replace(TOKEN_SHAPED, REDACTED);
}

/** Makes decoded text safe for a one-line log: no spaces, control characters or newlines. */
function printable(text: string): string {
  return text.replace(UNPRINTABLE, percentEncode);
}

/**
 * A request path fit for logs. It is percent-decoded first (repeatedly: `%2F`, `%252F`...), so an
 * encoded slash, a case change or an empty segment cannot hide a token; then every segment after
 * `token(s)`/`grant(s)` and every token-shaped string is replaced by `REDACTED`. A path still encoded
 * after many passes is logged as `/REDACTED` whole.
 */
export function redactPath(pathname: string): string {
  const decoded = percentDecodeFully(pathname);
  if (decoded === undefined) return `/${REDACTED}`;
  const segments = decoded.split("/");
  let afterTokenSegment = false;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] ?? "";
    if (afterTokenSegment && segment !== "" && !ROUTE_WORDS.has(segment.toLowerCase())) {
      segments[index] = REDACTED;
      continue;
    }
    if (TOKEN_SEGMENTS.has(segment.toLowerCase())) afterTokenSegment = true;
  }
  return printable(redactTokenShaped(segments.join("/")));
}

/**
 * A query string fit for logs: the parameter names stay (token-shaped ones redacted), and every value
 * but `client_id`'s becomes `REDACTED`, since OAuth requests may carry `client_secret`, `code`,
 * `device_code` or `refresh_token` in the query. Empty when there is no query.
 */
export function redactQuery(rawQuery: string): string {
  if (rawQuery === "") return "";
  const parts: string[] = [];
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    const safeName = printable(redactTokenShaped(percentDecodeFully(name) ?? REDACTED));
    const safeValue = LOGGED_QUERY_VALUES.has(name)
      ? printable(redactTokenShaped(percentDecodeFully(value) ?? REDACTED))
      : REDACTED;
    parts.push(`${safeName}=${safeValue}`);
  }
  return parts.join("&");
}
