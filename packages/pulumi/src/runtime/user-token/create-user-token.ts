import type { UserTokenGrant } from "@ghes-oauth/client";
import type { CreateResult } from "@pulumi/pulumi/dynamic/index.js";
import type { UserTokenState } from "../../dynamic/user-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { explainGrantError } from "./explain-grant-error.js";
import { seedHash } from "./seed-hash.js";
import { settleGrant } from "./settle-grant.js";
import { settingsOf, userTokenInputsOf } from "./user-token-inputs.js";

/** Trades the seed refresh token for the first pair (POST {web}/login/oauth/access_token). */
export async function createUserToken(props: Record<string, unknown>): Promise<CreateResult<UserTokenState>> {
  const inputs = userTokenInputsOf(props);
  const connection = resolveConnection(inputs.connection);
  let grant: UserTokenGrant;
  try {
    grant = await clientFor(connection).refreshToken(inputs.refreshToken);
  } catch (error) {
    throw explainGrantError("redeeming the UserToken's refreshToken (the seed)", error);
  }
  const hash = seedHash(inputs.refreshToken);
  const facts = await settleGrant(connection, grant, { userLogin: "", seedHash: hash });
  return {
    id: `${facts.userLogin || "user"}-${hash.slice(0, 12)}`,
    outs: { ...settingsOf(inputs), ...facts },
  };
}
