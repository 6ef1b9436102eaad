import type { UserTokenGrant } from "@ghes-oauth/client";
import type { Connection } from "../../dynamic/connection-args.js";
import type { UserTokenFacts } from "../../dynamic/user-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { serverNow } from "../shared/server-clock.js";
import { grantFacts } from "./grant-facts.js";

/**
 * The facts to store after a refresh. The refresh has already rotated the pair, so nothing here may
 * throw: a lost new refresh token would mean signing in again. The check that names the user (and
 * tells the server's own expiry) is best effort.
 */
export async function settleGrant(
  connection: Connection,
  grant: UserTokenGrant,
  carried: Pick<UserTokenFacts, "userLogin" | "seedHash">,
): Promise<UserTokenFacts> {
  const facts = grantFacts(grant, await serverNow(connection), carried);
  try {
    const authorization = await clientFor(connection).checkToken(grant.access_token);
    return {
      ...facts,
      userLogin: authorization.user?.login ?? facts.userLogin,
      expiresAt: authorization.expires_at === undefined ? facts.expiresAt : authorization.expires_at,
    };
  } catch {
    return facts;
  }
}
