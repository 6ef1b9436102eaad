import type { ApiVersion } from "./api-versions.js";
import { PERMISSIONS } from "./generated/contract.js";

type Catalogue = typeof PERMISSIONS;

/** A permission name some API version accepts. */
export type PermissionName = keyof Catalogue;
/** The levels permission `Name` allows, e.g. `"write"` alone for `workflows`. */
export type PermissionLevelOf<Name extends PermissionName> = Catalogue[Name]["levels"][number];
/** Any level of any permission: `read`, `write` or `admin`. */
export type PermissionLevel = PermissionLevelOf<PermissionName>;
/** Permissions of a scoped token: each name mapped to one of its own levels (documented per name). */
export type Permissions = { [Name in keyof Catalogue]?: Catalogue[Name]["levels"][number] };

/** Every permission name of every version, sorted. */
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as PermissionName[];

export function isPermissionName(name: string): name is PermissionName {
  return Object.hasOwn(PERMISSIONS, name);
}

/** The levels `name` allows, lowest first. */
export function permissionLevels<Name extends PermissionName>(
  name: Name,
): readonly PermissionLevelOf<Name>[] {
  return PERMISSIONS[name].levels;
}

/** The API versions whose catalogue has `name`. */
export function permissionVersions(name: PermissionName): readonly ApiVersion[] {
  return PERMISSIONS[name].versions;
}

/** The catalogue of one API version: the names it accepts. */
export function permissionNamesOf(version: ApiVersion): PermissionName[] {
  return PERMISSION_NAMES.filter((name) =>
    (PERMISSIONS[name].versions as readonly string[]).includes(version),
  );
}
