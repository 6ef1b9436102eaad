import type { Authorization } from "@ghes-oauth/client";
import type { TokenFingerprint } from "../tokens/fingerprint.js";

/** How `check` (and `reset`, `scope`) describe a token: never the token itself. */
export interface TokenDescription extends TokenFingerprint {
  readonly status: "valid" | "invalid";
  readonly user: string | null;
  readonly expires_at: string | null;
  readonly scoped: boolean;
  readonly repository_selection: "all" | "selected" | null;
  readonly permissions: Record<string, string> | null;
}

/** A token the API knows. The fingerprint is computed locally so it is right even if the API omits it. */
export function describeValid(fingerprint: TokenFingerprint, authorization: Authorization): TokenDescription {
  const installation = authorization.installation ?? null;
  return {
    ...fingerprint,
    status: "valid",
    user: authorization.user?.login ?? null,
    expires_at: authorization.expires_at,
    scoped: installation !== null,
    repository_selection: installation?.repository_selection ?? null,
    permissions: installation ? { ...(installation.permissions as Record<string, string>) } : null,
  };
}

/** A token the API answered 404 for: unknown, revoked or expired (or the app's credentials are wrong). */
export function describeInvalid(fingerprint: TokenFingerprint): TokenDescription {
  return {
    ...fingerprint,
    status: "invalid",
    user: null,
    expires_at: null,
    scoped: false,
    repository_selection: null,
    permissions: null,
  };
}

export function formatPermissions(permissions: Record<string, string> | null): string {
  if (!permissions) return "-";
  const entries = Object.entries(permissions);
  return entries.length === 0 ? "none" : entries.map(([name, level]) => `${name}=${level}`).join(",");
}
