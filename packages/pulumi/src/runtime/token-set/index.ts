// The ScopedTokenSet provider's implementation, loaded by name inside the dynamic-provider host (see
// ../../provider/scoped-token-set-provider.cts).
export { configureFromStack } from "../shared/connection-settings.js";
export { checkTokenSet as check } from "./check-token-set.js";
export { createTokenSet as create } from "./create-token-set.js";
export { deleteTokenSet as delete } from "./delete-token-set.js";
export { diffTokenSet as diff } from "./diff-token-set.js";
export { readTokenSet as read } from "./read-token-set.js";
export { updateTokenSet as update } from "./update-token-set.js";
