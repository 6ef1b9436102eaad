// `@ghes-oauth/client/request`: the building blocks under the client, for code that composes its own calls
// (a request context with the client's defaults, its retry policy, the PKCE challenge of a verifier).
export { isLoopbackHost } from "../base-url.js";
export { pkceChallengeOf } from "../pkce.js";
export { DEFAULT_RETRY_POLICY } from "../retry/retry-policy.js";
export {
  createRequestContext,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
} from "./create-request-context.js";
