import type { DiffResult } from "@pulumi/pulumi/dynamic/index.js";
import type { Connection } from "../connection-args.js";
import { clientFor } from "./client-for.js";
import { resolveConnection } from "./connection-settings.js";
import { diffState, parentTokenChanged } from "./diff-state.js";
import { explainApiError } from "./explain-api-error.js";
import { serverNow } from "./server-clock.js";
import { tokenAlive } from "./token-alive.js";
import { containsUnknown } from "./unknown-value.js";

/**
 * The provider's diff: the decision of diffState, with expiry judged on the server's clock. When the
 * parent token changed (a UserToken renewed in this same `up`) and nothing else replaces the token, the
 * token is checked: still valid, the update stays state-only; dead (GitHub may revoke the children of
 * a refreshed token), it is replaced, the new token minted before the old one is deleted.
 */
export async function diffScopedToken(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<DiffResult> {
  const decided =
    typeof olds.expiresAt === "string"
      ? diffState(olds, news, await serverNowFor(olds, news))
      : diffState(olds, news);
  if ((decided.replaces?.length ?? 0) > 0 || typeof olds.token !== "string") return decided;
  if (typeof news.accessToken !== "string" || !parentTokenChanged(olds, news.accessToken)) return decided;
  const client = clientFor(resolveConnection(connectionFor(olds, news) as Connection | undefined));
  let alive: boolean;
  try {
    alive = await tokenAlive(client, olds.token);
  } catch (error) {
    throw explainApiError("checking the scoped token after its parent token changed", error);
  }
  return alive ? decided : { ...decided, changes: true, replaces: ["accessToken"] };
}

function connectionFor(olds: { connection?: unknown }, news: { connection?: unknown }): unknown {
  return containsUnknown(news.connection) ? olds.connection : news.connection;
}

/** The server's time for the connection the resource uses (the new one when known). */
export async function serverNowFor(
  olds: { connection?: unknown },
  news: { connection?: unknown },
): Promise<number> {
  const fromArgs = connectionFor(olds, news);
  let connection: Connection;
  try {
    connection = resolveConnection(fromArgs as Connection | undefined);
  } catch {
    return Date.now();
  }
  return serverNow(connection);
}
