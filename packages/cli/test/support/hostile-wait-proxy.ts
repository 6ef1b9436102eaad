import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface HostileWaitProxy {
  /** The emulator's API URL, through the proxy. */
  apiUrl: string;
  /** DELETE requests answered with the wait so far. */
  refused(): number;
  /** From now on every request goes through: the limit has passed. */
  calm(): void;
  close(): Promise<void>;
}

/**
 * A loopback hop in front of the emulator that lets the first `passing` DELETE requests through and
 * answers every later one with `status` and `headers` (a rate limit asking for an absurd wait); every
 * other request (a credential probe, say) goes through untouched.
 */
export async function startHostileWaitProxy(
  apiUrl: string,
  passing: number,
  status: 403 | 429,
  headers: () => Record<string, string>,
): Promise<HostileWaitProxy> {
  const upstream = new URL(apiUrl);
  let deletes = 0;
  let refused = 0;
  let hostile = true;
  const server = createServer((incoming, outgoing) => {
    if (hostile && incoming.method === "DELETE" && ++deletes > passing) {
      refused++;
      incoming.resume();
      outgoing.writeHead(status, { "content-type": "application/json", ...headers() });
      outgoing.end(
        JSON.stringify({
          message: "API rate limit exceeded for client ID x.",
          documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
        }),
      );
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
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
    refused: () => refused,
    calm: () => {
      hostile = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
