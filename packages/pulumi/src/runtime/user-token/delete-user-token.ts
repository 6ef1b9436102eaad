import { NotFoundError } from "@ghes-oauth/client";
import type { Connection } from "../../dynamic/connection-args.js";
import type { UserTokenState } from "../../dynamic/user-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { explainApiError } from "../shared/explain-api-error.js";
import { operationCall } from "../shared/operation-deadline.js";
import { proveCredentials } from "../shared/prove-credentials.js";
import { isOAuthError } from "./grant-client.js";

/**
 * Follows `revokeOnDelete`: `"token"` (default) deletes the access token (DELETE
 * /applications/{client_id}/token; its refresh token goes with it), `"grant"` deletes the user's whole
 * authorization of the app (DELETE /applications/{client_id}/grant), `"none"` leaves both. An access
 * token already expired is renewed once first so there is something to revoke with; a refresh token
 * already used or expired means nothing this resource holds is live: done.
 */
export async function deleteUserToken(_id: string, props: UserTokenState): Promise<void> {
  const mode = props.revokeOnDelete ?? "token";
  if (mode === "none") return;
  const connection = resolveConnection(props.connection);
  const action = mode === "grant" ? "revoking the UserToken's grant" : "revoking the UserToken";
  try {
    if (await revoke(connection, props.connection, mode, props.accessToken)) return;
    if (!props.refreshToken) return;
    const renewed = await clientFor(connection).refreshToken(props.refreshToken);
    await revoke(connection, props.connection, mode, renewed.access_token);
  } catch (error) {
    if (isOAuthError(error, "bad_refresh_token")) return;
    throw explainApiError(action, error);
  }
}

/** True when revoked; false when the token is gone already (404, with the credentials proven). */
async function revoke(
  connection: Connection,
  fromArgs: Connection | undefined,
  mode: "token" | "grant",
  accessToken: string,
): Promise<boolean> {
  const client = clientFor(connection);
  try {
    if (mode === "grant") await client.deleteAuthorization(accessToken, operationCall());
    else await client.deleteToken(accessToken, operationCall());
    return true;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  await proveCredentials(fromArgs, "destroying the UserToken");
  return false;
}
