import { randomBytes, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { DOCUMENTATION_URLS } from "./documentation-urls.js";
import type { Reply } from "./exchange.js";

/** The environment variable the bin and EmulatorAdmin read an admin token from. */
export const ADMIN_TOKEN_VARIABLE = "GHES_OAUTH_EMULATOR_ADMIN_TOKEN";

/** Whether binding `host` keeps the emulator on this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackBind(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare === "::1" || bare === "::ffff:127.0.0.1") return true;
  return isIP(bare) === 4 && bare.startsWith("127.");
}

/**
 * The admin token in force: the one given, else a generated one when the emulator listens beyond
 * loopback (the admin API mints live user tokens), else none (the admin API stays open on loopback).
 */
export function resolveAdminToken(host: string, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  return isLoopbackBind(host) ? undefined : `emu_admin_${randomBytes(24).toString("base64url")}`;
}

/** Whether a request's `Authorization` header carries `Bearer <token>` (compared in constant time). */
export function hasAdminToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return false;
  const given = Buffer.from(match[1] as string);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The answer to an admin request without the right token: 401, as GitHub answers missing credentials. */
export function adminAuthenticationRequired(): Reply {
  return {
    status: 401,
    body: {
      message:
        "Requires authentication: this emulator's admin API takes Authorization: Bearer <admin token> " +
        "(the token it printed at start, or the one given with --admin-token)",
      documentation_url: DOCUMENTATION_URLS.root,
    },
    headers: { "www-authenticate": 'Bearer realm="ghes-oauth-emulator admin"' },
  };
}
