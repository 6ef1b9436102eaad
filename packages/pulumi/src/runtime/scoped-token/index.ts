// The provider's implementation. The serialized provider (../provider/scoped-token-provider.ts) loads this
// module by name inside the dynamic-provider host, so state carries no code, no secret, no heavy module.

export { configureFromStack } from "../shared/connection-settings.js";
export { isSecretValue, revealSecrets } from "../shared/secret-value.js";
export { checkScopedToken as check } from "./check-scoped-token.js";
export { createScopedToken as create } from "./create-scoped-token.js";
export { deleteScopedToken as delete } from "./delete-scoped-token.js";
export { diffScopedToken as diff } from "./diff-scoped-token.js";
// Shared with the native provider (@ghes-oauth/provider), which adapts these same functions.
export { connectionSchema } from "./inputs-schema.js";
export { readScopedToken as read } from "./read-scoped-token.js";
export { updateScopedToken as update } from "./update-scoped-token.js";
