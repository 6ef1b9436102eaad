import { PERMISSION_NAMES, PERMISSIONS, type PermissionName } from "@ghes-oauth/github-contract";

export {
  isPermissionName,
  PERMISSION_NAMES,
  type PermissionLevel,
  type PermissionLevelOf,
  type PermissionName,
  permissionLevels,
} from "@ghes-oauth/github-contract";

/**
 * Every permission a scoped token can ask for, with the levels each allows: the union of the GHES
 * releases and github.com described by GitHub's OpenAPI descriptions (see @ghes-oauth/github-contract).
 */
export const PERMISSION_CATALOGUE = Object.fromEntries(
  PERMISSION_NAMES.map((name) => [name, PERMISSIONS[name].levels]),
) as unknown as { readonly [Name in PermissionName]: (typeof PERMISSIONS)[Name]["levels"] };
