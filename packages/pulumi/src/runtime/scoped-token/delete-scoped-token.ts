import { NotFoundError } from "@ghes-oauth/client";
import type { ScopedTokenState } from "../../dynamic/scoped-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { explainApiError } from "../shared/explain-api-error.js";

/** Revokes the token (DELETE /applications/{client_id}/token). Already gone (404) counts as done. */
export async function deleteScopedToken(_id: string, props: ScopedTokenState): Promise<void> {
  const client = clientFor(resolveConnection(props.connection));
  try {
    await client.deleteToken(props.token);
  } catch (error) {
    if (error instanceof NotFoundError) return;
    throw explainApiError("revoking the scoped token", error);
  }
}
