export { type ApiLocation, normalizeBaseUrl } from "./base-url.js";
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
export { createPkcePair, type PkcePair } from "./pkce.js";
export type { RequestContext, WebEndpoint } from "./request/request-context.js";
export type { WebDispatcher } from "./request/web-dispatcher.js";
export type { RetryOptions, RetryPolicy } from "./retry/retry-policy.js";
export type { Authorization } from "./schemas/authorization.js";
export type { DeviceCode } from "./schemas/device-code.js";
export type {
  DeviceCodeInput,
  DevicePollState,
  DeviceWaitOptions,
  WebFlowCodeInput,
} from "./schemas/grant-inputs.js";
export type { PermissionLevel, PermissionLevelOf, PermissionName } from "./schemas/permission-catalogue.js";
export type { Permissions } from "./schemas/permissions.js";
export type { ScopeSpec, ScopeTokenInput } from "./schemas/scope-token-input.js";
export type { ScopedAuthorization } from "./schemas/scoped-authorization.js";
export type { ScopedInstallation } from "./schemas/scoped-installation.js";
export type { SimpleUser } from "./schemas/simple-user.js";
export type { UserTokenGrant } from "./schemas/user-token-grant.js";
export { serverTime } from "./server-time.js";
export { verifyCredentials } from "./verify-credentials.js";
export { VERSION } from "./version.js";
export { waitForDeviceAuthorization } from "./wait-for-device-authorization.js";
export { createWebFlowUrl, type WebFlowUrlInput } from "./web-flow-url.js";
export { deriveWebUrl, resolveWebLocation, type WebLocation } from "./web-url.js";
