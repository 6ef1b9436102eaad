import { validationFailed } from "../errors.js";
import { basicCredentials } from "../http/basic-auth.js";
import { DOCUMENTATION_URLS as DOCS } from "../http/documentation-urls.js";
import type { Exchange, Route } from "../http/exchange.js";
import { metaRoute } from "./meta-route.js";
import { accessTokenBody, parseBody, scopeTokenBody } from "./request-schemas.js";
import { scopeRequestProblems } from "./resolve-scope.js";
import type { TokenService } from "./token-service.js";

const CLIENT = "([^/]+)";

async function accessToken(exchange: Exchange, docs: string): Promise<string> {
  const parsed = parseBody(accessTokenBody, await exchange.jsonBody(docs), "Authorization");
  if (!parsed.ok) throw validationFailed(docs, parsed.problems);
  return parsed.value.access_token;
}

/**
 * The nine OAuth-Apps token endpoints (five with the token in the body, four deprecated path-style), and
 * the unauthenticated `GET /meta` clients read the server's time from.
 */
export function tokenRoutes(service: TokenService): Route[] {
  const app = (exchange: Exchange, clientId: string | undefined, docs: string) =>
    service.authenticate(basicCredentials(exchange.req), clientId ?? "", docs);

  return [
    {
      method: "POST",
      pattern: new RegExp(`^/applications/${CLIENT}/token$`),
      handler: async (exchange, [clientId]) => {
        const docs = DOCS.checkToken;
        const authenticated = app(exchange, clientId, docs);
        return { status: 200, body: service.check(authenticated, await accessToken(exchange, docs), docs) };
      },
    },
    {
      method: "PATCH",
      pattern: new RegExp(`^/applications/${CLIENT}/token$`),
      handler: async (exchange, [clientId]) => {
        const docs = DOCS.resetToken;
        const authenticated = app(exchange, clientId, docs);
        return { status: 200, body: service.reset(authenticated, await accessToken(exchange, docs), docs) };
      },
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/applications/${CLIENT}/token$`),
      handler: async (exchange, [clientId]) => {
        const docs = DOCS.deleteToken;
        const authenticated = app(exchange, clientId, docs);
        service.deleteToken(authenticated, await accessToken(exchange, docs), docs);
        return { status: 204 };
      },
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/applications/${CLIENT}/grant$`),
      handler: async (exchange, [clientId]) => {
        const docs = DOCS.deleteAuthorization;
        const authenticated = app(exchange, clientId, docs);
        service.deleteGrant(authenticated, await accessToken(exchange, docs), docs);
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: new RegExp(`^/applications/${CLIENT}/token/scoped$`),
      handler: async (exchange, [clientId]) => {
        const docs = DOCS.scopeToken;
        const authenticated = app(exchange, clientId, docs);
        const parsed = parseBody(scopeTokenBody, await exchange.jsonBody(docs), "Installation");
        if (!parsed.ok) throw validationFailed(docs, parsed.problems);
        const problems = scopeRequestProblems(parsed.value, service.catalogue);
        if (problems.length > 0) throw validationFailed(docs, problems);
        return { status: 200, body: service.scope(authenticated, parsed.value, docs) };
      },
    },
    {
      method: "GET",
      pattern: new RegExp(`^/applications/${CLIENT}/tokens/([^/]+)$`),
      handler: (exchange, [clientId, token]) => {
        const docs = DOCS.checkAuthorization;
        return { status: 200, body: service.check(app(exchange, clientId, docs), token ?? "", docs) };
      },
    },
    {
      method: "POST",
      pattern: new RegExp(`^/applications/${CLIENT}/tokens/([^/]+)$`),
      handler: (exchange, [clientId, token]) => {
        const docs = DOCS.resetAuthorization;
        return { status: 200, body: service.reset(app(exchange, clientId, docs), token ?? "", docs) };
      },
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/applications/${CLIENT}/tokens/([^/]+)$`),
      handler: (exchange, [clientId, token]) => {
        const docs = DOCS.revokeAuthorization;
        service.deleteToken(app(exchange, clientId, docs), token ?? "", docs);
        return { status: 204 };
      },
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/applications/${CLIENT}/grants/([^/]+)$`),
      handler: (exchange, [clientId, token]) => {
        const docs = DOCS.revokeGrant;
        service.deleteGrant(app(exchange, clientId, docs), token ?? "", docs);
        return { status: 204 };
      },
    },
    metaRoute(),
  ];
}
