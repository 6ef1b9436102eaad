import { NotFoundError } from "@ghes-oauth/client";
import type { ReadResult } from "@pulumi/pulumi/dynamic/index.js";
import type { UserTokenState } from "../../dynamic/user-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { explainApiError } from "../shared/explain-api-error.js";
import { operationCall } from "../shared/operation-deadline.js";
import { proveCredentials } from "../shared/prove-credentials.js";
import { serverNow } from "../shared/server-clock.js";

/**
 * Checks the access token (POST /applications/{client_id}/token) and never drops the resource: the
 * refresh token in state is the only way back to a live token. An expired access token is simply due
 * for renewal; one that is gone before its expiry (revoked) gets `expiresAt` set to the time of the
 * check, so the next `pulumi up` renews it too.
 */
export async function readUserToken(id: string, props: UserTokenState): Promise<ReadResult<UserTokenState>> {
  const connection = resolveConnection(props.connection);
  try {
    const authorization = await clientFor(connection).checkToken(props.accessToken, operationCall());
    return {
      id,
      props: {
        ...props,
        userLogin: authorization.user?.login ?? props.userLogin,
        expiresAt: authorization.expires_at === undefined ? props.expiresAt : authorization.expires_at,
      },
    };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw explainApiError("checking the UserToken", error);
  }
  await proveCredentials(props.connection, "refreshing the UserToken");
  const now = await serverNow(connection);
  const expiresMs = props.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(props.expiresAt);
  if (expiresMs <= now) return { id, props };
  return { id, props: { ...props, expiresAt: `${new Date(now).toISOString().slice(0, 19)}Z` } };
}
