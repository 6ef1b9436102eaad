/** The web host's paths: the OAuth endpoints and the sign-in pages (`/login`, `/session`, `/logout`). */
const WEB_PATH = /^\/(?:login(?:\/|$)|session$|logout$)/;

/** Whether a request path belongs to the web host (the origin root), not to the REST API. */
export function isWebPath(pathname: string): boolean {
  return WEB_PATH.test(pathname);
}
