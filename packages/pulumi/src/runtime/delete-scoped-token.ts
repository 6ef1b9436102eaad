import { NotFoundError } from "@ghes-oauth/client";
import type { ScopedTokenState } from "../scoped-token-state.js";
import { clientFor } from "./client-for.js";
import { resolveConnection } from "./connection-settings.js";
import { explainApiError } from "./explain-api-error.js";
import { operationCall } from "./operation-deadline.js";
import { proveCredentials } from "./prove-credentials.js";

/** Revokes the token (DELETE /applications/{client_id}/token). Already gone (404) counts as done once the credentials are proven. */
export async function deleteScopedToken(_id: string, props: ScopedTokenState): Promise<void> {
  const client = clientFor(resolveConnection(props.connection));
  try {
    await client.deleteToken(props.token, operationCall());
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw explainApiError("revoking the scoped token", error);
  }
  await proveCredentials(props.connection, "destroying the ScopedToken");
}
