import { NotFoundError } from "@ghes-oauth/client";
import type { ReadResult } from "@pulumi/pulumi/dynamic/index.js";
import type { ScopedTokenState } from "../../dynamic/scoped-token-state.js";
import { clientFor } from "../shared/client-for.js";
import { resolveConnection } from "../shared/connection-settings.js";
import { explainApiError } from "../shared/explain-api-error.js";
import { operationCall } from "../shared/operation-deadline.js";
import { parentTokenDigest } from "../shared/parent-token-digest.js";
import { proveCredentials } from "../shared/prove-credentials.js";
import { refreshedFacts } from "./minted-token-facts.js";

// State written by earlier versions kept the parent token itself in the outputs: refresh keeps its digest.
function withoutParentToken(props: ScopedTokenState): ScopedTokenState {
  const { accessToken: parent, ...kept } = props as ScopedTokenState & { accessToken?: unknown };
  if (typeof parent !== "string" || typeof kept.accessTokenHash === "string") return kept;
  return { ...kept, accessTokenHash: parentTokenDigest(parent) };
}

/**
 * Checks the token (POST /applications/{client_id}/token). A 404 means it was revoked or has expired:
 * no id is returned (once the credentials are proven), so `pulumi refresh` drops it and the next `pulumi up` mints a new one.
 */
export async function readScopedToken(
  id: string,
  props: ScopedTokenState,
): Promise<ReadResult<ScopedTokenState>> {
  const client = clientFor(resolveConnection(props.connection));
  try {
    const authorization = await client.checkToken(props.token, operationCall());
    const kept = withoutParentToken(props);
    return { id, props: { ...kept, ...refreshedFacts(kept, authorization), token: props.token } };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw explainApiError("checking the scoped token", error);
  }
  await proveCredentials(props.connection, "refreshing the ScopedToken");
  return {};
}
