import { createHash } from "node:crypto";
import { deriveWebUrl, OAuthAppClient } from "@ghes-oauth/client";
import type { Connection } from "../../dynamic/connection-args.js";
import { noteOperationHost } from "./operation-deadline.js";

// One keep-alive client per connection for the life of the provider process: the engine calls the
// provider once per resource, and reusing connections is what keeps a 100-token stack fast.
const clients = new Map<string, OAuthAppClient>();

export function clientFor(
  connection: Connection,
  options: { allowUnknownPermissions?: boolean | undefined } = {},
): OAuthAppClient {
  noteHosts(connection);
  const allowUnknownPermissions = options.allowUnknownPermissions === true;
  const key = [
    connection.baseUrl,
    connection.clientId,
    createHash("sha256").update(connection.clientSecret).digest("hex"),
    connection.webUrl ?? "",
    String(allowUnknownPermissions),
  ].join("\u0000");
  let client = clients.get(key);
  if (!client) {
    client = new OAuthAppClient({
      baseUrl: connection.baseUrl,
      clientId: connection.clientId,
      clientSecret: connection.clientSecret,
      ...(connection.webUrl === undefined ? {} : { webUrl: connection.webUrl }),
      userAgent: "ghes-oauth-pulumi",
      allowUnknownPermissions,
    });
    clients.set(key, client);
  }
  return client;
}

function noteHosts(connection: Connection): void {
  noteOperationHost(connection.baseUrl);
  try {
    noteOperationHost(deriveWebUrl(connection.baseUrl, connection.webUrl));
  } catch {
    // An invalid URL: the client's constructor says so.
  }
}
