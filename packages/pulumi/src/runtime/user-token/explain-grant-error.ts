import { explainApiError } from "../shared/explain-api-error.js";
import { isOAuthError } from "./grant-client.js";

/** How to get a new seed, for every error that needs one. */
export const SIGN_IN_AGAIN =
  "Sign in again to get a new refresh token: the device flow (`ghes-oauth login --pulumi-config <key>`, which stores it for you) " +
  "or the app's web flow, then `pulumi config set --secret <key> <refresh token>` for the config key the program reads " +
  "the UserToken's refreshToken from, and run `pulumi up`: the new seed replaces the chain.";

/** Adds what a Pulumi user can do about a failed refresh to its (already secret-free) message. */
export function explainGrantError(action: string, error: unknown): Error {
  if (isOAuthError(error, "bad_refresh_token")) {
    return new Error(
      `${action} failed: the refresh token was already used or has expired (bad_refresh_token). ` +
        "GitHub rotates refresh tokens on every use, so a seed works once and a state restored from before a rotation " +
        `holds a used one. ${SIGN_IN_AGAIN}`,
    );
  }
  if (isOAuthError(error, "incorrect_client_credentials")) {
    return new Error(
      `${action} failed: the app's clientId and clientSecret were not accepted (incorrect_client_credentials); check the connection`,
    );
  }
  return explainApiError(action, error);
}
