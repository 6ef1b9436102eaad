import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClock } from "../src/clock.js";
import {
  DeviceAuthorizations,
  MAX_PENDING_DEVICE_CODES_PER_APP,
} from "../src/oauth/device-authorizations.js";
import { type OAuthApp, startOAuthWorld } from "./support/oauth.js";
import type { TestEmulator } from "./support/world.js";

let emulator: TestEmulator;
let oauth: OAuthApp;

beforeEach(async () => {
  ({ emulator, oauth } = await startOAuthWorld());
});
afterEach(() => emulator.close());

async function fill(count: number): Promise<{ device_code: string; user_code: string }[]> {
  const codes = [];
  for (let index = 0; index < count; index++) {
    const result = await oauth.deviceCode();
    expect(result.fields.error).toBeUndefined();
    codes.push(result.fields as { device_code: string; user_code: string });
  }
  return codes;
}

describe("POST /login/device/code under a flood", () => {
  it(`caps an app's pending codes at ${MAX_PENDING_DEVICE_CODES_PER_APP}, answering slow_down as GitHub does`, async () => {
    expect(MAX_PENDING_DEVICE_CODES_PER_APP).toBe(50);
    await fill(MAX_PENDING_DEVICE_CODES_PER_APP);
    const refused = await oauth.deviceCode();
    expect(refused.status).toBe(200);
    expect(refused.fields).toMatchObject({
      error: "slow_down",
      error_description: "Too many requests have been made in the same timeframe.",
    });
    expect(refused.fields.device_code).toBeUndefined();
  });

  it("frees a place when a code is used, and all of them once they expire", async () => {
    const codes = await fill(MAX_PENDING_DEVICE_CODES_PER_APP);
    const first = codes[0] as { device_code: string; user_code: string };
    await emulator.control.approveDeviceCode({ user_code: first.user_code, login: "octocat" });
    const granted = await oauth.pollDevice(first.device_code);
    expect(granted.fields.access_token).toMatch(/^ghu_/);
    expect((await oauth.deviceCode()).fields.device_code).toMatch(/^[0-9a-f]{40}$/);
    expect((await oauth.deviceCode()).fields.error).toBe("slow_down");

    await emulator.control.advanceClock(901);
    await fill(MAX_PENDING_DEVICE_CODES_PER_APP);
  });
});

describe("DeviceAuthorizations", () => {
  it("purges expired codes (kept an hour past expiry for expired_token), and finds codes by user code", () => {
    const clock = createClock(0, () => {});
    const devices = new DeviceAuthorizations(clock, Number.POSITIVE_INFINITY);
    const started = Array.from({ length: 1_000 }, (_, index) => devices.start(index % 7));
    expect(devices.size).toBe(1_000);
    const sample = started[500];
    if (sample?.kind !== "started") throw new Error("not started");
    expect(devices.findByUserCode(sample.authorization.userCode.toLowerCase().replace("-", ""))).toBe(
      sample.authorization,
    );

    clock.advance(901_000);
    expect(devices.poll(sample.authorization.appId, sample.deviceCode)).toEqual({ kind: "expired" });
    devices.start(1);
    expect(devices.size).toBe(1_001);

    clock.advance(3_600_000);
    devices.start(1);
    expect(devices.size).toBe(2);
    expect(devices.findByUserCode(sample.authorization.userCode)).toBeUndefined();
    expect(devices.poll(sample.authorization.appId, sample.deviceCode)).toEqual({ kind: "unknown" });
  });
});
