import type { Connection } from "./connection-args.js";
import type { RevokeOnDelete } from "./user-token-args.js";

/** The inputs of a UserToken once every value is known (what the provider receives). */
export interface UserTokenInputs {
  /** The seed refresh token. Secret. */
  refreshToken: string;
  renewBefore?: string | number;
  connection?: Connection;
  revokeOnDelete?: RevokeOnDelete;
}

/** What a grant (refresh) and a check tell about the user token. */
export interface UserTokenFacts {
  /** The current access token (`ghu_...`). Secret. */
  accessToken: string;
  /** The current refresh token (the one after the last rotation). Secret. */
  refreshToken: string;
  /** When the access token expires (ISO 8601, the server's clock); null when it does not. */
  expiresAt: string | null;
  /** When the refresh token expires (ISO 8601, the server's clock); null when there is none. */
  refreshTokenExpiresAt: string | null;
  /** The user the token acts as. */
  userLogin: string;
  /** sha256 (hex) of the seed the chain started from: a different seed input means a new sign-in. */
  seedHash: string;
}

/** The state (outputs) of a UserToken: its settings plus the facts of the current token pair. */
export type UserTokenState = Omit<UserTokenInputs, "refreshToken"> & UserTokenFacts;
