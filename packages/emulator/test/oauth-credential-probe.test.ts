import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isCredentialProbe } from "../src/testing.js";
import { OAuthApp, startOAuthWorld } from "./support/oauth.js";
import type { App, TestEmulator } from "./support/world.js";

// The probe clients use to prove an app's credentials without minting (a made-up web-flow code): GitHub
// checks the client ID and secret before the code, and answers both ways with HTTP 200.
let emulator: TestEmulator;
let app: App;
let oauth: OAuthApp;

beforeEach(async () => {
  ({ emulator, app, oauth } = await startOAuthWorld());
});

afterEach(() => emulator.close());

const MADE_UP_CODE = "0123456789abcdef0123";

const oauthErrorOf = (code: string) => ({
  error: code,
  error_description: expect.any(String),
  error_uri: expect.stringMatching(/^https:\/\/docs\.github\.com\/.+#/),
});

describe("the credential probe: POST /login/oauth/access_token with a made-up code", () => {
  it("answers 200 bad_verification_code to the right credentials, sent in the form or as HTTP Basic", async () => {
    const inForm = await oauth.token(
      { client_secret: app.client_secret, code: MADE_UP_CODE },
      { style: "form" },
    );
    expect(inForm.status).toBe(200);
    expect(inForm.fields).toEqual(oauthErrorOf("bad_verification_code"));
    const basic = Buffer.from(`${app.client_id}:${app.client_secret}`).toString("base64");
    const inHeader = await oauth.token(
      { code: MADE_UP_CODE },
      { headers: { authorization: `Basic ${basic}` } },
    );
    expect(inHeader.fields.error).toBe("bad_verification_code");
    // The request log says which OAuth error was answered, so tests can tell a probe from a grant.
    const logged = (await emulator.control.requests()).filter(
      (entry) => entry.path === "/login/oauth/access_token",
    );
    expect(logged.map((entry) => entry.oauthError)).toEqual([
      "bad_verification_code",
      "bad_verification_code",
    ]);
    expect(logged.every((entry) => isCredentialProbe(entry))).toBe(true);
    const granted = await oauth.exchangeCode(await oauth.webFlowCode("octocat"));
    expect(granted.fields.access_token).toMatch(/^ghu_/);
    const last = (await emulator.control.requests()).at(-1);
    expect(last?.oauthError).toBeUndefined();
    expect(isCredentialProbe(last as never)).toBe(false);
  });

  it("answers 200 incorrect_client_credentials before looking at the code: wrong, missing, rotated secrets, unknown and other apps' IDs", async () => {
    const other = await emulator.app("probe-other");
    const otherOauth = new OAuthApp(emulator, other);
    const liveCode = await oauth.webFlowCode("octocat");
    const refused = [
      await oauth.token({ client_secret: "0".repeat(40), code: MADE_UP_CODE }),
      await oauth.token({ client_secret: "0".repeat(40), code: liveCode }),
      await oauth.token({ code: MADE_UP_CODE }),
      await oauth.token({
        client_id: "Iv1.0000000000000000",
        client_secret: app.client_secret,
        code: MADE_UP_CODE,
      }),
      await oauth.token({ client_id: other.client_id, client_secret: app.client_secret, code: MADE_UP_CODE }),
      await otherOauth.token({ client_secret: app.client_secret, code: MADE_UP_CODE }, { style: "form" }),
    ];
    // The refused attempt did not use up the real code.
    expect((await oauth.exchangeCode(liveCode)).fields.access_token).toMatch(/^ghu_/);
    const rotatedFrom = app.client_secret;
    await emulator.control.rotateClientSecret(app.client_id);
    refused.push(await oauth.token({ client_secret: rotatedFrom, code: MADE_UP_CODE }));
    for (const answer of refused) {
      expect(answer.status).toBe(200);
      expect(answer.fields).toEqual(oauthErrorOf("incorrect_client_credentials"));
    }
    expect(refused[0]?.fields.error_description).toBe(
      "The client_id and/or client_secret passed are incorrect.",
    );
  });
});
