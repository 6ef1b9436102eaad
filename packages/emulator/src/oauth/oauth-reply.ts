import type { IncomingMessage } from "node:http";
import type { Reply } from "../http/exchange.js";

type Fields = Record<string, string | number>;

/** GitHub answers the web-host OAuth endpoints in JSON only when asked to, form-encoded otherwise. */
export function wantsJson(req: IncomingMessage): boolean {
  return /\bapplication\/json\b/i.test(req.headers.accept ?? "");
}

/** A 200 answer in the encoding the request asked for (errors are 200s too, as on GitHub). */
export function oauthReply(req: IncomingMessage, fields: Fields): Reply {
  if (wantsJson(req)) return { status: 200, body: fields };
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
  return { status: 200, form: form.toString() };
}
