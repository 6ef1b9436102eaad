const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** An absolute http(s) URL without a fragment: what an app may register as a callback URL. */
export function isCallbackUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== undefined && /^https?:$/.test(parsed.protocol) && parsed.hash === "" && !url.includes("#")
  );
}

function withinPath(registered: string, requested: string): boolean {
  if (requested === registered) return true;
  return requested.startsWith(registered.endsWith("/") ? registered : `${registered}/`);
}

/**
 * GitHub's rules for a `redirect_uri` against one registered callback URL: the same scheme; the same
 * host or a sub-domain of it; the same port, except for a loopback callback (any port, so a native app
 * can listen on whatever port it gets); and the callback's path or a sub-directory of it.
 */
export function redirectUriMatches(callbackUrl: string, redirectUri: string): boolean {
  const registered = parse(callbackUrl);
  const requested = parse(redirectUri);
  if (!registered || !requested || requested.hash !== "" || redirectUri.includes("#")) return false;
  if (registered.protocol !== requested.protocol) return false;
  if (requested.username !== "" || requested.password !== "") return false;
  const sameHost =
    requested.hostname === registered.hostname || requested.hostname.endsWith(`.${registered.hostname}`);
  if (!sameHost) return false;
  const loopback = LOOPBACK_HOSTS.has(registered.hostname) && requested.hostname === registered.hostname;
  if (!loopback && requested.port !== registered.port) return false;
  return withinPath(registered.pathname, requested.pathname);
}

/**
 * Where the web flow sends the browser back: the requested `redirect_uri` when it matches one of the
 * app's callback URLs, the first callback URL when none is requested; undefined when neither works.
 */
export function resolveRedirectUri(callbackUrls: readonly string[], redirectUri: string | undefined) {
  if (redirectUri === undefined || redirectUri === "") return callbackUrls[0];
  return callbackUrls.some((callbackUrl) => redirectUriMatches(callbackUrl, redirectUri))
    ? redirectUri
    : undefined;
}
