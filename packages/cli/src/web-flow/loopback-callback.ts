import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the browser brought back to the callback URL. */
export type CallbackResult =
  | { kind: "code"; code: string }
  | { kind: "error"; error: string; description: string | undefined }
  | { kind: "state-mismatch" };

export interface LoopbackCallback {
  /** `http://127.0.0.1:PORT/callback` */
  readonly redirectUri: string;
  /** Resolves with the first request to the callback path; the server then closes. */
  readonly result: Promise<CallbackResult>;
  close(): Promise<void>;
}

const PAGE = (title: string, message: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message}</p></main></body></html>`;

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A one-shot HTTP server on a free loopback port that waits for the web flow's redirect: the first
 * request to `/callback` settles it (the code, the error, or a `state` that is not ours) and the server
 * closes. The page it answers never shows the code.
 */
export async function startLoopbackCallback(expectedState: string): Promise<LoopbackCallback> {
  let settle: (result: CallbackResult) => void = () => {};
  const result = new Promise<CallbackResult>((resolve) => {
    settle = resolve;
  });
  let settled = false;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method !== "GET" || url.pathname !== "/callback" || settled) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    settled = true;
    const query = url.searchParams;
    const answer = (status: number, title: string, message: string, outcome: CallbackResult) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(PAGE(title, message), () => settle(outcome));
    };
    if (!sameText(query.get("state") ?? "", expectedState)) {
      answer(400, "Sign-in failed", "This answer does not belong to the sign-in that ghes-oauth started.", {
        kind: "state-mismatch",
      });
      return;
    }
    const error = query.get("error");
    const code = query.get("code");
    if (error !== null || code === null) {
      answer(200, "Sign-in cancelled", "ghes-oauth was not authorized. You can close this window.", {
        kind: "error",
        error: error ?? "missing_code",
        description: query.get("error_description") ?? undefined,
      });
      return;
    }
    answer(200, "Signed in", "ghes-oauth has the authorization. You can close this window.", {
      kind: "code",
      code,
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return { redirectUri: `http://127.0.0.1:${port}/callback`, result, close };
}
