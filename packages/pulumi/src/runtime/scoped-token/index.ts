// The provider's implementation. The serialized provider (../provider/scoped-token-provider.ts) loads this
// module by name inside the dynamic-provider host, so state carries no code, no secret, no heavy module.

import { withDeadline } from "../shared/operation-deadline.js";
import { createScopedToken } from "./create-scoped-token.js";
import { deleteScopedToken } from "./delete-scoped-token.js";
import { diffScopedToken } from "./diff-scoped-token.js";
import { readScopedToken } from "./read-scoped-token.js";
import { updateScopedToken } from "./update-scoped-token.js";

export { configureFromStack } from "../shared/connection-settings.js";
export { isSecretValue, revealSecrets } from "../shared/secret-value.js";
export { checkScopedToken as check } from "./check-scoped-token.js";
// Shared with the native provider (@ghes-oauth/provider), which adapts these same functions.
export { connectionSchema } from "./inputs-schema.js";

// Every operation that talks to the server has a deadline (GHES_OAUTH_OPERATION_TIMEOUT).
export const create = withDeadline("creating a ScopedToken", createScopedToken);
export const read = withDeadline("refreshing a ScopedToken", readScopedToken);
export const update = withDeadline("updating a ScopedToken", updateScopedToken);
export const diff = withDeadline("diffing a ScopedToken", diffScopedToken);
const deleteOperation = withDeadline("deleting a ScopedToken", deleteScopedToken);

export { deleteOperation as delete };
