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
export { ResponseShapeError, type ShapeIssue } from "./errors/response-shape-error.js";
export { TransportError } from "./errors/transport-error.js";
export { OAuthAppClient } from "./oauth-app-client.js";
export { checkAuthorization } from "./operations/check-authorization.js";
export { checkToken } from "./operations/check-token.js";
export { deleteAuthorization } from "./operations/delete-authorization.js";
export { deleteToken } from "./operations/delete-token.js";
export { resetAuthorization } from "./operations/reset-authorization.js";
export { resetToken } from "./operations/reset-token.js";
export { revokeAuthorization } from "./operations/revoke-authorization.js";
export { revokeGrant } from "./operations/revoke-grant.js";
export { scopeToken } from "./operations/scope-token.js";
export { serverTime } from "./operations/server-time.js";
export type { CallOptions, OAuthAppClientOptions } from "./options.js";
export {
  createRequestContext,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
} from "./request/create-request-context.js";
export type { RequestContext } from "./request/request-context.js";
export { DEFAULT_RETRY_POLICY, type RetryOptions, type RetryPolicy } from "./retry/retry-policy.js";
export { accessTokenSchema } from "./schemas/access-token.js";
export { type Authorization, authorizationSchema } from "./schemas/authorization.js";
export {
  isPermissionName,
  PERMISSION_CATALOGUE,
  PERMISSION_NAMES,
  type PermissionLevel,
  type PermissionLevelOf,
  type PermissionName,
} from "./schemas/permission-catalogue.js";
export { installationPermissionsSchema, type Permissions, permissionsSchema } from "./schemas/permissions.js";
export { type ScopeTokenInput, scopeTokenInputSchema } from "./schemas/scope-token-input.js";
export { type ScopedAuthorization, scopedAuthorizationSchema } from "./schemas/scoped-authorization.js";
export { type ScopedInstallation, scopedInstallationSchema } from "./schemas/scoped-installation.js";
export { type SimpleUser, simpleUserSchema } from "./schemas/simple-user.js";
export { VERSION } from "./version.js";
