import type * as pulumi from "@pulumi/pulumi";
import type { ScopedTokenArgs } from "./scoped-token-args.js";

/** The inputs of a ScopedToken once every value is known (what the provider receives): its args, unwrapped. */
export type ScopedTokenInputs = pulumi.Unwrap<ScopedTokenArgs>;

/** What the API tells about a minted token. */
export interface MintedTokenFacts {
  /** The scoped token. Secret. */
  token: string;
  tokenLastEight: string;
  /** sha256 (hex) of the token: safe to log and compare. */
  hashedToken: string;
  /** ISO 8601; null when the token does not expire. */
  expiresAt: string | null;
  authorizationId: number;
  userLogin: string;
  targetLogin: string;
  /** `all` or `selected`. */
  repositorySelection: string;
  /** The permissions the API granted the token (may include ones GitHub adds, such as metadata). */
  grantedPermissions: Record<string, string>;
}

/**
 * The state (outputs) of a ScopedToken: its inputs, except that the parent token is kept as its sha256
 * (`accessTokenHash`), plus the facts of the minted token.
 */
export type ScopedTokenState = StateInputs & MintedTokenFacts;

/** The inputs as outputs keep them: what diff compares the next program's inputs with. */
export type StateInputs = Omit<ScopedTokenInputs, "accessToken"> & {
  /** sha256 (hex) of the parent accessToken. */
  accessTokenHash: string;
};
