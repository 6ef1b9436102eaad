import { rootCertificates } from "node:tls";
import { type Dispatcher, EnvHttpProxyAgent, Pool } from "undici";

export interface DispatcherSettings {
  readonly origin: string;
  readonly ca: readonly string[] | undefined;
  readonly connectTimeoutMs: number;
  readonly env: NodeJS.ProcessEnv;
}

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

/**
 * The dispatcher a client owns: a keep-alive Pool for its single origin, or an EnvHttpProxyAgent
 * when a proxy is configured in the environment (it applies NO_PROXY itself).
 */
export function createDispatcher(settings: DispatcherSettings): Dispatcher {
  const connect = {
    timeout: settings.connectTimeoutMs,
    // `ca` replaces Node's trust store, so the default roots are passed along with the extra ones.
    ...(settings.ca ? { ca: [...rootCertificates, ...settings.ca] } : {}),
  };
  if (PROXY_VARIABLES.some((name) => settings.env[name])) {
    return new EnvHttpProxyAgent({ connect, requestTls: connect, proxyTls: connect });
  }
  return new Pool(settings.origin, { connect, pipelining: 1 });
}
