import { rootCertificates } from "node:tls";
import { type Dispatcher, Pool, ProxyAgent } from "undici";
import { checkedProxyForOrigin } from "./checked-proxy.js";
import { InvalidInputError } from "./errors.js";

export interface DispatcherSettings {
  readonly origin: string;
  readonly ca: readonly string[] | undefined;
  readonly connectTimeoutMs: number;
  readonly env: NodeJS.ProcessEnv;
  /** The option the origin came from, named when the origin is refused. Default `baseUrl`. */
  readonly option?: string;
}

/**
 * The dispatcher a client owns for one origin: a keep-alive Pool, or a ProxyAgent when the
 * environment's proxy applies to that origin (see proxyForOrigin: never for loopback).
 * @throws InvalidInputError for plain http:// through a proxy: the proxy would read the Basic
 *   credentials (and the request body) in clear text. ConfigurationError for an unusable proxy URL.
 */
export function createDispatcher(settings: DispatcherSettings): Dispatcher {
  const connect = {
    timeout: settings.connectTimeoutMs,
    // `ca` replaces Node's trust store, so the default roots are passed along with the extra ones.
    ...(settings.ca ? { ca: [...rootCertificates, ...settings.ca] } : {}),
  };
  const proxy = checkedProxyForOrigin(settings.origin, settings.env);
  if (proxy === undefined) return new Pool(settings.origin, { connect, pipelining: 1 });
  const url = new URL(settings.origin);
  if (url.protocol !== "https:") {
    throw new InvalidInputError([
      {
        path: settings.option ?? "baseUrl",
        message:
          `refusing plain http:// to ${url.host} through the proxy in ${proxy.variable}: the proxy would ` +
          "see the client credentials in clear text. Use https:// (the proxy then only relays encrypted " +
          `traffic), or exempt the host from the proxy with NO_PROXY=${url.hostname}`,
      },
    ]);
  }
  return new ProxyAgent({ uri: proxy.uri, connect, requestTls: connect, proxyTls: connect });
}
