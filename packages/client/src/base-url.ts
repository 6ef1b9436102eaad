import { InvalidInputError } from "./errors.js";

export interface ApiLocation {
  /** `https://host[:port]` */
  readonly origin: string;
  /** The API root's path without a trailing slash: `/api/v3` on GHES, `` on api.github.com. */
  readonly basePath: string;
  readonly secure: boolean;
  readonly loopback: boolean;
}

/**
 * Accepts `https://HOST`, `https://HOST/api/v3` or `https://api.github.com`: a bare GHES host gets
 * `/api/v3`, api.github.com stays at the root, trailing slashes are trimmed.
 */
export function normalizeBaseUrl(baseUrl: string): ApiLocation {
  const url = parseServiceUrl(baseUrl, "baseUrl");
  const path = url.pathname.replace(/\/+$/, "");
  const basePath = path === "" && url.hostname !== "api.github.com" ? "/api/v3" : path;
  return {
    origin: url.origin,
    basePath,
    secure: url.protocol === "https:",
    loopback: isLoopbackHost(url.hostname),
  };
}

/** Parses an http(s) URL option, refusing credentials, a query string or a fragment. */
export function parseServiceUrl(value: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(
      option,
      "must be an absolute URL such as https://github.example.com or https://github.example.com/api/v3",
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw invalid(option, "must use https:// (or http:// on loopback)");
  if (url.username || url.password)
    throw invalid(option, "must not contain credentials; use clientId and clientSecret");
  if (url.search || url.hash) throw invalid(option, "must not contain a query string or fragment");
  return url;
}

/**
 * Literal loopback only, as `URL.hostname` spells it: `localhost` itself, 127.0.0.0/8 and `[::1]`.
 * Subdomains of localhost (`evil.localhost`) and trailing-dot forms go to a resolver, which may
 * answer anything, so they do not count.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host === "[::1]" || host === "::1") return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets?.slice(1).every((octet) => Number(octet) <= 255) ?? false;
}

function invalid(option: string, message: string): InvalidInputError {
  return new InvalidInputError([{ path: option, message }]);
}
