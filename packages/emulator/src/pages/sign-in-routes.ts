import type { Route } from "../http/exchange.js";
import { html, join } from "./html.js";
import { type PageDependencies, PageRequest } from "./page-context.js";

/** Only a path of this emulator may be returned to after signing in: never another origin. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/login/device";
  return value;
}

/** `GET /login` (the account picker), `POST /session` (sign in), `POST /logout` (sign out). */
export function signInRoutes(deps: PageDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: /^\/login$/,
      handler: (exchange) => {
        const request = new PageRequest(exchange, deps);
        const query = exchange.query;
        const returnTo = safeReturnTo(query.get("return_to"));
        const suggested = query.get("login")?.toLowerCase();
        const users = deps.store.listUsers();
        if (users.length === 0) {
          return request.page(
            "Sign in",
            html`<h1>Sign in</h1>
<p>This emulator has no user accounts yet. Create one with the admin API, e.g.
<code>POST /_emulator/accounts {"login": "octocat"}</code>, then reload this page.</p>`,
          );
        }
        const current = request.user?.login.toLowerCase();
        const selected = suggested ?? current ?? users[0]?.login.toLowerCase();
        const choices = users.map((user, index) => {
          const id = `account-${index}`;
          const checked = user.login.toLowerCase() === selected ? html` checked` : html``;
          return html`<label class="choice" for="${id}"><input type="radio" id="${id}" name="login" value="${user.login}"${checked} required> @${user.login}</label>`;
        });
        return request.page(
          "Sign in",
          html`<h1>Sign in to the emulator</h1>
<p class="note">The emulator has no passwords: choose the account to act as. You stay signed in until you
sign out or the emulator restarts.</p>
<form method="post" action="/session">
${request.csrfField()}
<input type="hidden" name="return_to" value="${returnTo}">
<fieldset><legend>Account</legend>${join(choices)}</fieldset>
<div class="actions"><button type="submit" class="primary">Sign in</button></div>
</form>
${
  query.get("allow_signup") === "false"
    ? html``
    : html`<p class="note">New here? Accounts are created with the admin API: <code>POST /_emulator/accounts</code>.</p>`
}`,
        );
      },
    },
    {
      method: "POST",
      pattern: /^\/session$/,
      handler: async (exchange) => {
        const request = new PageRequest(exchange, deps);
        const form = await request.form();
        if (!(form instanceof URLSearchParams)) return form;
        const user = deps.store.findAccountByLogin(form.get("login") ?? "");
        if (user?.type !== "User") {
          return request.error("Sign in", "Choose one of the listed accounts.", 422);
        }
        request.setCookie(deps.sessions.signIn(exchange.req, user.id));
        return request.redirect(safeReturnTo(form.get("return_to")));
      },
    },
    {
      method: "POST",
      pattern: /^\/logout$/,
      handler: async (exchange) => {
        const request = new PageRequest(exchange, deps);
        const form = await request.form();
        if (!(form instanceof URLSearchParams)) return form;
        request.setCookie(deps.sessions.signOut(exchange.req));
        return request.redirect("/login");
      },
    },
  ];
}
