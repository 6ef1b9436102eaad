import type { UserTokenGrant } from "@ghes-oauth/client";
import type { UpdateResult } from "@pulumi/pulumi/dynamic/index.js";
import type { Connection } from "../../dynamic/connection-args.js";
import type { UserTokenState } from "../../dynamic/user-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { dueForRenewal } from "../shared/renewal.js";
import { serverNow } from "../shared/server-clock.js";
import { explainGrantError } from "./explain-grant-error.js";
import { seedHash } from "./seed-hash.js";
import { settleGrant } from "./settle-grant.js";
import { factsOf, settingsOf, userTokenInputsOf } from "./user-token-inputs.js";

/**
 * Renews the pair when the access token is due (expires within renewBefore on the server's clock) with
 * the refresh token held in state, or starts over from a new seed (a new sign-in; the previous access
 * token is then revoked, best effort). A settings change alone touches nothing remote.
 */
export async function updateUserToken(
  _id: string,
  olds: UserTokenState,
  newProps: Record<string, unknown>,
): Promise<UpdateResult<UserTokenState>> {
  const inputs = userTokenInputsOf(newProps);
  const connection = resolveConnection(inputs.connection);
  const hash = seedHash(inputs.refreshToken);
  const newSeed = hash !== olds.seedHash;
  if (!newSeed && !dueForRenewal(olds.expiresAt, inputs.renewBefore, await serverNow(connection))) {
    return { outs: { ...factsOf(olds), ...settingsOf(inputs) } };
  }

  let grant: UserTokenGrant;
  try {
    grant = await clientFor(connection).refreshToken(newSeed ? inputs.refreshToken : olds.refreshToken);
  } catch (error) {
    throw explainGrantError(
      newSeed
        ? "redeeming the UserToken's new refreshToken (the seed)"
        : "renewing the UserToken with the refresh token held in state",
      error,
    );
  }
  const facts = await settleGrant(connection, grant, { userLogin: olds.userLogin, seedHash: hash });
  if (newSeed) await revokeQuietly(connection, olds.accessToken);
  return { outs: { ...settingsOf(inputs), ...facts } };
}

// The chain the old seed started is replaced; its access token would otherwise live on until expiry.
async function revokeQuietly(connection: Connection, accessToken: string): Promise<void> {
  // Best effort: already gone (404) is the usual case when the old chain was broken; the new pair is
  // stored either way.
  await clientFor(connection)
    .deleteToken(accessToken)
    .catch(() => undefined);
}
