export { type ApiLocation, isLoopbackHost, normalizeBaseUrl } from "./base-url.js";
export { GhesOAuthError, type GhesOAuthErrorOptions } from "./errors/ghes-oauth-error.js";
export {
  AuthenticationError,
  ForbiddenError,
  GitHubApiError,
  type GitHubErrorDetail,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "./errors/github-api-error.js";
export { type InputIssue, InvalidInputError } from "./errors/invalid-input-error.js";
export {
  type KnownOAuthErrorCode,
  OAUTH_ERROR_CODES,
  OAuthError,
  type OAuthErrorCode,
} from "./errors/oauth-error.js";
export { ResponseShapeError, type ShapeIssue } from "./errors/response-shape-error.js";
export { TransportError } from "./errors/transport-error.js";
export { OAuthAppClient } from "./oauth-app-client.js";
export { checkAuthorization } from "./operations/check-authorization.js";
export { checkToken } from "./operations/check-token.js";
export { createDeviceCode } from "./operations/create-device-code.js";
export { deleteAuthorization } from "./operations/delete-authorization.js";
export { deleteToken } from "./operations/delete-token.js";
export { exchangeDeviceCode } from "./operations/exchange-device-code.js";
export { exchangeWebFlowCode } from "./operations/exchange-web-flow-code.js";
export { refreshToken } from "./operations/refresh-token.js";
export { resetAuthorization } from "./operations/reset-authorization.js";
export { resetToken } from "./operations/reset-token.js";
export { revokeAuthorization } from "./operations/revoke-authorization.js";
export { revokeGrant } from "./operations/revoke-grant.js";
export { scopeToken } from "./operations/scope-token.js";
export { serverTime } from "./operations/server-time.js";
export { waitForDeviceAuthorization } from "./operations/wait-for-device-authorization.js";
export type { CallOptions, OAuthAppClientOptions } from "./options.js";
export {
  createRequestContext,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
} from "./request/create-request-context.js";
export type { RequestContext, WebEndpoint } from "./request/request-context.js";
export type { WebDispatcher } from "./request/web-dispatcher.js";
export { DEFAULT_RETRY_POLICY, type RetryOptions, type RetryPolicy } from "./retry/retry-policy.js";
export { accessTokenSchema } from "./schemas/access-token.js";
export { type Authorization, authorizationSchema } from "./schemas/authorization.js";
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
  createScopeTokenInputSchema,
  lenientScopeTokenInputSchema,
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
export { VERSION } from "./version.js";
export { deriveWebUrl, resolveWebLocation, type WebLocation } from "./web-url.js";
