import type { Reply, Route } from "../http/exchange.js";
import type { DeviceAuthorization } from "../oauth/device-authorizations.js";
import { html, type Raw } from "./html.js";
import { appAbilities, type PageDependencies, PageRequest } from "./page-context.js";

const DEVICE_PATH = "/login/device";
/** What GitHub's device page says to a code it does not know, one already answered, or one past its 15 minutes. */
const INCORRECT_CODE = "Recheck the code and try again.";

function entryPage(request: PageRequest, problem?: string): Reply {
  const error: Raw = problem
    ? html`<div class="error" role="alert" id="code-error">${problem}</div>`
    : html``;
  const described = problem ? html` aria-describedby="code-error" aria-invalid="true"` : html``;
  return request.page(
    "Device activation",
    html`<h1>Device activation</h1>
${error}
<form method="post" action="${DEVICE_PATH}">
${request.csrfField()}
<label for="user-code">Enter the code displayed on your device</label>
<input type="text" id="user-code" name="user_code" autocomplete="off" autocapitalize="characters"
 spellcheck="false" maxlength="20" required autofocus${described}>
<p class="note">Eight letters and digits, such as WDJB-MJHT; the dash and case do not matter.</p>
<div class="actions"><button type="submit" class="primary">Continue</button></div>
</form>`,
    problem ? 422 : 200,
  );
}

/** The pending, unexpired authorization this user code names, if any. */
function pending(deps: PageDependencies, userCode: string | null): DeviceAuthorization | undefined {
  const code = (userCode ?? "").trim();
  if (code === "" || code.length > 20) return undefined;
  const authorization = deps.devices.findByUserCode(code);
  if (authorization?.status !== "pending" || deps.devices.isExpired(authorization)) return undefined;
  return authorization;
}

/** `GET /login/device` (enter the code), then its authorize page, then the done page. */
export function deviceRoutes(deps: PageDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: /^\/login\/device$/,
      handler: (exchange) => {
        const request = new PageRequest(exchange, deps);
        if (!request.user) return request.signInFirst(DEVICE_PATH);
        return entryPage(request);
      },
    },
    {
      method: "POST",
      pattern: /^\/login\/device$/,
      handler: async (exchange) => {
        const request = new PageRequest(exchange, deps);
        const form = await request.form();
        if (!(form instanceof URLSearchParams)) return form;
        const user = request.user;
        if (!user) return request.signInFirst(DEVICE_PATH);
        const authorization = pending(deps, form.get("user_code"));
        const app = authorization && deps.store.findAppById(authorization.appId);
        if (!authorization || !app) return entryPage(request, INCORRECT_CODE);
        return request.page(
          `Authorize ${app.name}`,
          html`<h1>Authorize ${app.name}</h1>
<dl><dt>Application</dt><dd>${app.name}</dd><dt>Account</dt><dd>@${user.login}</dd></dl>
${appAbilities(app, user)}
<form method="post" action="${DEVICE_PATH}/authorize">
${request.csrfField()}
<input type="hidden" name="user_code" value="${authorization.userCode}">
<div class="actions">
<button type="submit" name="decision" value="authorize" class="primary">Authorize ${app.name}</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</div>
</form>
<p class="note">Only authorize a device you started the sign-in on yourself.</p>`,
        );
      },
    },
    {
      method: "POST",
      pattern: /^\/login\/device\/authorize$/,
      handler: async (exchange) => {
        const request = new PageRequest(exchange, deps);
        const form = await request.form();
        if (!(form instanceof URLSearchParams)) return form;
        const user = request.user;
        if (!user) return request.signInFirst(DEVICE_PATH);
        const authorization = pending(deps, form.get("user_code"));
        const app = authorization && deps.store.findAppById(authorization.appId);
        if (!authorization || !app) return entryPage(request, INCORRECT_CODE);
        const approved = form.get("decision") === "authorize";
        authorization.status = approved ? "approved" : "denied";
        authorization.userId = user.id;
        if (!approved) {
          return request.page(
            "Authorization cancelled",
            html`<h1>Authorization cancelled</h1>
<p>${app.name} was not authorized, and the code cannot be used again. You can close this window.</p>`,
          );
        }
        return request.page(
          "Congratulations, you're all set!",
          html`<h1>Congratulations, you're all set!</h1>
<p>Your device is now connected: ${app.name} is authorized for @${user.login}. You can close this window
and go back to your device.</p>`,
        );
      },
    },
  ];
}
