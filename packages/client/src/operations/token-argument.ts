import { accessTokenSchema } from "../schemas/access-token.js";
import { validateInput } from "../validate-input.js";

/** Validates an access token argument (before any request) and returns it. */
export function tokenArgument(accessToken: unknown): string {
  return validateInput(accessTokenSchema, accessToken, "accessToken");
}

/** The `{access_token}` body of the current (body-style) endpoints. */
export function tokenBody(accessToken: string): string {
  return JSON.stringify({ access_token: accessToken });
}
