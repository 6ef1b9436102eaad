import { isLoopbackHost } from "./base-url.js";

export interface ProxyChoice {
  /** The proxy URL to send this origin's requests through. */
  readonly uri: string;
  /** The environment variable it came from, for messages (its value may hold proxy credentials). */
  readonly variable: string;
}

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };

/**
 * The proxy the environment asks for, for one origin, with curl's and undici's conventions: an
 * https origin takes `https_proxy`/`HTTPS_PROXY`, else `http_proxy`/`HTTP_PROXY`; an http origin only
 * the latter; lower case wins; `NO_PROXY` (`*`, `host`, `.domain`/`*.domain`, each with an optional
 * `:port`) exempts an origin. A loopback origin never goes through a proxy: a local server is
 * reachable directly, and a proxy would only be one more party to see the credentials.
 */
export function proxyForOrigin(origin: string, env: NodeJS.ProcessEnv): ProxyChoice | undefined {
  const url = new URL(origin);
  if (isLoopbackHost(url.hostname)) return undefined;
  const candidates =
    url.protocol === "https:"
      ? ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"]
      : ["http_proxy", "HTTP_PROXY"];
  const variable = candidates.find((name) => env[name]);
  if (variable === undefined) return undefined;
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
  if (isExempt(url.hostname.toLowerCase(), port, env.no_proxy ?? env.NO_PROXY ?? "")) return undefined;
  return { uri: env[variable] as string, variable };
}

function isExempt(hostname: string, port: number, noProxy: string): boolean {
  if (noProxy.trim() === "*") return true;
  for (const entry of noProxy.split(/[,\s]/)) {
    if (entry === "") continue;
    const withPort = /^(.+):(\d+)$/.exec(entry);
    if (withPort && Number(withPort[2]) !== port) continue;
    const host = (withPort ? (withPort[1] as string) : entry).replace(/^\*?\./, "").toLowerCase();
    if (hostname === host || hostname.endsWith(`.${host}`)) return true;
  }
  return false;
}
