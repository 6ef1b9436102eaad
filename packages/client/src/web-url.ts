import { type ApiLocation, isLoopbackHost, normalizeBaseUrl, parseServiceUrl } from "./base-url.js";

/** Where the OAuth endpoints (`/login/oauth/access_token`, `/login/device/code`) are served. */
export interface WebLocation {
  /** `https://host[:port]` */
  readonly origin: string;
  /** A path prefix without a trailing slash; usually ``. */
  readonly basePath: string;
  readonly secure: boolean;
  readonly loopback: boolean;
}

const GHE_COM_API = /^api\.([a-z0-9-]+\.ghe\.com)$/i;

/**
 * The web (OAuth) location of an instance: `webUrl` when given; otherwise `https://github.com` for
 * api.github.com, `https://SUBDOMAIN.ghe.com` for `https://api.SUBDOMAIN.ghe.com`, and the API URL
 * minus its `/api/v3` suffix for GHES (`https://HOST/api/v3` -> `https://HOST`).
 */
export function resolveWebLocation(baseUrl: string, webUrl?: string): WebLocation {
  if (webUrl !== undefined) {
    const url = parseServiceUrl(webUrl, "webUrl");
    return locationOf(url.origin, url.pathname.replace(/\/+$/, ""), url);
  }
  const api: ApiLocation = normalizeBaseUrl(baseUrl);
  const url = new URL(api.origin);
  if (url.hostname === "api.github.com")
    return locationOf("https://github.com", "", new URL("https://github.com"));
  const gheCom = GHE_COM_API.exec(url.hostname);
  if (gheCom?.[1]) {
    const web = new URL(`${url.protocol}//${gheCom[1]}${url.port ? `:${url.port}` : ""}`);
    return locationOf(web.origin, "", web);
  }
  return locationOf(api.origin, api.basePath.replace(/\/api\/v3$/, ""), url);
}

/** The web URL as a string (`origin` + path prefix), e.g. `https://github.example.com`. */
export function deriveWebUrl(baseUrl: string, webUrl?: string): string {
  const location = resolveWebLocation(baseUrl, webUrl);
  return location.origin + location.basePath;
}

function locationOf(origin: string, basePath: string, url: URL): WebLocation {
  return { origin, basePath, secure: url.protocol === "https:", loopback: isLoopbackHost(url.hostname) };
}
