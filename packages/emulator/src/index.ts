export { REFRESH_TOKEN_LIFETIME_MS, TOKEN_LIFETIME_MS } from "./api/token-service.js";
export {
  type BehaviourInput,
  type BehaviourSettings,
  DEFAULT_BEHAVIOUR,
  PARENT_REFRESH,
  type ParentRefresh,
  type RateLimitSettings,
  SCOPED_TOKEN_EXPIRY,
  type ScopedTokenExpiry,
} from "./behaviour/behaviour.js";
export {
  type EmulatedAccount,
  type EmulatedApp,
  type EmulatedInstallation,
  EmulatorAdmin,
  type IssuedUserToken,
  type LiveToken,
} from "./emulator-admin.js";
export { type DataFileHolder, DataFileInUseError } from "./errors.js";
export type { FaultConfig } from "./faults/fault-config.js";
export { PermissionCatalogue } from "./permission-catalogue.js";
export {
  isLevelAllowed,
  isPermissionName,
  isWithin,
  PERMISSION_LEVELS,
  PERMISSION_NAMES,
  type PermissionLevel,
  type PermissionName,
  type PermissionSet,
} from "./permissions.js";
export type { RequestLogEntry } from "./request-log.js";
export { type EmulatorOptions, type RunningEmulator, startEmulator, type TlsOptions } from "./server.js";
