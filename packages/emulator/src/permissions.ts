import {
  isPermissionName,
  PERMISSION_NAMES,
  PERMISSIONS,
  type PermissionLevel,
  type PermissionName,
  type Permissions,
} from "@ghes-oauth/github-contract";

export { isPermissionName, PERMISSION_NAMES, type PermissionLevel, type PermissionName };

/**
 * Every permission some API version accepts, with its levels (lowest first): the union of the
 * descriptions in @ghes-oauth/github-contract. A running emulator serves one version's share of it
 * (see PermissionCatalogue).
 */
export const PERMISSION_LEVELS = Object.fromEntries(
  PERMISSION_NAMES.map((name) => [name, PERMISSIONS[name].levels]),
) as unknown as { readonly [Name in PermissionName]: (typeof PERMISSIONS)[Name]["levels"] };

/** A set of granted permissions, each at one of its own levels, e.g. `{ contents: "read", issues: "write" }`. */
export type PermissionSet = Permissions;

const LEVEL_RANK: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 };

export function isLevelAllowed(name: PermissionName, level: string): level is PermissionLevel {
  return (PERMISSION_LEVELS[name] as readonly string[]).includes(level);
}

/** True when `requested` grants nothing beyond `granted` (a missing permission grants nothing). */
export function isWithin(requested: PermissionLevel, granted: PermissionLevel | undefined): boolean {
  return granted !== undefined && LEVEL_RANK[requested] <= LEVEL_RANK[granted];
}
