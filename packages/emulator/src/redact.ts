const PATH_STYLE_TOKEN = /(\/(?:tokens|grants)\/)[^/?#]+/g;
const TOKEN_LIKE = /\bgh[pousr]_[A-Za-z0-9_]+/g;

/** A request path fit for logs: path-style tokens (and anything token-shaped) replaced, query dropped. */
export function redactPath(rawUrl: string): string {
  const queryStart = rawUrl.search(/[?#]/);
  const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  // Most paths hold nothing to redact: skip the replacements (this runs for every request).
  if (!path.includes("/tokens/") && !path.includes("/grants/") && !path.includes("_")) return path;
  return path.replace(PATH_STYLE_TOKEN, "$1REDACTED").replace(TOKEN_LIKE, "REDACTED");
}
