import { NotFoundError, type OAuthAppClient } from "@ghes-oauth/client";
import { operationCall } from "./operation-deadline.js";

/**
 * Whether `token` still works (POST /applications/{client_id}/token): false on 404 (revoked, expired or
 * unknown), true on 200; any other failure is thrown. GitHub does not document whether refreshing a user
 * token revokes the scoped tokens minted from it, so a changed parent means asking.
 */
export async function tokenAlive(client: OAuthAppClient, token: string): Promise<boolean> {
  try {
    await client.checkToken(token, operationCall());
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}
