import { request } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type OAuthApp, oauthPost, type ParamStyle, startOAuthWorld } from "./support/oauth.js";
import type { App, TestEmulator } from "./support/world.js";

let emulator: TestEmulator;
let app: App;
let oauth: OAuthApp;

beforeEach(async () => {
  ({ emulator, app, oauth } = await startOAuthWorld());
});

afterEach(() => emulator.close());

const styles: ParamStyle[] = ["json", "form", "query"];

describe("OAuth parameters come as a JSON body, a form body or a query string", () => {
  for (const style of styles) {
    it(`${style}: every grant and the device-code request`, async () => {
      const grant = await oauth.grant("octocat");
      const refreshed = await oauth.token(
        { client_secret: app.client_secret, grant_type: "refresh_token", refresh_token: grant.refresh_token },
        { style },
      );
      expect(refreshed.fields.access_token).toMatch(/^ghu_/);

      const code = await oauth.webFlowCode("octocat");
      const exchanged = await oauth.token({ client_secret: app.client_secret, code }, { style });
      expect(exchanged.fields.access_token).toMatch(/^ghu_/);

      const device = await oauth.deviceCode({}, { style });
      expect(device.fields.device_code).toMatch(/^[0-9a-f]{40}$/);
      await oauth.approve(device.fields.user_code, "octocat");
      const polled = await oauth.token(
        {
          grant_type: "urn:ietf:params:oauth:grant-type:device_code",
          device_code: device.fields.device_code,
        },
        { style },
      );
      expect(polled.fields.access_token).toMatch(/^ghu_/);

      const wrong = await oauth.token({ client_secret: "wrong", code: "x" }, { style });
      expect(wrong.fields.error).toBe("incorrect_client_credentials");
    });
  }

  it("a body without a content type is read as JSON or as a form, whichever it is", async () => {
    for (const body of [
      JSON.stringify({ client_id: app.client_id }),
      new URLSearchParams({ client_id: app.client_id }).toString(),
    ]) {
      const response = await request(`${emulator.url}/login/device/code`, {
        method: "POST",
        headers: { accept: "application/json" },
        body,
      });
      expect(((await response.body.json()) as { device_code: string }).device_code).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it("client credentials may come as HTTP Basic", async () => {
    const code = await oauth.webFlowCode("octocat");
    const result = await oauthPost(
      emulator.url,
      "/login/oauth/access_token",
      { code },
      {
        headers: {
          authorization: `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString("base64")}`,
        },
      },
    );
    expect(result.fields.access_token).toMatch(/^ghu_/);
  });

  it("malformed JSON is a 400", async () => {
    const response = await request(`${emulator.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: '{"client_id":',
    });
    expect(response.statusCode).toBe(400);
    await response.body.text();
  });
});

describe("the answer's encoding", () => {
  it("is JSON with Accept: application/json, form-encoded otherwise; errors are 200s either way", async () => {
    const grant = await oauth.grant("octocat");
    const form = await oauth.token(
      { client_secret: app.client_secret, grant_type: "refresh_token", refresh_token: grant.refresh_token },
      { json: false },
    );
    expect(form.status).toBe(200);
    expect(form.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(form.fields).toEqual({
      access_token: expect.stringMatching(/^ghu_/),
      expires_in: "28800",
      refresh_token: expect.stringMatching(/^ghr_/),
      refresh_token_expires_in: "15897600",
      scope: "",
      token_type: "bearer",
    });
    const error = await oauth.token(
      { grant_type: "refresh_token", refresh_token: form.fields.refresh_token },
      { json: false },
    );
    expect(error.status).toBe(200);
    expect(error.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(error.fields).toMatchObject({
      error: "incorrect_client_credentials",
      error_uri: expect.any(String),
    });
    const device = await oauth.deviceCode({}, { json: false });
    expect(device.fields).toMatchObject({
      expires_in: "900",
      interval: "5",
      verification_uri: `${emulator.url}/login/device`,
    });
    const slow = await oauth.pollDevice(device.fields.device_code);
    expect(slow.fields.error).toBe("authorization_pending");
    const tooFast = await oauth.token(
      { grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: device.fields.device_code },
      { json: false },
    );
    expect(tooFast.fields).toMatchObject({ error: "slow_down", interval: "10" });
  });
});

describe("the OAuth endpoints live on the web host only", () => {
  it("404s under the API root", async () => {
    for (const path of ["/login/oauth/access_token", "/login/device/code"]) {
      const result = await emulator.api("POST", path, undefined, { json: { client_id: app.client_id } });
      expect(result.status).toBe(404);
    }
    const get = await request(`${emulator.url}/login/oauth/access_token`);
    expect(get.statusCode).toBe(404);
    await get.body.text();
  });
});
