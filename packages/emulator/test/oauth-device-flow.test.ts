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

const advance = (seconds: number) => emulator.control.advanceClock(seconds);

async function start() {
  const result = await oauth.deviceCode({ scope: "repo" });
  expect(result.status).toBe(200);
  return result.fields as {
    device_code: string;
    user_code: string;
    verification_uri: string;
    interval: number;
  };
}

describe("device flow: POST /login/device/code", () => {
  it("answers a device code, a user code and the emulator's verification page, like GitHub", async () => {
    const result = await oauth.deviceCode();
    expect(result.fields).toEqual({
      device_code: expect.stringMatching(/^[0-9a-f]{40}$/),
      user_code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
      verification_uri: `${emulator.url}/login/device`,
      expires_in: 900,
      interval: 5,
    });
  });

  it("needs a known client_id, but no client secret", async () => {
    expect((await oauth.deviceCode({ client_id: "Iv1.nope" })).fields.error).toBe(
      "incorrect_client_credentials",
    );
    expect((await oauth.deviceCode({ client_id: "" })).fields.error).toBe("incorrect_client_credentials");
  });

  it("answers device_flow_disabled for an app without the device flow, at both endpoints", async () => {
    const closed = new OAuthApp(
      emulator,
      await emulator.control.createApp({ name: "closed", deviceFlow: false }),
    );
    expect(closed.app).toMatchObject({ device_flow: false });
    expect((await closed.deviceCode()).fields.error).toBe("device_flow_disabled");
    const { device_code } = await start();
    expect((await closed.pollDevice(device_code)).fields.error).toBe("device_flow_disabled");
  });
});

describe("device flow: polling POST /login/oauth/access_token", () => {
  it("pending, slow_down with the new interval, approval, then one token pair once", async () => {
    const { device_code, user_code } = await start();
    expect((await oauth.pollDevice(device_code)).fields).toEqual({
      error: "authorization_pending",
      error_description: expect.any(String),
      error_uri: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
    });
    await advance(4);
    const tooFast = await oauth.pollDevice(device_code);
    expect(tooFast.fields).toMatchObject({ error: "slow_down", interval: 10 });
    await advance(9);
    expect((await oauth.pollDevice(device_code)).fields).toMatchObject({ error: "slow_down", interval: 15 });
    await advance(15);
    expect((await oauth.pollDevice(device_code)).fields.error).toBe("authorization_pending");

    expect(await oauth.approve(user_code.toLowerCase(), "octocat")).toEqual({
      user_code,
      status: "approved",
    });
    await advance(15);
    const granted = await oauth.pollDevice(device_code);
    expect(granted.fields).toEqual(expiringGrantFields());
    const checked = await emulator.api("POST", `/applications/${app.client_id}/token`, app, {
      json: { access_token: granted.fields.access_token },
    });
    expect(checked.body.user.login).toBe("octocat");

    await advance(15);
    expect((await oauth.pollDevice(device_code)).fields.error).toBe("incorrect_device_code");
  });

  it("counts a too-fast poll as a poll: the interval runs from it", async () => {
    const { device_code, user_code } = await start();
    await oauth.pollDevice(device_code);
    await advance(3);
    expect((await oauth.pollDevice(device_code)).fields).toMatchObject({ error: "slow_down", interval: 10 });
    await oauth.approve(user_code, "octocat");
    await advance(9);
    expect((await oauth.pollDevice(device_code)).fields).toMatchObject({ error: "slow_down", interval: 15 });
    await advance(15);
    expect((await oauth.pollDevice(device_code)).fields.access_token).toMatch(/^ghu_/);
  });

  it("a denied code answers access_denied", async () => {
    const { device_code, user_code } = await start();
    expect(await oauth.approve(user_code, "octocat", true)).toEqual({ user_code, status: "denied" });
    expect((await oauth.pollDevice(device_code)).fields.error).toBe("access_denied");
    await advance(5);
    expect((await oauth.pollDevice(device_code)).fields.error).toBe("access_denied");
    const again = await emulator.admin("POST", "/device-flow/approve", { user_code, login: "octocat" });
    expect(again.message).toBe("Validation Failed");
  });

  it("an expired code answers expired_token, approved or not, and can no longer be approved", async () => {
    const pending = await start();
    const approved = await start();
    await oauth.approve(approved.user_code, "octocat");
    await advance(899);
    expect((await oauth.pollDevice(pending.device_code)).fields.error).toBe("authorization_pending");
    await advance(1);
    expect((await oauth.pollDevice(pending.device_code)).fields.error).toBe("expired_token");
    expect((await oauth.pollDevice(approved.device_code)).fields.error).toBe("expired_token");
    const late = await emulator.admin("POST", "/device-flow/approve", {
      user_code: pending.user_code,
      login: "octocat",
    });
    expect(late.errors[0]).toMatchObject({ field: "user_code", code: "expired" });
  });

  it("unknown, missing and other apps' device codes answer incorrect_device_code", async () => {
    const other = new OAuthApp(emulator, await emulator.app("third"));
    const theirs = (await other.deviceCode()).fields.device_code;
    for (const code of ["0".repeat(40), "", theirs]) {
      expect((await oauth.pollDevice(code)).fields.error).toBe("incorrect_device_code");
    }
    expect(
      (await oauth.token({ grant_type: "urn:ietf:params:oauth:grant-type:device_code" })).fields.error,
    ).toBe("incorrect_device_code");
    expect((await other.pollDevice(theirs)).fields.error).toBe("authorization_pending");
  });

  it("takes no client secret, but rejects a wrong one; refreshes of its tokens need none either", async () => {
    const { device_code, user_code } = await start();
    await oauth.approve(user_code, "hubot");
    expect((await oauth.pollDevice(device_code, { client_secret: "wrong" })).fields.error).toBe(
      "incorrect_client_credentials",
    );
    const granted = await oauth.pollDevice(device_code, { client_secret: app.client_secret });
    expect(granted.fields.access_token).toMatch(/^ghu_/);
    const refreshed = await oauth.refresh(granted.fields.refresh_token, {});
    expect(refreshed.fields.access_token).toMatch(/^ghu_/);
    // The rotated refresh token is still a device-flow one.
    const again = await oauth.refresh(refreshed.fields.refresh_token, {});
    expect(again.fields.access_token).toMatch(/^ghu_/);
    expect((await oauth.refresh(again.fields.refresh_token, { client_secret: "wrong" })).fields.error).toBe(
      "incorrect_client_credentials",
    );
  });

  it("a device-flow grant of a non-expiring app has no refresh token", async () => {
    const forever = new OAuthApp(
      emulator,
      await emulator.control.createApp({ name: "forever", expiringUserTokens: false }),
    );
    const { device_code, user_code } = (await forever.deviceCode()).fields;
    await forever.approve(user_code, "octocat");
    expect((await forever.pollDevice(device_code)).fields).toEqual({
      access_token: expect.stringMatching(/^ghu_/),
      scope: "",
      token_type: "bearer",
    });
  });
});

describe("POST /_emulator/device-flow/approve", () => {
  it("404s for an unknown user code and 422s for a login that cannot authorize", async () => {
    const { user_code } = await start();
    await emulator.admin("POST", "/device-flow/approve", { user_code: "AAAA-AAAA", login: "octocat" }, 404);
    await emulator.admin("POST", "/device-flow/approve", { user_code, login: "ghost" }, 422);
    await emulator.admin("POST", "/device-flow/approve", { user_code, login: "acme" }, 422);
    await emulator.admin("POST", "/device-flow/approve", { login: "octocat" }, 422);
    expect(await oauth.approve(user_code, "octocat")).toMatchObject({ status: "approved" });
  });
});
