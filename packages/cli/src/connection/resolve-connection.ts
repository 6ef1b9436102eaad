import { InvalidInputError, normalizeBaseUrl } from "@ghes-oauth/client";
import type { Io } from "../io.js";
import { UsageError } from "../usage-error.js";
import type { Connection } from "./connection.js";
import { readClientSecret } from "./read-client-secret.js";

export interface ConnectionFlags {
  readonly "base-url"?: string | undefined;
  readonly "client-id"?: string | undefined;
  readonly "client-secret-file"?: string | undefined;
}

/** Flags first, then env `GHES_OAUTH_*`; the URL is judged before the secret is asked for. */
export async function resolveConnection(io: Io, flags: ConnectionFlags): Promise<Connection> {
  const baseUrl = (flags["base-url"] ?? io.env.GHES_OAUTH_BASE_URL)?.trim();
  if (!baseUrl)
    throw new UsageError("missing --base-url (or env GHES_OAUTH_BASE_URL), e.g. https://github.example.com");
  let location: ReturnType<typeof normalizeBaseUrl>;
  try {
    location = normalizeBaseUrl(baseUrl);
  } catch (error) {
    if (error instanceof InvalidInputError)
      throw new UsageError(`--base-url ${error.issues.map((issue) => issue.message).join("; ")}`);
    throw error;
  }
  if (!location.secure && !location.loopback)
    throw new UsageError(
      "--base-url must use https:// (plain http:// only to a loopback address): the client secret would travel in clear text",
    );
  const clientId = (flags["client-id"] ?? io.env.GHES_OAUTH_CLIENT_ID)?.trim();
  if (!clientId)
    throw new UsageError("missing --client-id (or env GHES_OAUTH_CLIENT_ID): the app's client ID");
  const clientSecret = await readClientSecret(io, flags["client-secret-file"], clientId);
  return { baseUrl, clientId, clientSecret };
}
