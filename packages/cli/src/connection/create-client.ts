import {
  ConfigurationError,
  InvalidInputError,
  OAuthAppClient,
  type OAuthAppClientOptions,
} from "@ghes-oauth/client";
import { UsageError } from "../usage-error.js";
import type { Connection } from "./connection.js";

/**
 * The client for a resolved connection. An option the client refuses (e.g. http:// to a remote host)
 * or an unusable environment (an unparsable HTTPS_PROXY) is a usage error; the client's messages
 * never carry the proxy's credentials.
 */
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
    if (error instanceof ConfigurationError) throw new UsageError(error.message);
    throw error;
  }
}
