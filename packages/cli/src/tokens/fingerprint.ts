import { createHash } from "node:crypto";

/** What may be shown or stored about a token: GitHub's own `token_last_eight` and `hashed_token`. */
export interface TokenFingerprint {
  readonly token_last_eight: string;
  /** sha256 hex of the token, as GitHub's `hashed_token`. */
  readonly hashed_token: string;
}

export function fingerprint(token: string): TokenFingerprint {
  return {
    token_last_eight: token.slice(-8),
    hashed_token: createHash("sha256").update(token).digest("hex"),
  };
}
