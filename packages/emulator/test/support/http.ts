import type { Readable } from "node:stream";
import { type Dispatcher, request } from "undici";

export interface CallOptions {
  /** `[username, password]` for HTTP Basic auth. */
  auth?: readonly [string, string];
  /** Serialized as JSON. */
  json?: unknown;
  /** Sent as is (for malformed or oversized bodies); a stream is sent chunked. */
  raw?: string | Buffer | Readable;
  headers?: Record<string, string>;
  dispatcher?: Dispatcher;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined for an empty body; tests assert its shape. */
  // biome-ignore lint/suspicious/noExplicitAny: response JSON is checked by the assertions that read it
  body: any;
  text: string;
}

export async function call(method: string, url: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { accept: "application/vnd.github+json", ...options.headers };
  if (options.auth) {
    headers.authorization = `Basic ${Buffer.from(`${options.auth[0]}:${options.auth[1]}`).toString("base64")}`;
  }
  let body: string | Buffer | Readable | undefined = options.raw;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  const response = await request(url, {
    method: method as Dispatcher.HttpMethod,
    headers,
    body,
    dispatcher: options.dispatcher,
  });
  const text = await response.body.text();
  let parsed: unknown;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  return { status: response.statusCode, headers: response.headers, body: parsed, text };
}
