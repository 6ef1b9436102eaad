import type { Exchange, Reply, Route } from "../http/exchange.js";
import type { App } from "../model.js";
import { isS256Challenge } from "../oauth/pkce.js";
import { html } from "./html.js";
import { appAbilities, type PageDependencies, PageRequest } from "./page-context.js";
import { resolveRedirectUri } from "./redirect-uri.js";

const AUTHORIZE_PATH = "/login/oauth/authorize";
const AUTHORIZATION_ERRORS =
  "https://docs.github.com/enterprise-server@3.19/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-authorization-request-errors";

/** One authorization request, from the query (GET) or the authorize form (POST). */
interface AuthorizationRequest {
  app: App;
  /** Where the browser goes back to: the matching `redirect_uri`, or the app's first callback URL. */
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
}

type Parsed = { ok: AuthorizationRequest } | { reply: Reply };

/** The callback URL with these parameters added to whatever query it has. */
function callback(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params))
    if (value !== null) url.searchParams.append(name, value);
  return url.toString();
}

function parse(request: PageRequest, params: URLSearchParams): Parsed {
  const clientId = params.get("client_id");
  const app = clientId ? request.deps.store.findAppByClientId(clientId) : undefined;
  if (!app) {
    return {
      reply: request.error("Application not found", "No application on this server has that client_id.", 404),
    };
  }
  const redirectUri = resolveRedirectUri(app.callbackUrls, params.get("redirect_uri") ?? undefined);
  if (!redirectUri) {
    // Never a redirect: the address is not one the app registered, so it may be anybody's.
    return {
      reply: request.page(
        "Be careful!",
        html`<h1>Be careful!</h1>
<p><strong>The redirect_uri is not associated with this application.</strong></p>
<p>The application might be misconfigured or could be trying to redirect you to a website you weren't
expecting. We strongly recommend contacting the creators of this application.</p>
<p class="note">The redirect URL must be on the host and port of one of ${app.name}'s callback URLs (any
port for a loopback callback URL), with its path or a sub-path of it.</p>`,
        400,
      ),
    };
  }
  const state = params.get("state");
  const codeChallenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (
    (codeChallenge !== null || method !== null) &&
    (method !== "S256" || !isS256Challenge(codeChallenge ?? ""))
  ) {
    return {
      reply: request.redirect(
        callback(redirectUri, {
          error: "invalid_request",
          error_description:
            "PKCE needs code_challenge_method=S256 and a code_challenge of 43 base64url characters.",
          error_uri: AUTHORIZATION_ERRORS,
          state,
        }),
      ),
    };
  }
  return { ok: { app, redirectUri, state, codeChallenge } };
}

/** The query of a GET of the authorize page for this request (after signing in anew). */
function authorizeQuery({ app, redirectUri, state, codeChallenge }: AuthorizationRequest): string {
  const query = new URLSearchParams({ client_id: app.clientId, redirect_uri: redirectUri });
  if (state !== null) query.set("state", state);
  if (codeChallenge !== null) {
    query.set("code_challenge", codeChallenge);
    query.set("code_challenge_method", "S256");
  }
  return query.toString();
}

/** The authorize URL as it came in, minus `prompt`: where the account picker returns to. */
function returnTo(exchange: Exchange): string {
  const query = exchange.query;
  query.delete("prompt");
  return `${AUTHORIZE_PATH}?${query}`;
}

/** `GET /login/oauth/authorize`: the web flow's authorize page; `POST` answers it with a redirect. */
export function webFlowRoutes(deps: PageDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: /^\/login\/oauth\/authorize$/,
      handler: (exchange) => {
        const request = new PageRequest(exchange, deps);
        const parsed = parse(request, exchange.query);
        if ("reply" in parsed) return parsed.reply;
        const { app, redirectUri, state, codeChallenge } = parsed.ok;
        const user = request.user;
        const login = exchange.query.get("login") ?? undefined;
        if (!user || exchange.query.get("prompt") === "select_account")
          return request.signInFirst(
            returnTo(exchange),
            login,
            exchange.query.get("allow_signup") ?? undefined,
          );
        const destination = new URL(redirectUri);
        return request.page(
          `Authorize ${app.name}`,
          html`<h1>Authorize ${app.name}</h1>
<dl><dt>Application</dt><dd>${app.name}</dd><dt>Account</dt><dd>@${user.login}</dd></dl>
${appAbilities(app, user)}
<form method="post" action="${AUTHORIZE_PATH}">
${request.csrfField()}
<input type="hidden" name="client_id" value="${app.clientId}">
<input type="hidden" name="redirect_uri" value="${redirectUri}">
${state === null ? html`` : html`<input type="hidden" name="state" value="${state}">`}
${codeChallenge === null ? html`` : html`<input type="hidden" name="code_challenge" value="${codeChallenge}"><input type="hidden" name="code_challenge_method" value="S256">`}
<div class="actions">
<button type="submit" name="decision" value="authorize" class="primary">Authorize ${app.name}</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</div>
</form>
<p class="note">Authorizing will redirect to <strong>${destination.origin}</strong>.
<a href="/login?${new URLSearchParams({ return_to: returnTo(exchange) }).toString()}">Not @${user.login}? Use another account</a>.</p>`,
        );
      },
    },
    {
      method: "POST",
      pattern: /^\/login\/oauth\/authorize$/,
      handler: async (exchange) => {
        const request = new PageRequest(exchange, deps);
        const form = await request.form();
        if (!(form instanceof URLSearchParams)) return form;
        const parsed = parse(request, form);
        if ("reply" in parsed) return parsed.reply;
        const { app, redirectUri, state, codeChallenge } = parsed.ok;
        const user = request.user;
        if (!user) return request.signInFirst(`${AUTHORIZE_PATH}?${authorizeQuery(parsed.ok)}`);
        if (form.get("decision") !== "authorize") {
          return request.redirect(
            callback(redirectUri, {
              error: "access_denied",
              error_description: "The user has denied your application access.",
              error_uri: `${AUTHORIZATION_ERRORS}#access-denied`,
              state,
            }),
          );
        }
        const code = deps.webFlowCodes.create(app.id, user.id, redirectUri, codeChallenge);
        return request.redirect(callback(redirectUri, { code, state }));
      },
    },
  ];
}
