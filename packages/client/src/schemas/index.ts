// `@ghes-oauth/client/schemas`: the zod schemas the client validates with, and the permission catalogue, for
// anyone validating configuration before it reaches the API. The root re-exports only their types.
export { DEFAULT_RENEW_BEFORE, DURATION_FORMAT, parseDurationSeconds } from "../duration.js";
export { accessTokenSchema } from "./access-token.js";
export { type Authorization, authorizationSchema } from "./authorization.js";
export { closestName } from "./closest-name.js";
export { type DeviceCode, deviceCodeResponseSchema, deviceCodeSchema } from "./device-code.js";
export {
  type DeviceCodeInput,
  type DevicePollState,
  type DeviceWaitOptions,
  deviceCodeArgumentSchema,
  deviceCodeInputSchema,
  deviceWaitOptionsSchema,
  refreshTokenArgumentSchema,
  type WebFlowCodeInput,
  webFlowCodeInputSchema,
} from "./grant-inputs.js";
export {
  isPermissionName,
  PERMISSION_CATALOGUE,
  PERMISSION_NAMES,
  type PermissionLevel,
  type PermissionLevelOf,
  type PermissionName,
  permissionLevels,
} from "./permission-catalogue.js";
export {
  createPermissionsSchema,
  installationPermissionsSchema,
  type Permissions,
  type PermissionsSchemaOptions,
  permissionsSchema,
} from "./permissions.js";
export {
  createScopeSpecSchema,
  createScopeTokenInputSchema,
  lenientScopeTokenInputSchema,
  type ScopeSpec,
  type ScopeTokenInput,
  scopeTokenInputSchema,
} from "./scope-token-input.js";
export { type ScopedAuthorization, scopedAuthorizationSchema } from "./scoped-authorization.js";
export { type ScopedInstallation, scopedInstallationSchema } from "./scoped-installation.js";
export { type SimpleUser, simpleUserSchema } from "./simple-user.js";
export {
  type UserTokenGrant,
  userTokenGrantResponseSchema,
  userTokenGrantSchema,
} from "./user-token-grant.js";
