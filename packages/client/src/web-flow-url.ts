import { type WebFlowUrlInput, webFlowUrlInputSchema } from "./schemas/web-flow-url-input.js";
import { validateInput } from "./validate-input.js";
import { deriveWebUrl } from "./web-url.js";

export type { WebFlowUrlInput } from "./schemas/web-flow-url-input.js";

/**
 * The URL to send a person's browser to for the web application flow:
 * `{web}/login/oauth/authorize?client_id=…&redirect_uri=…&state=…` (plus `code_challenge` and
 * `code_challenge_method=S256` with PKCE, `login`, `allow_signup`, `prompt=select_account`, `scope`).
 * When the browser comes back to `redirectUri`, check `state` before exchanging the `code`.
 */
export function createWebFlowUrl(input: WebFlowUrlInput): string {
  const valid = validateInput(webFlowUrlInputSchema, input);
  const url = new URL(`${deriveWebUrl(valid.baseUrl, valid.webUrl)}/login/oauth/authorize`);
  const query = url.searchParams;
  query.set("client_id", valid.clientId);
  if (valid.redirectUri !== undefined) query.set("redirect_uri", valid.redirectUri);
  query.set("state", valid.state);
  if (valid.codeChallenge !== undefined) {
    query.set("code_challenge", valid.codeChallenge);
    query.set("code_challenge_method", "S256");
  }
  if (valid.login !== undefined) query.set("login", valid.login);
  if (valid.allowSignup !== undefined) query.set("allow_signup", String(valid.allowSignup));
  if (valid.prompt !== undefined) query.set("prompt", valid.prompt);
  if (valid.scopes !== undefined && valid.scopes.length > 0) query.set("scope", valid.scopes.join(" "));
  return url.toString();
}
