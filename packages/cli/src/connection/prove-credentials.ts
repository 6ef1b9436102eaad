import { CredentialsUnverifiedError, InvalidCredentialsError, type OAuthAppClient } from "@ghes-oauth/client";

/**
 * The app's credentials failed their proof (or it could not be made): the command stops before any
 * token is touched (exit 1). The message names the URL and client ID, never the secret.
 */
export class CredentialProofError extends Error {
  override name = "CredentialProofError";
}

/**
 * Proves the client ID and secret once, before a 404 of the token API may be read as "gone" or
 * "invalid": GitHub answers 404 to a wrong secret exactly as to a revoked token. Mints nothing.
 */
export async function proveCredentials(client: OAuthAppClient): Promise<void> {
  try {
    await client.verifyCredentials();
  } catch (error) {
    if (error instanceof InvalidCredentialsError) {
      throw new CredentialProofError(
        `${error.message}. Nothing was done: with these credentials every token answers 404 and would look gone. ` +
          "Give the app's current secret (env GHES_OAUTH_CLIENT_SECRET, --client-secret-file FILE or the prompt) and the issuing app's --client-id and --base-url, then rerun",
      );
    }
    if (error instanceof CredentialsUnverifiedError) {
      throw new CredentialProofError(`${error.message}. Nothing was done`);
    }
    throw error;
  }
}
