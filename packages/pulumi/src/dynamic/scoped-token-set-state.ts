import type { ScopeSpec } from "@ghes-oauth/client";
import type { Connection } from "./connection-args.js";
import type { MintedTokenFacts } from "./scoped-token-state.js";

/** One entry of a ScopedTokenSet once every value is known: a scope and an optional rotation trigger. */
export type ScopedTokenSpecInputs = ScopeSpec & { rotationTrigger?: string };

/** The inputs of a ScopedTokenSet as the provider receives them. */
export interface ScopedTokenSetInputs {
  accessToken: string;
  scopes: Record<string, ScopedTokenSpecInputs>;
  renewBefore?: string | number;
  allowUnknownPermissions?: boolean;
  connection?: Connection;
  revokeReplaced?: "immediately" | "next-run";
}

/** What the API told about one minted token, without the token itself (safe to show). */
export type TokenDetails = Omit<MintedTokenFacts, "token">;

/**
 * The state of a ScopedTokenSet: its inputs (the parent token only as its sha256), the tokens by
 * entry name (one secret), their details, and tokens whose revocation failed, retried at the next
 * `up` or `destroy`.
 */
export interface ScopedTokenSetState extends Omit<ScopedTokenSetInputs, "accessToken"> {
  accessTokenHash: string;
  tokens: Record<string, string>;
  tokenDetails: Record<string, TokenDetails>;
  pendingRevocation?: string[];
}
