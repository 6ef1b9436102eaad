import { payloadTooLarge } from "../errors.js";
import { DOCUMENTATION_URLS } from "../http/documentation-urls.js";
import type { Exchange, Reply } from "../http/exchange.js";
import { readBody } from "../http/read-body.js";
import type { Account, App } from "../model.js";
import type { DeviceAuthorizations } from "../oauth/device-authorizations.js";
import type { WebFlowCodes } from "../oauth/web-flow-codes.js";
import type { Store } from "../store/store.js";
import type { BrowserSessions } from "./browser-sessions.js";
import { html, join, page, type Raw, seeOther } from "./html.js";

export interface PageDependencies {
  store: Store;
  sessions: BrowserSessions;
  devices: DeviceAuthorizations;
  webFlowCodes: WebFlowCodes;
}

/** The name of every form's CSRF field (Rails', as GitHub's forms use). */
export const CSRF_FIELD = "authenticity_token";

/** One request of a page: who is signed in, and this browser's CSRF token. */
export class PageRequest {
  readonly user: Account | undefined;
  readonly csrfToken: string;
  readonly #cookies: string[] = [];

  constructor(
    readonly exchange: Exchange,
    readonly deps: PageDependencies,
  ) {
    const userId = deps.sessions.userId(exchange.req);
    this.user = userId === undefined ? undefined : deps.store.findAccountById(userId);
    const csrf = deps.sessions.csrf(exchange.req);
    this.csrfToken = csrf.token;
    if (csrf.cookie) this.#cookies.push(csrf.cookie);
  }

  setCookie(cookie: string): void {
    this.#cookies.push(cookie);
  }

  /** A hidden field with this browser's CSRF token. */
  csrfField(): Raw {
    return html`<input type="hidden" name="${CSRF_FIELD}" value="${this.csrfToken}">`;
  }

  /** The banner: who is signed in, and a sign-out button. */
  banner(): Raw | undefined {
    if (!this.user) return undefined;
    return html`<div class="who"><span>Signed in as <strong>@${this.user.login}</strong></span>
<form method="post" action="/logout">${this.csrfField()}<button type="submit">Sign out</button></form></div>`;
  }

  page(title: string, body: Raw, status = 200): Reply {
    const banner = this.banner();
    return page({ title, body, status, cookies: this.#cookies, ...(banner ? { banner } : {}) });
  }

  redirect(location: string): Reply {
    return seeOther(location, this.#cookies);
  }

  /** To the sign-in page, coming back to `returnTo` afterwards. */
  signInFirst(returnTo: string, login?: string, allowSignup?: string): Reply {
    const query = new URLSearchParams({ return_to: returnTo });
    if (login) query.set("login", login);
    if (allowSignup === "false") query.set("allow_signup", "false");
    return this.redirect(`/login?${query}`);
  }

  /** An error page: a heading and what to do. */
  error(title: string, message: Raw | string, status: number): Reply {
    return this.page(
      title,
      html`<h1>${title}</h1><p>${typeof message === "string" ? message : message}</p>`,
      status,
    );
  }

  /** A submitted form's fields; a form without this browser's CSRF token is refused. */
  async form(): Promise<URLSearchParams | Reply> {
    const body = await readBody(this.exchange.req);
    if (body.kind === "too-large") throw payloadTooLarge(DOCUMENTATION_URLS.root);
    const fields = new URLSearchParams(body.text);
    if (!this.deps.sessions.verifyCsrf(this.exchange.req, fields.get(CSRF_FIELD) ?? undefined)) {
      return this.error(
        "Your browser did something unexpected",
        "This form was not sent from this emulator's page (its authenticity token is missing or wrong). Go back, reload the page and try again.",
        403,
      );
    }
    return fields;
  }
}

/** What an app may do for the person who authorizes it: GitHub's wording, and the app's permissions. */
export function appAbilities(app: App, user: Account): Raw {
  const permissions = Object.entries(app.permissions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, level]) => html`<li>${name.replace(/_/g, " ")}: ${String(level)}</li>`);
  return html`<p><strong>${app.name}</strong> will be able to:</p>
<ul class="permissions">
<li>Verify your identity on this server (<strong>@${user.login}</strong>)</li>
<li>Know which resources you can access</li>
<li>Act on your behalf, within what the app was granted where it is installed:
<ul>${join(permissions)}</ul></li>
</ul>`;
}
