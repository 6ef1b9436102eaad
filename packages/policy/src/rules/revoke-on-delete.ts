import { configReader } from "./config-error.js";
import { isUnknown, type Maybe, quote, type Violation, violation } from "./model.js";

const POLICY = "ghes-oauth-revoke-on-delete";

export const REVOKE_ON_DELETE = ["token", "grant", "none"] as const;
export type RevokeOnDelete = (typeof REVOKE_ON_DELETE)[number];
/** UserToken's default: `pulumi destroy` revokes the access token. */
const DEFAULT_REVOKE_ON_DELETE: RevokeOnDelete = "token";

export interface RevokeOnDeleteConfig {
  /** The `revokeOnDelete` values allowed. Default `["token", "grant"]`. */
  readonly allowed: readonly RevokeOnDelete[];
}

export function parseRevokeOnDeleteConfig(raw: Readonly<Record<string, unknown>>): RevokeOnDeleteConfig {
  const read = configReader(POLICY, raw);
  const allowed = read.value("allowed");
  if (allowed === undefined) return { allowed: ["token", "grant"] };
  if (
    !Array.isArray(allowed) ||
    !allowed.every((item) => (REVOKE_ON_DELETE as readonly unknown[]).includes(item))
  )
    return read.fail("allowed", `must be a list of ${REVOKE_ON_DELETE.map(quote).join(", ")}`);
  return { allowed };
}

/** A UserToken whose `revokeOnDelete` is not allowed (by default: `"none"`, which leaves its token live on destroy). */
export function checkRevokeOnDelete(
  config: RevokeOnDeleteConfig,
  subject: string,
  revokeOnDelete: Maybe<unknown> | undefined,
): Violation[] {
  if (isUnknown(revokeOnDelete)) return [];
  const value = revokeOnDelete ?? DEFAULT_REVOKE_ON_DELETE;
  if (typeof value !== "string" || config.allowed.includes(value as RevokeOnDelete)) return [];
  const consequence = value === "none" ? ": pulumi destroy would leave the token live" : "";
  return [
    violation(
      POLICY,
      subject,
      "revokeOnDelete",
      `is ${quote(value)}, which the policy does not allow${consequence}; set revokeOnDelete to ${config.allowed.map(quote).join(" or ")}`,
    ),
  ];
}
