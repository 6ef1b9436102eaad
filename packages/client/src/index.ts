export { type ApiLocation, isLoopbackHost, normalizeBaseUrl } from "./base-url.js";
export { DEFAULT_RENEW_BEFORE, DURATION_FORMAT, parseDurationSeconds } from "./duration.js";
export {
  AuthenticationError,
  ConfigurationError,
  CredentialsUnverifiedError,
  type CredentialTarget,
  ForbiddenError,
  GhesOAuthError,
  type GhesOAuthErrorOptions,
  GitHubApiError,
  type GitHubErrorDetail,
  type InputIssue,
  InvalidCredentialsError,
  InvalidInputError,
  type KnownOAuthErrorCode,
  NotFoundError,
  OAUTH_ERROR_CODES,
  OAuthError,
  type OAuthErrorCode,
  RateLimitError,
  ResponseShapeError,
  ResponseTooLargeError,
  ServerError,
  type ShapeIssue,
  TransportError,
  ValidationError,
} from "./errors.js";
export { OAuthAppClient } from "./oauth-app-client.js";
export {
  checkAuthorization,
  checkToken,
  createDeviceCode,
  deleteAuthorization,
  deleteToken,
  exchangeDeviceCode,
  exchangeWebFlowCode,
  refreshToken,
  resetAuthorization,
  resetToken,
  revokeAuthorization,
  revokeGrant,
  scopeToken,
} from "./operations.js";
export type { CallOptions, OAuthAppClientOptions } from "./options.js";
export { createPkcePair, type PkcePair, pkceChallengeOf } from "./pkce.js";
export {
  createRequestContext,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
} from "./request/create-request-context.js";
export type { RequestContext, WebEndpoint } from "./request/request-context.js";
export type { WebDispatcher } from "./request/web-dispatcher.js";
export { DEFAULT_RETRY_POLICY, type RetryOptions, type RetryPolicy } from "./retry/retry-policy.js";
export { accessTokenSchema } from "./schemas/access-token.js";
export { type Authorization, authorizationSchema } from "./schemas/authorization.js";
export { closestName } from "./schemas/closest-name.js";
export { type DeviceCode, deviceCodeResponseSchema, deviceCodeSchema } from "./schemas/device-code.js";
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
} from "./schemas/grant-inputs.js";
export {
  isPermissionName,
  PERMISSION_CATALOGUE,
  PERMISSION_NAMES,
  type PermissionLevel,
  type PermissionLevelOf,
  type PermissionName,
  permissionLevels,
} from "./schemas/permission-catalogue.js";
export {
  createPermissionsSchema,
  installationPermissionsSchema,
  type Permissions,
  type PermissionsSchemaOptions,
  permissionsSchema,
} from "./schemas/permissions.js";
export {
  createScopeSpecSchema,
  createScopeTokenInputSchema,
  lenientScopeTokenInputSchema,
  type ScopeSpec,
  type ScopeTokenInput,
  scopeTokenInputSchema,
} from "./schemas/scope-token-input.js";
export { type ScopedAuthorization, scopedAuthorizationSchema } from "./schemas/scoped-authorization.js";
export { type ScopedInstallation, scopedInstallationSchema } from "./schemas/scoped-installation.js";
export { type SimpleUser, simpleUserSchema } from "./schemas/simple-user.js";
export {
  type UserTokenGrant,
  userTokenGrantResponseSchema,
  userTokenGrantSchema,
} from "./schemas/user-token-grant.js";
export { serverTime } from "./server-time.js";
export { verifyCredentials } from "./verify-credentials.js";
export { VERSION } from "./version.js";
export { waitForDeviceAuthorization } from "./wait-for-device-authorization.js";
export { createWebFlowUrl, type WebFlowUrlInput } from "./web-flow-url.js";
export { deriveWebUrl, resolveWebLocation, type WebLocation } from "./web-url.js";
