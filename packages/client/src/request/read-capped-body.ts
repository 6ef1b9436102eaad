import type { Dispatcher } from "undici";
import { headerValue } from "./response-headers.js";

/** The body passed the limit; the caller turns this into a ResponseTooLargeError. */
export class BodyTooLarge extends Error {
  override name = "BodyTooLarge";
  constructor(readonly limitBytes: number) {
    super(`the response body is larger than ${limitBytes} bytes`);
  }
}

/** `instanceof` runs a proxy's getPrototypeOf trap, which may throw: a thrown value is anything. */
export function isBodyTooLarge(error: unknown): error is BodyTooLarge {
  try {
    return error instanceof BodyTooLarge;
  } catch {
    return false;
  }
}

/**
 * Reads a response body as UTF-8 text, never holding more than `limitBytes` of it: a body whose
 * `content-length` announces more is refused before reading, and one that grows past the limit is
 * refused at the chunk that passes it. Either way the body is destroyed, which closes the connection
 * (a keep-alive socket cannot be reused with an unread body on it).
 * @throws BodyTooLarge, or whatever the body stream fails with (an abort, a timeout, a reset).
 */
export function readCappedBody(response: Dispatcher.ResponseData, limitBytes: number): Promise<string> {
  const { body } = response;
  const declared = headerValue(response.headers, "content-length");
  if (declared !== undefined && Number(declared) > limitBytes) {
    body.destroy();
    return Promise.reject(new BodyTooLarge(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        chunks.length = 0;
        body.destroy();
        reject(new BodyTooLarge(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    body.on("end", () => {
      resolve(
        chunks.length === 1
          ? (chunks[0] as Buffer).toString("utf8")
          : Buffer.concat(chunks, size).toString("utf8"),
      );
    });
    body.on("error", reject);
  });
}
