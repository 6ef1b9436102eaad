// The UserToken provider's implementation, loaded by name inside the dynamic-provider host by
// ../../provider/user-token-provider.cts (so state carries no code, no secret, no heavy module).
export { configureFromStack } from "../shared/connection-settings.js";
export { checkUserToken as check } from "./check-user-token.js";
export { createUserToken as create } from "./create-user-token.js";
export { deleteUserToken as delete } from "./delete-user-token.js";
export { diffUserToken as diff } from "./diff-user-token.js";
export { readUserToken as read } from "./read-user-token.js";
export { updateUserToken as update } from "./update-user-token.js";
