// The UserToken provider's implementation, loaded by name inside the dynamic-provider host by
// ../../provider/user-token-provider.cts (so state carries no code, no secret, no heavy module).
import { withDeadline } from "../shared/operation-deadline.js";
import { createUserToken } from "./create-user-token.js";
import { deleteUserToken } from "./delete-user-token.js";
import { diffUserToken } from "./diff-user-token.js";
import { readUserToken } from "./read-user-token.js";
import { updateUserToken } from "./update-user-token.js";

export { configureFromStack } from "../shared/connection-settings.js";
export { checkUserToken as check } from "./check-user-token.js";

// Every operation that talks to the server has a deadline (GHES_OAUTH_OPERATION_TIMEOUT).
export const create = withDeadline("creating a UserToken", createUserToken);
export const read = withDeadline("refreshing a UserToken", readUserToken);
export const update = withDeadline("updating a UserToken", updateUserToken);
export const diff = withDeadline("diffing a UserToken", diffUserToken);
const deleteOperation = withDeadline("deleting a UserToken", deleteUserToken);

export { deleteOperation as delete };
