import type { IncomingMessage } from "node:http";
import { OAuthError } from "../errors.js";
import { basicCredentials } from "../http/basic-auth.js";
import type { Exchange, Reply, Route } from "../http/exchange.js";
import { type Params, readParams } from "../http/read-params.js";
import type { ClientCredentials, GrantService } from "./grant-service.js";

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
    if (error instanceof OAuthError) {
      exchange.oauthError = error.code;
      return oauthReply(exchange.req, error.fields);
    }
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

type Fields = Record<string, string | number>;

/** GitHub answers the web-host OAuth endpoints in JSON only when asked to, form-encoded otherwise. */
function wantsJson(req: IncomingMessage): boolean {
  return /\bapplication\/json\b/i.test(req.headers.accept ?? "");
}

/** A 200 answer in the encoding the request asked for (errors are 200s too, as on GitHub). */
function oauthReply(req: IncomingMessage, fields: Fields): Reply {
  if (wantsJson(req)) return { status: 200, body: fields };
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
  return { status: 200, form: form.toString() };
}
