import { createHash } from "node:crypto";
import { InvalidCredentialsError } from "@ghes-oauth/client";
import type { Connection } from "../../dynamic/connection-args.js";
import { clientFor } from "./client-for.js";
import { clientSecretFix, connectionOrigin, resolveConnection } from "./connection-settings.js";
import { operationCall } from "./operation-deadline.js";
import { containsUnknown } from "./unknown-value.js";

// Proven connections, once per provider process: a 400-token stack costs one probe. Kept as promises so
// resources refreshed at once share it; a failed proof is forgotten, so the next operation tries again.
const proofs = new Map<string, Promise<void>>();

export class CredentialsNotProvenError extends Error {
  override name = "CredentialsNotProvenError";
}

function proofKey(connection: Connection): string {
  return [
    connection.baseUrl,
    connection.clientId,
    createHash("sha256").update(connection.clientSecret).digest("hex"),
    connection.webUrl ?? "",
  ].join("\u0000");
}

async function proof(connection: Connection): Promise<void> {
  const key = proofKey(connection);
  let pending = proofs.get(key);
  if (!pending) {
    pending = clientFor(connection).verifyCredentials(operationCall());
    proofs.set(key, pending);
    pending.catch(() => proofs.delete(key));
  }
  await pending;
}

/**
 * Proves the connection's client ID and secret (see OAuthAppClient#verifyCredentials) before a 404 of
 * the token API may count as "gone": GitHub answers 404 to a wrong client secret exactly as to a
 * revoked token. On failure the operation stops with a message naming the connection (URL, client ID,
 * where each came from), never the secret, and the fix; the caller has changed nothing yet.
 */
export async function proveCredentials(fromArgs: Connection | undefined, action: string): Promise<void> {
  const connection = resolveConnection(fromArgs);
  try {
    await proof(connection);
  } catch (error) {
    throw notProven(action, connection, fromArgs, error);
  }
}

/**
 * At `up` and `preview`: a connection whose credentials are refused fails the run instead of reporting
 * resources "unchanged". When the web host gives no usable answer the run goes on: diff reads no 404
 * as "gone", and refresh and destroy prove the credentials again before they do.
 */
export async function rejectRefusedCredentials(
  news: { connection?: unknown },
  action: string,
): Promise<void> {
  if (containsUnknown(news.connection)) return;
  const fromArgs = news.connection as Connection | undefined;
  let connection: Connection;
  try {
    connection = resolveConnection(fromArgs);
  } catch {
    return; // check has reported it
  }
  try {
    await proof(connection);
  } catch (error) {
    if (error instanceof InvalidCredentialsError) throw notProven(action, connection, fromArgs, error);
  }
}

function notProven(action: string, connection: Connection, fromArgs: Connection | undefined, error: unknown) {
  const refused = error instanceof InvalidCredentialsError;
  const what = refused
    ? "were refused by the web host (incorrect_client_credentials): the secret is wrong or was rotated, or the client ID is another app's"
    : `could not be proven: ${error instanceof Error ? error.message : String(error)}`;
  return new CredentialsNotProvenError(
    `${action} stopped: the client credentials of the connection to ${connection.baseUrl} (client ID ${connection.clientId}; ${connectionOrigin(fromArgs)}) ${what}. ` +
      "GitHub answers 404 to a wrong secret as to a revoked token, so no token was taken for gone; state was left as it was. " +
      `Fix: ${refused ? clientSecretFix(fromArgs) : "make the web host reachable (or set webUrl), or fix the credentials"}.`,
  );
}
