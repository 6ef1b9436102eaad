import { z } from "zod";

/** No character of Unicode's control category (U+0000-U+001F, U+007F-U+009F), NUL included. */
const WITHOUT_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

/**
 * A string of admin input: any control character (NUL included) is a 422 naming the field. Names end up
 * in API answers, logs and the data file, where such characters truncate, forge or garble.
 */
export function adminText() {
  return z.string().regex(WITHOUT_CONTROL_CHARACTERS, "must not contain control characters (such as NUL)");
}
