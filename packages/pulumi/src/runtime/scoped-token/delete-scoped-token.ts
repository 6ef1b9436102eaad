import { NotFoundError } from "@ghes-oauth/client";
import type { ScopedTokenState } from "../../dynamic/scoped-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { explainApiError } from "../shared/explain-api-error.js";
import { operationCall } from "../shared/operation-deadline.js";
import { proveCredentials } from "../shared/prove-credentials.js";

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
