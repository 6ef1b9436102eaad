import { ConfigurationError } from "./errors.js";
import { type ProxyChoice, proxyForOrigin } from "./proxy-for-origin.js";

/**
 * proxyForOrigin, with the proxy URL checked: Node's own error for an unparsable URL keeps the whole
 * value (credentials included) in its `input` property, so it must never escape.
 * @throws ConfigurationError naming the variable, with any credentials in the value replaced.
 */
export function checkedProxyForOrigin(origin: string, env: NodeJS.ProcessEnv): ProxyChoice | undefined {
  const proxy = proxyForOrigin(origin, env);
  if (proxy === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(proxy.uri);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    throw new ConfigurationError(
      `${proxy.variable} is not a usable proxy URL: ${withoutCredentials(proxy.uri)}. Set it to ` +
        `http://[user:password@]host:port (percent-encode special characters in the user and password), ` +
        `or unset it (or list the host in NO_PROXY) to connect directly`,
      proxy.variable,
    );
  }
  return proxy;
}

/**
 * A proxy URL that may not parse, fit to print: everything before the last `@` of the authority
 * (the user and password) is replaced. A value without `@` carries no credentials by URL syntax.
 */
export function withoutCredentials(value: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0] ?? "";
  const rest = value.slice(scheme.length);
  const at = rest.lastIndexOf("@");
  return at === -1 ? value : `${scheme}[REDACTED]@${rest.slice(at + 1)}`;
}
