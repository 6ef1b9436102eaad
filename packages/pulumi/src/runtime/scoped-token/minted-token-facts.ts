import type { Authorization } from "@ghes-oauth/client";
import type { MintedTokenFacts } from "../../dynamic/scoped-token-state.js";

/** The facts a ScopedToken keeps about a token the API minted or reset. */
export function mintedTokenFacts(authorization: Authorization): MintedTokenFacts {
  const installation = authorization.installation;
  return {
    token: authorization.token,
    tokenLastEight: authorization.token_last_eight ?? authorization.token.slice(-8),
    hashedToken: authorization.hashed_token ?? "",
    expiresAt: authorization.expires_at ?? null,
    authorizationId: authorization.id,
    userLogin: authorization.user?.login ?? "",
    targetLogin: installation?.account?.login ?? "",
    repositorySelection: installation?.repository_selection ?? "",
    grantedPermissions: { ...(installation?.permissions ?? {}) } as Record<string, string>,
  };
}

/**
 * Facts after a check or reset, which may tell less than the scope call did (e.g. no installation):
 * what the answer leaves out is kept from before.
 */
export function refreshedFacts(previous: MintedTokenFacts, authorization: Authorization): MintedTokenFacts {
  const facts = mintedTokenFacts(authorization);
  const known = Object.fromEntries(
    Object.entries(facts).filter(([, value]) => value !== "" && value !== null),
  );
  if (!authorization.installation) delete known.grantedPermissions;
  return { ...previous, ...known };
}
