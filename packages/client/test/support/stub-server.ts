import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type StubAnswer =
  | { status: number; headers?: Record<string, string>; body?: string }
  | "reset"
  | { delayMs: number; then: StubAnswer };

export interface StubServer {
  /** `http://127.0.0.1:PORT/api/v3` */
  apiUrl: string;
  port: number;
  requests: StubRequest[];
  /** Sockets currently open to the server. */
  openConnections(): number;
  close(): Promise<void>;
}

/**
 * A scripted HTTP server on loopback, for responses the emulator cannot produce (malformed 2xx,
 * small Retry-After values, bodies echoing a token). `answer` is called once per request.
 */
export async function startStubServer(
  answer: (request: StubRequest, index: number) => StubAnswer,
  port = 0,
): Promise<StubServer> {
  const requests: StubRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const request: StubRequest = {
        method: incoming.method ?? "",
        path: incoming.url ?? "",
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      const respond = (reply: StubAnswer) => {
        if (reply === "reset") {
          incoming.socket.destroy();
        } else if ("delayMs" in reply) {
          setTimeout(() => respond(reply.then), reply.delayMs);
        } else {
          outgoing.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
          outgoing.end(reply.body ?? "");
        }
      };
      respond(answer(request, requests.length - 1));
    });
  });
  let open = 0;
  server.on("connection", (socket) => {
    open++;
    socket.on("close", () => open--);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${actualPort}/api/v3`,
    port: actualPort,
    requests,
    openConnections: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that was free a moment ago and has nothing listening on it now. */
export async function closedPort(): Promise<number> {
  const stub = await startStubServer(() => ({ status: 500 }));
  await stub.close();
  return stub.port;
}
