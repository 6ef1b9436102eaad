export { type ApiVersion, DEFAULT_API_VERSION, isApiVersion } from "./api-versions.js";
export {
  API_VERSIONS,
  OPENAPI_PACKAGE_VERSION,
  PERMISSIONS,
  REPOSITORY_SELECTIONS,
} from "./generated/contract.js";
export {
  isPermissionName,
  PERMISSION_NAMES,
  type PermissionLevel,
  type PermissionLevelOf,
  type PermissionName,
  type Permissions,
  permissionLevels,
  permissionNamesOf,
  permissionVersions,
} from "./permissions.js";

export type { RepositorySelection } from "./repository-selection.js";
