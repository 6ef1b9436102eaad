import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type HostileBehaviour =
  /** Answers `status` with `bytes` of JSON-ish filler, announced in content-length or chunked. */
  | { kind: "flood"; status: number; bytes: number; announceLength: boolean }
  /** Sends the headers, then one byte every `intervalMs`, forever. */
  | { kind: "drip"; status: number; intervalMs: number }
  /** Never answers. */
  | { kind: "silent" };

export interface HostileServer {
  /** `http://127.0.0.1:PORT/api/v3`; the OAuth routes are on the same origin. */
  readonly apiUrl: string;
  /** `127.0.0.1:PORT` */
  readonly host: string;
  /** Body bytes the server managed to hand to the socket so far, over all requests. */
  bytesSent(): number;
  requests(): string[];
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, "a");

/** A loopback server that answers every request the same hostile way (any method, any path). */
export async function startHostileServer(behaviour: HostileBehaviour): Promise<HostileServer> {
  let sent = 0;
  const paths: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    paths.push(`${request.method} ${request.url}`);
    request.resume();
    request.on("end", () => {
      if (behaviour.kind === "silent") return;
      if (behaviour.kind === "drip") return drip(response, behaviour.status, behaviour.intervalMs);
      flood(response, behaviour);
    });
  });

  function drip(response: ServerResponse, status: number, intervalMs: number) {
    response.writeHead(status, { "content-type": "application/json", "x-github-request-id": "DRIP:1" });
    response.write("{");
    const timer = setInterval(() => {
      if (response.destroyed) return clearInterval(timer);
      response.write(" ");
      sent++;
    }, intervalMs);
    timers.add(timer);
    response.on("close", () => clearInterval(timer));
  }

  function flood(response: ServerResponse, spec: Extract<HostileBehaviour, { kind: "flood" }>) {
    response.writeHead(spec.status, {
      "content-type": "application/json",
      "x-github-request-id": "FLOOD:1",
      ...(spec.announceLength ? { "content-length": String(spec.bytes) } : {}),
    });
    let left = spec.bytes;
    const pump = () => {
      while (left > 0 && !response.destroyed) {
        const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
        left -= chunk.length;
        sent += chunk.length;
        if (!response.write(chunk)) return void response.once("drain", pump);
      }
      if (!response.destroyed) response.end();
    };
    pump();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v3`,
    host: `127.0.0.1:${port}`,
    bytesSent: () => sent,
    requests: () => [...paths],
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
