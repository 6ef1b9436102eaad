import { createHash, randomBytes } from "node:crypto";

/** A PKCE pair (RFC 7636, S256): send the challenge with the authorization, the verifier with the exchange. */
export interface PkcePair {
  /** 43 base64url characters (32 random bytes): keep it until the code comes back; never log it. */
  readonly codeVerifier: string;
  /** base64url(sha256(codeVerifier)): goes in the authorize URL as `code_challenge`. */
  readonly codeChallenge: string;
  /** GitHub accepts S256 only. */
  readonly codeChallengeMethod: "S256";
}

/** The S256 challenge of a verifier. */
export function pkceChallengeOf(codeVerifier: string): string {
  return createHash("sha256").update(codeVerifier).digest("base64url");
}

/** A new PKCE verifier and its S256 challenge, from node:crypto's random bytes. */
export function createPkcePair(): PkcePair {
  const codeVerifier = randomBytes(32).toString("base64url");
  return { codeVerifier, codeChallenge: pkceChallengeOf(codeVerifier), codeChallengeMethod: "S256" };
}
