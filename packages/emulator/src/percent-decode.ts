const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const HAS_ESCAPE = /%[0-9A-Fa-f]{2}/;
/** Enough for any real double or triple encoding; deeper nesting only serves to hide something. */
const MAX_PASSES = 8;

/**
 * One pass of percent-decoding that never throws: every `%XX` run becomes its bytes read as UTF-8
 * (invalid sequences turn into U+FFFD), and a `%` that starts no valid escape stays as it is.
 */
function percentDecodeOnce(text: string): string {
  if (!text.includes("%")) return text;
  return text.replace(ESCAPE_RUN, (run) => Buffer.from(run.replaceAll("%", ""), "hex").toString("utf8"));
}

/**
 * Decodes until nothing decodable is left, so `%252F` and `%2F` both end up as `/`. Undefined when the
 * text is still encoded after MAX_PASSES: callers treat that text as unreadable rather than trust it.
 */
export function percentDecodeFully(text: string): string | undefined {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (!HAS_ESCAPE.test(current)) return current;
    current = percentDecodeOnce(current);
  }
  return HAS_ESCAPE.test(current) ? undefined : current;
}
