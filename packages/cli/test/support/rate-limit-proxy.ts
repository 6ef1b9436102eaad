import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface RateLimitProxy {
  /** The emulator's API URL, through the proxy. */
  apiUrl: string;
  /** Arrival time (ms) and answer of each DELETE that reached the proxy. */
  deletes: { at: number; status: number }[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP hop in front of the emulator that answers the first `limited` DELETE requests as
 * GitHub's secondary rate limit does (429 with `Retry-After`), and passes everything else through.
 */
export async function startRateLimitProxy(
  apiUrl: string,
  limited: number,
  retryAfterSeconds: number,
): Promise<RateLimitProxy> {
  const upstream = new URL(apiUrl);
  const deletes: { at: number; status: number }[] = [];
  const server = createServer((incoming, outgoing) => {
    if (incoming.method === "DELETE" && deletes.filter((entry) => entry.status === 429).length < limited) {
      deletes.push({ at: Date.now(), status: 429 });
      incoming.resume();
      outgoing.writeHead(429, {
        "content-type": "application/json",
        "retry-after": String(retryAfterSeconds),
      });
      outgoing.end(
        JSON.stringify({
          message:
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
          documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
        }),
      );
      return;
    }
    const entry = incoming.method === "DELETE" ? { at: Date.now(), status: 0 } : undefined;
    if (entry) deletes.push(entry);
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        if (entry) entry.status = answer.statusCode ?? 0;
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on("error", () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${port}${upstream.pathname}`,
    deletes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
