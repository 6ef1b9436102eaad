import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type DevicePollState,
  NotFoundError,
  OAuthAppClient,
  OAuthError,
  type UserTokenGrant,
} from "../src/index.js";
import { CLIENT_WORLD } from "./support/fixtures.js";

/** End to end against the emulator's OAuth endpoints on the web host (the origin root). */
let emulator: SeededEmulator;
let client: OAuthAppClient;

beforeAll(async () => {
  emulator = await startSeededEmulator({ world: CLIENT_WORLD });
  client = new OAuthAppClient(emulator.connection);
});
afterAll(async () => {
  await client?.close();
  await emulator?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const extraClients: OAuthAppClient[] = [];
afterAll(async () => {
  for (const extra of extraClients) await extra.close();
});

function appClient(clientId: string, clientSecret: string): OAuthAppClient {
  const created = new OAuthAppClient({ baseUrl: emulator.apiUrl, clientId, clientSecret });
  extraClients.push(created);
  return created;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

async function isLive(accessToken: string): Promise<boolean> {
  try {
    await client.checkToken(accessToken);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

function expectExpiringGrant(grant: UserTokenGrant, before: number, after: number) {
  expect(grant.access_token).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
  expect(grant.refresh_token).toMatch(/^ghr_/);
  expect(grant).toMatchObject({
    token_type: "bearer",
    scope: "",
    expires_in: 28800,
    refresh_token_expires_in: 15897600,
  });
  const expiresAt = Date.parse(grant.expires_at ?? "");
  expect(expiresAt).toBeGreaterThanOrEqual(before + 28800_000);
  expect(expiresAt).toBeLessThanOrEqual(after + 28800_000);
  const refreshExpiresAt = Date.parse(grant.refresh_token_expires_at ?? "");
  expect(refreshExpiresAt).toBeGreaterThanOrEqual(before + 15897600_000);
  expect(refreshExpiresAt).toBeLessThanOrEqual(after + 15897600_000);
}

describe("refreshToken", () => {
  it("rotates: a new pair; the used refresh token and the old access token stop working at once", async () => {
    const issued = await emulator.admin.issueUserToken({
      client_id: emulator.app.client_id,
      login: "octocat",
    });
    expect(issued.refresh_token).toBeDefined();
    const before = Date.now();
    const grant = await client.refreshToken(issued.refresh_token as string);
    expectExpiringGrant(grant, before, Date.now());
    expect(grant.access_token).not.toBe(issued.token);
    expect(grant.refresh_token).not.toBe(issued.refresh_token);

    expect(await isLive(grant.access_token)).toBe(true);
    expect((await client.checkToken(grant.access_token)).user?.login).toBe("octocat");
    expect(await isLive(issued.token)).toBe(false);
    const reuse = await rejection(client.refreshToken(issued.refresh_token as string));
    expect(reuse).toBeInstanceOf(OAuthError);
    expect(reuse).toMatchObject({
      code: "bad_refresh_token",
      status: 200,
      route: "/login/oauth/access_token",
    });

    // The new refresh token works in turn, once.
    const next = await client.refreshToken(grant.refresh_token as string);
    expect(await isLive(next.access_token)).toBe(true);
    expect(await isLive(grant.access_token)).toBe(false);
  });

  it("an unknown refresh token is bad_refresh_token", async () => {
    const error = await rejection(client.refreshToken("ghr_NotAToken0000000000000000000000000000"));
    expect(error).toMatchObject({ name: "OAuthError", code: "bad_refresh_token" });
  });

  it("a wrong client secret is incorrect_client_credentials", async () => {
    const issued = await emulator.admin.issueUserToken({
      client_id: emulator.app.client_id,
      login: "octocat",
    });
    const wrong = appClient(emulator.app.client_id, "wrong-client-secret");
    const error = await rejection(wrong.refreshToken(issued.refresh_token as string));
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).code).toBe("incorrect_client_credentials");
    // Nothing was consumed: the right secret still refreshes.
    expect((await client.refreshToken(issued.refresh_token as string)).access_token).toMatch(/^ghu_/);
  });

  it("the refresh row is listed hashed, and a refresh keeps the live token count constant", async () => {
    const issued = await emulator.admin.issueUserToken({
      client_id: emulator.app.client_id,
      login: "octocat",
    });
    const count = async () => (await emulator.admin.liveTokens(emulator.app.client_id)).length;
    const before = await count();
    const grant = await client.refreshToken(issued.refresh_token as string);
    expect(await count()).toBe(before);
    const rows = await emulator.admin.liveTokens(emulator.app.client_id);
    expect(JSON.stringify(rows)).not.toContain(grant.refresh_token as string);
    expect(rows.some((row) => row.kind === "refresh")).toBe(true);
  });
});

describe("exchangeWebFlowCode", () => {
  it("exchanges a code once; a second use is bad_verification_code", async () => {
    const redirectUri = "https://app.example.com/callback";
    const { code } = await emulator.admin.createWebFlowCode({
      client_id: emulator.app.client_id,
      login: "octocat",
      redirect_uri: redirectUri,
    });
    const before = Date.now();
    const grant = await client.exchangeWebFlowCode({ code, redirectUri });
    expectExpiringGrant(grant, before, Date.now());
    expect((await client.checkToken(grant.access_token)).user?.login).toBe("octocat");
    const again = await rejection(client.exchangeWebFlowCode({ code, redirectUri }));
    expect(again).toMatchObject({ name: "OAuthError", code: "bad_verification_code" });
  });

  it("a different redirect_uri is redirect_uri_mismatch", async () => {
    const { code } = await emulator.admin.createWebFlowCode({
      client_id: emulator.app.client_id,
      login: "octocat",
      redirect_uri: "https://app.example.com/callback",
    });
    const error = await rejection(
      client.exchangeWebFlowCode({ code, redirectUri: "https://evil.example.com/callback" }),
    );
    expect(error).toMatchObject({ code: "redirect_uri_mismatch" });
  });

  it("a wrong client secret is incorrect_client_credentials", async () => {
    const { code } = await emulator.admin.createWebFlowCode({
      client_id: emulator.app.client_id,
      login: "octocat",
    });
    const wrong = appClient(emulator.app.client_id, "wrong-client-secret");
    const error = await rejection(wrong.exchangeWebFlowCode({ code }));
    expect(error).toMatchObject({ name: "OAuthError", code: "incorrect_client_credentials" });
  });
});

describe("a non-expiring app", () => {
  it("issues tokens with no refresh token and expires_at null (web and device flow)", async () => {
    const app = await emulator.admin.createApp({ name: "Forever", expiringUserTokens: false });
    const forever = appClient(app.client_id, app.client_secret);
    const { code } = await emulator.admin.createWebFlowCode({ client_id: app.client_id, login: "octocat" });
    const grant = await forever.exchangeWebFlowCode({ code });
    expect(grant).toEqual({
      access_token: expect.stringMatching(/^ghu_/),
      scope: "",
      token_type: "bearer",
      expires_at: null,
      refresh_token_expires_at: null,
    });
    expect((await forever.checkToken(grant.access_token)).expires_at).toBeNull();

    const device = await forever.createDeviceCode();
    await emulator.admin.approveDeviceCode({ user_code: device.user_code, login: "octocat" });
    const deviceGrant = await forever.exchangeDeviceCode(device.device_code);
    expect(deviceGrant.refresh_token).toBeUndefined();
    expect(deviceGrant.expires_at).toBeNull();
  });
});

describe("device flow", () => {
  it("createDeviceCode: GitHub's shape, expires_at 900 s after arrival", async () => {
    const before = Date.now();
    const device = await client.createDeviceCode({ scopes: ["repo"] });
    expect(device).toMatchObject({
      device_code: expect.any(String),
      user_code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
      verification_uri: expect.stringMatching(/\/login\/device$/),
      expires_in: 900,
      interval: 5,
    });
    expect(Date.parse(device.expires_at)).toBeGreaterThanOrEqual(before + 900_000);
    expect(Date.parse(device.expires_at)).toBeLessThanOrEqual(Date.now() + 900_000);
  });

  /** Polls on fake timers; the emulator (in this process) reads the same fake clock. */
  async function waitWithFakeClock(
    act: (state: DevicePollState, device: { user_code: string }) => Promise<void>,
  ): Promise<{ outcome: UserTokenGrant | { rejected: unknown }; polls: DevicePollState[] }> {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: Date.now() });
    const device = await client.createDeviceCode();
    const polls: DevicePollState[] = [];
    let notify: ((state: DevicePollState) => void) | undefined;
    const waiting = client
      .waitForDeviceAuthorization(device.device_code, {
        interval: device.interval,
        expiresIn: device.expires_in,
        onPending: (state) => {
          polls.push(state);
          notify?.(state);
        },
      })
      .then(
        (grant) => grant,
        (rejected: unknown) => ({ rejected }),
      );
    let settled = false;
    void waiting.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(device.interval * 1000);
    while (!settled) {
      const state = await Promise.race([
        new Promise<DevicePollState>((resolve) => {
          notify = resolve;
        }),
        waiting.then(() => undefined),
      ]);
      if (!state) break;
      await act(state, device);
      await vi.advanceTimersByTimeAsync(state.interval * 1000);
    }
    return { outcome: await waiting, polls };
  }

  it("waitForDeviceAuthorization resolves once the user approves (after pending polls)", async () => {
    const { outcome, polls } = await waitWithFakeClock(async (state, device) => {
      if (state.attempt === 2)
        await emulator.admin.approveDeviceCode({ user_code: device.user_code, login: "octocat" });
    });
    const grant = outcome as UserTokenGrant;
    expect(grant.access_token).toMatch(/^ghu_/);
    expect(grant.refresh_token).toMatch(/^ghr_/);
    expect(polls).toEqual([
      { attempt: 1, interval: 5 },
      { attempt: 2, interval: 5 },
    ]);
    vi.useRealTimers();
    expect((await client.checkToken(grant.access_token)).user?.login).toBe("octocat");
  });

  it("waitForDeviceAuthorization rejects with access_denied when the user denies", async () => {
    const { outcome, polls } = await waitWithFakeClock(async (state, device) => {
      if (state.attempt === 1)
        await emulator.admin.approveDeviceCode({ user_code: device.user_code, login: "octocat", deny: true });
    });
    expect((outcome as { rejected: unknown }).rejected).toMatchObject({
      name: "OAuthError",
      code: "access_denied",
    });
    expect(polls).toHaveLength(1);
  });

  it("waitForDeviceAuthorization gives up with expired_token when nobody acts", async () => {
    const { outcome, polls } = await waitWithFakeClock(async () => undefined);
    expect((outcome as { rejected: unknown }).rejected).toMatchObject({
      name: "OAuthError",
      code: "expired_token",
    });
    // 900 s at 5 s intervals: the polls at 5..895 s are pending, then the code is expired.
    expect(polls).toHaveLength(179);
    expect(polls.every((state) => state.interval === 5)).toBe(true);
  });

  it("polling faster than the interval is slow_down with the new interval (the emulator's rule)", async () => {
    const device = await client.createDeviceCode();
    const first = await rejection(client.exchangeDeviceCode(device.device_code));
    expect(first).toMatchObject({ code: "authorization_pending" });
    const second = await rejection(client.exchangeDeviceCode(device.device_code));
    expect(second).toMatchObject({ code: "slow_down", interval: 10 });
  });

  it("an expired device code is expired_token from the server", async () => {
    const device = await client.createDeviceCode();
    await emulator.admin.advanceClock(device.expires_in + 1);
    const error = await rejection(client.exchangeDeviceCode(device.device_code));
    expect(error).toMatchObject({ name: "OAuthError", code: "expired_token" });
  });

  it("an unknown device code is incorrect_device_code", async () => {
    const error = await rejection(client.exchangeDeviceCode("not-a-device-code"));
    expect(error).toMatchObject({ code: "incorrect_device_code" });
  });

  it("an app without the device flow: device_flow_disabled", async () => {
    const app = await emulator.admin.createApp({ name: "NoDevice", deviceFlow: false });
    const noDevice = appClient(app.client_id, app.client_secret);
    expect(await rejection(noDevice.createDeviceCode())).toMatchObject({ code: "device_flow_disabled" });
  });

  it("an unknown client_id: incorrect_client_credentials", async () => {
    const stranger = appClient("Iv1.nobody", "x");
    expect(await rejection(stranger.createDeviceCode())).toMatchObject({
      code: "incorrect_client_credentials",
    });
  });

  it("a device-flow grant refreshes too", async () => {
    const device = await client.createDeviceCode();
    await emulator.admin.approveDeviceCode({ user_code: device.user_code, login: "octocat" });
    const grant = await client.exchangeDeviceCode(device.device_code);
    const refreshed = await client.refreshToken(grant.refresh_token as string);
    expect(await isLive(refreshed.access_token)).toBe(true);
    expect(await isLive(grant.access_token)).toBe(false);
  });
});
