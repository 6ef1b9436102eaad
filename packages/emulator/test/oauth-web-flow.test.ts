import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expiringGrantFields, OAuthApp, startOAuthWorld } from "./support/oauth.js";
import type { App, TestEmulator } from "./support/world.js";

let emulator: TestEmulator;
let app: App;
let oauth: OAuthApp;

beforeEach(async () => {
  ({ emulator, app, oauth } = await startOAuthWorld());
});

afterEach(() => emulator.close());

describe("web flow: POST /_emulator/web-flow/codes, then POST /login/oauth/access_token with the code", () => {
  it("exchanges a 20-hex code for a token pair of that user, once", async () => {
    const code = await oauth.webFlowCode("octocat");
    expect(code).toMatch(/^[0-9a-f]{20}$/);
    const granted = await oauth.exchangeCode(code);
    expect(granted.fields).toEqual(expiringGrantFields());
    const checked = await emulator.api("POST", `/applications/${app.client_id}/token`, app, {
      json: { access_token: granted.fields.access_token },
    });
    expect(checked.body.user.login).toBe("octocat");
    expect((await oauth.exchangeCode(code)).fields).toEqual({
      error: "bad_verification_code",
      error_description: expect.any(String),
      error_uri: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
    });
    const explicit = await oauth.exchangeCode(await oauth.webFlowCode("hubot"), {
      grant_type: "authorization_code",
    });
    expect(explicit.fields.access_token).toMatch(/^ghu_/);
  });

  it("a code expires after 10 minutes", async () => {
    const code = await oauth.webFlowCode("octocat");
    const later = await oauth.webFlowCode("octocat");
    await emulator.control.advanceClock(599);
    expect((await oauth.exchangeCode(code)).fields.access_token).toMatch(/^ghu_/);
    await emulator.control.advanceClock(1);
    expect((await oauth.exchangeCode(later)).fields.error).toBe("bad_verification_code");
  });

  it("unknown, missing and other apps' codes answer bad_verification_code", async () => {
    const other = new OAuthApp(emulator, await emulator.app("third"));
    const theirs = await other.webFlowCode("octocat");
    for (const code of ["0123456789abcdef0123", "", theirs]) {
      expect((await oauth.exchangeCode(code)).fields.error).toBe("bad_verification_code");
    }
    expect((await oauth.token({ client_secret: app.client_secret })).fields.error).toBe(
      "bad_verification_code",
    );
    expect((await other.exchangeCode(theirs)).fields.access_token).toMatch(/^ghu_/);
  });

  it("a redirect_uri other than the code's answers redirect_uri_mismatch and leaves the code usable", async () => {
    const callback = "https://app.example/callback";
    const code = await oauth.webFlowCode("octocat", callback);
    const wrong = await oauth.exchangeCode(code, { redirect_uri: "https://evil.example/callback" });
    expect(wrong.fields.error).toBe("redirect_uri_mismatch");
    expect((await oauth.exchangeCode(code, { redirect_uri: callback })).fields.access_token).toMatch(/^ghu_/);
    // Without a redirect_uri the exchange is fine (it is optional); a code issued without one takes none.
    expect(
      (await oauth.exchangeCode(await oauth.webFlowCode("octocat", callback))).fields.access_token,
    ).toMatch(/^ghu_/);
    const bare = await oauth.webFlowCode("octocat");
    expect((await oauth.exchangeCode(bare, { redirect_uri: callback })).fields.error).toBe(
      "redirect_uri_mismatch",
    );
  });

  it("requires the client secret: incorrect_client_credentials, and the code stays usable", async () => {
    const code = await oauth.webFlowCode("octocat");
    expect((await oauth.token({ code })).fields.error).toBe("incorrect_client_credentials");
    expect((await oauth.exchangeCode(code, { client_secret: "wrong" })).fields.error).toBe(
      "incorrect_client_credentials",
    );
    expect((await oauth.exchangeCode(code, { client_id: "Iv1.nope" })).fields.error).toBe(
      "incorrect_client_credentials",
    );
    expect((await oauth.exchangeCode(code)).fields.access_token).toMatch(/^ghu_/);
  });

  it("the admin endpoint 422s for an unknown app or a login that cannot authorize", async () => {
    await emulator.admin("POST", "/web-flow/codes", { client_id: "Iv1.nope", login: "octocat" }, 422);
    await emulator.admin("POST", "/web-flow/codes", { client_id: app.client_id, login: "acme" }, 422);
    await emulator.admin("POST", "/web-flow/codes", { client_id: app.client_id, login: "ghost" }, 422);
    await emulator.admin("POST", "/web-flow/codes", { client_id: app.client_id }, 422);
  });
});
