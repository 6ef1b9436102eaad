import type { DiffResult } from "@pulumi/pulumi/dynamic/index.js";
import type { Connection } from "../../dynamic/connection-args.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { rejectRefusedCredentials } from "../shared/prove-credentials.js";
import { serverNow } from "../shared/server-clock.js";
import { containsUnknown } from "../shared/unknown-value.js";
import { diffState } from "./diff-state.js";

/** The provider's diff: the decision of diffState, with expiry judged on the server's clock. */
export async function diffScopedToken(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<DiffResult> {
  await rejectRefusedCredentials(news, "diffing the ScopedToken");
  if (typeof olds.expiresAt !== "string") return diffState(olds, news);
  return diffState(olds, news, await serverNowFor(olds, news));
}

/** The server's time for the connection the resource uses (the new one when known). */
export async function serverNowFor(
  olds: { connection?: unknown },
  news: { connection?: unknown },
): Promise<number> {
  const fromArgs = containsUnknown(news.connection) ? olds.connection : news.connection;
  let connection: Connection;
  try {
    connection = resolveConnection(fromArgs as Connection | undefined);
  } catch {
    return Date.now();
  }
  return serverNow(connection);
}
