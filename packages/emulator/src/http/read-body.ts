import type { IncomingMessage } from "node:http";

export const MAX_BODY_BYTES = 64 * 1024;
/** Past this much, an oversized body is no longer drained (so its client still reads the 413) but cut off. */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

export type BodyResult = { kind: "ok"; text: string } | { kind: "too-large" };

/**
 * Reads the request body as UTF-8 text, at most MAX_BODY_BYTES. An oversized body is drained
 * rather than answered mid-upload, so well-behaved clients see the 413 instead of a reset.
 */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_DRAIN_BYTES) {
      req.socket.destroy();
      reject(new Error("request body far too large"));
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_DRAIN_BYTES) {
        req.socket.destroy();
        reject(new Error("request body far too large"));
      } else if (received <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on("end", () => {
      if (received > MAX_BODY_BYTES) resolve({ kind: "too-large" });
      else resolve({ kind: "ok", text: Buffer.concat(chunks).toString("utf8") });
    });
    req.on("error", reject);
  });
}

/** Reads and discards the rest of the request body; resolves once it has all arrived. */
export async function drainBody(req: IncomingMessage): Promise<void> {
  try {
    await readBody(req);
  } catch {
    // Far too large: the socket was destroyed, nothing is left to answer.
  }
}
