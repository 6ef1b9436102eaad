import { createServer, request as httpRequest } from "node:http";
import { type AddressInfo, connect } from "node:net";

interface ProxiedRequest {
  method: string;
  /** The absolute URL a forward-proxy request names. */
  url: string;
  authorization: string | undefined;
}

export interface ConnectProxy {
  url: string;
  /** `host:port` of every CONNECT tunnel opened. */
  tunnels: string[];
  /** Every plain forward-proxy request (`GET http://host/path`). */
  forwarded: ProxiedRequest[];
  /** Whether any tunnel carried an `Authorization` header the proxy could read (plain HTTP inside). */
  sawClearTextCredentials(): boolean;
  close(): Promise<void>;
}

/**
 * A minimal HTTP proxy on loopback, CONNECT and forward, that only reaches loopback targets.
 * `hosts` maps names to a loopback address, so a test can address a local server by a
 * non-loopback name (as a client behind a corporate proxy would address its GHES).
 */
export async function startConnectProxy(hosts: Record<string, string> = {}): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const forwarded: ProxiedRequest[] = [];
  let clearText = false;
  const resolve = (host: string) =>
    hosts[host] ?? (host === "127.0.0.1" || host === "localhost" ? host : undefined);

  const server = createServer((incoming, outgoing) => {
    forwarded.push({
      method: incoming.method ?? "",
      url: incoming.url ?? "",
      authorization: incoming.headers.authorization,
    });
    let target: URL;
    try {
      target = new URL(incoming.url ?? "");
    } catch {
      outgoing.writeHead(400).end();
      return;
    }
    const address = resolve(target.hostname);
    if (address === undefined || target.protocol !== "http:") {
      outgoing.writeHead(403).end();
      return;
    }
    const upstream = httpRequest(
      {
        host: address,
        port: target.port || 80,
        method: incoming.method,
        path: target.pathname + target.search,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on("error", () => outgoing.destroy());
    incoming.pipe(upstream);
  });

  server.on("connect", (request, clientSocket, head) => {
    const target = request.url ?? "";
    const separator = target.lastIndexOf(":");
    const address = resolve(target.slice(0, separator));
    if (address === undefined) {
      clientSocket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    tunnels.push(target);
    const upstream = connect(Number(target.slice(separator + 1)), address, () => {
      clientSocket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
      clientSocket.on("data", (chunk: Buffer) => {
        if (/^authorization:/im.test(chunk.toString("latin1"))) clearText = true;
      });
    });
    upstream.on("error", () => clientSocket.destroy());
    clientSocket.on("error", () => upstream.destroy());
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    forwarded,
    sawClearTextCredentials: () => clearText || forwarded.some((request) => request.authorization),
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
