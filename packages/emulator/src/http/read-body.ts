import type { IncomingMessage } from "node:http";

const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult = { kind: "ok"; text: string } | { kind: "too-large" };

/** Requests whose body was found to exceed MAX_BODY_BYTES: it is not read, so their answer closes the connection. */
const oversized = new WeakSet<IncomingMessage>();

/** The Content-Length the request declares, or undefined (chunked, or absent). */
function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers["content-length"];
  return header === undefined ? undefined : Number(header);
}

/** True when the request says up front that its body is over the limit (its Content-Length). */
export function declaresOversizedBody(req: IncomingMessage): boolean {
  return (declaredLength(req) ?? 0) > MAX_BODY_BYTES;
}

/** True when the body was (or was declared) over the limit and left unread: the answer must close the connection. */
export function bodyAbandoned(req: IncomingMessage): boolean {
  return oversized.has(req);
}

function abandon(req: IncomingMessage): BodyResult {
  oversized.add(req);
  // Whatever still arrives is discarded, not buffered, until the connection closes.
  req.resume();
  return { kind: "too-large" };
}

/**
 * Reads the request body as UTF-8 text, at most MAX_BODY_BYTES. An oversized body is not read further
 * than that: a declared Content-Length over the limit gives "too-large" before a byte is read, and a
 * chunked body gives it as soon as the limit is passed. The 413 then goes out at once, with
 * `connection: close` (see closeAfterAnswer).
 */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  if (oversized.has(req) || declaresOversizedBody(req)) return Promise.resolve(abandon(req));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      stop();
      resolve(abandon(req));
    };
    const onEnd = () => {
      stop();
      resolve({ kind: "ok", text: Buffer.concat(chunks).toString("utf8") });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * Reads and discards the rest of the request body; resolves once it has all arrived, or as soon as it
 * proves oversized (then false: the answer must close the connection).
 */
export async function drainBody(req: IncomingMessage): Promise<boolean> {
  try {
    return (await readBody(req)).kind === "ok";
  } catch {
    return false; // the client went away mid-body; nothing will be answered
  }
}
