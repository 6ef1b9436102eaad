// The provider's implementation. The serialized provider (../provider/scoped-token-provider.ts) loads this
// module by name inside the dynamic-provider host, so state carries no code, no secret, no heavy module.
export { checkScopedToken as check } from "./check-scoped-token.js";
export { configureFromStack } from "./connection-settings.js";
export { createScopedToken as create } from "./create-scoped-token.js";
export { deleteScopedToken as delete } from "./delete-scoped-token.js";
export { diffScopedToken as diff } from "./diff-scoped-token.js";
export { readScopedToken as read } from "./read-scoped-token.js";
export { updateScopedToken as update } from "./update-scoped-token.js";
