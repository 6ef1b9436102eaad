// The ScopedTokenSet provider's implementation, loaded by name inside the dynamic-provider host (see
// ../../provider/scoped-token-set-provider.cts).
import { withDeadline } from "../shared/operation-deadline.js";
import { createTokenSet } from "./create-token-set.js";
import { deleteTokenSet } from "./delete-token-set.js";
import { diffTokenSet } from "./diff-token-set.js";
import { readTokenSet } from "./read-token-set.js";
import { updateTokenSet } from "./update-token-set.js";

export { configureFromStack } from "../shared/connection-settings.js";
export { checkTokenSet as check } from "./check-token-set.js";

// Every operation that talks to the server has a deadline (GHES_OAUTH_OPERATION_TIMEOUT).
export const create = withDeadline("creating a ScopedTokenSet", createTokenSet);
export const read = withDeadline("refreshing a ScopedTokenSet", readTokenSet);
export const update = withDeadline("updating a ScopedTokenSet", updateTokenSet);
export const diff = withDeadline("diffing a ScopedTokenSet", diffTokenSet);
const deleteOperation = withDeadline("deleting a ScopedTokenSet", deleteTokenSet);

export { deleteOperation as delete };
