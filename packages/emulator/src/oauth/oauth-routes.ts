import { basicCredentials } from "../http/basic-auth.js";
import type { Exchange, Reply, Route } from "../http/exchange.js";
import { type Params, readParams } from "../http/read-params.js";
import type { ClientCredentials, GrantService } from "./grant-service.js";
import { OAuthError } from "./oauth-error.js";
import { oauthReply } from "./oauth-reply.js";

const DOCS =
  "https://docs.github.com/enterprise-server@3.19/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps";

function clientCredentials(exchange: Exchange, params: Params): ClientCredentials {
  const basic = basicCredentials(exchange.req);
  return {
    clientId: params.get("client_id") ?? basic?.username,
    clientSecret: params.get("client_secret") ?? basic?.password,
  };
}

/** Runs an OAuth operation and answers its result, or its OAuth error, as GitHub does: HTTP 200 either way. */
async function oauth(
  exchange: Exchange,
  operation: (params: Params, credentials: ClientCredentials) => Record<string, string | number>,
): Promise<Reply> {
  const params = await readParams(exchange, DOCS);
  try {
    return oauthReply(exchange.req, operation(params, clientCredentials(exchange, params)));
  } catch (error) {
    if (error instanceof OAuthError) return oauthReply(exchange.req, error.fields);
    throw error;
  }
}

/** The OAuth endpoints of the web host (the origin root, not the API root). */
export function oauthRoutes(grants: GrantService): Route[] {
  return [
    {
      method: "POST",
      pattern: /^\/login\/oauth\/access_token$/,
      handler: (exchange) => oauth(exchange, (params, credentials) => grants.exchange(params, credentials)),
    },
    {
      method: "POST",
      pattern: /^\/login\/device\/code$/,
      handler: (exchange) => oauth(exchange, (_params, credentials) => grants.startDeviceFlow(credentials)),
    },
  ];
}
