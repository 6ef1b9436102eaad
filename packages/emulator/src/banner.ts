import type { RunningEmulator } from "./server.js";

/** The bin's line that hands out a generated admin token; the testing helpers read it. */
export const ADMIN_TOKEN_LINE_PREFIX = "admin token: ";
/** The bin's last start-up line: once it is out, the emulator serves. */
export const READY_LINE_PREFIX = "API version ";

const API_PREFIX = "/api/v3";

/**
 * What the bin prints at start: first the API URL a client on this machine can use (scripts read the
 * first line), then where the server really listens when that differs (a wildcard bind), the admin
 * token when one was generated (printed this once), and last the API version served.
 */
export function bannerLines(
  emulator: RunningEmulator,
  tokenGiven: boolean,
  permissionCount: number,
): string[] {
  const lines = [emulator.apiUrl];
  if (emulator.listenUrl !== emulator.url) {
    const { protocol, port } = new URL(emulator.url);
    lines.push(
      `listening on ${emulator.listenUrl}${API_PREFIX} (every interface): from this machine use ` +
        `${emulator.apiUrl}, from others ${protocol}//<this machine's address>:${port}${API_PREFIX}`,
    );
  }
  if (emulator.adminToken !== undefined && !tokenGiven) {
    lines.push(
      `${ADMIN_TOKEN_LINE_PREFIX}${emulator.adminToken} (generated for this run: /_emulator/* requires ` +
        "Authorization: Bearer <admin token>; choose one with --admin-token or GHES_OAUTH_EMULATOR_ADMIN_TOKEN)",
    );
  } else if (emulator.adminToken !== undefined) {
    lines.push("admin API: requires the admin token given (Authorization: Bearer <admin token>)");
  }
  lines.push(`${READY_LINE_PREFIX}${emulator.apiVersion}: ${permissionCount} scoped-token permissions`);
  return lines;
}
