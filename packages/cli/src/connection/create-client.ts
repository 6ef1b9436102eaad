import { InvalidInputError, OAuthAppClient, type OAuthAppClientOptions } from "@ghes-oauth/client";
import { UsageError } from "../usage-error.js";
import type { Connection } from "./connection.js";

/** The client for a resolved connection; an option the client refuses (e.g. http:// to a remote host) is a usage error. */
export function createClient(
  connection: Connection,
  options: Pick<OAuthAppClientOptions, "retry"> = {},
): OAuthAppClient {
  try {
    return new OAuthAppClient({ ...connection, ...options });
  } catch (error) {
    if (error instanceof InvalidInputError)
      throw new UsageError(
        error.issues
          .map((issue) => `${issue.path === "baseUrl" ? "--base-url" : issue.path} ${issue.message}`)
          .join("; "),
      );
    throw error;
  }
}
