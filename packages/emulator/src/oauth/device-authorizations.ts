import type { Clock } from "../clock.js";
import { newDeviceCode, newUserCode, sha256Hex } from "../credentials.js";

/** GitHub's device codes live 15 minutes; clients poll no faster than every 5 seconds to begin with. */
export const DEVICE_CODE_LIFETIME_SECONDS = 900;
const DEVICE_POLL_INTERVAL_SECONDS = 5;
/** How much a `slow_down` adds to the interval. */
const SLOW_DOWN_STEP_SECONDS = 5;

type DeviceAuthorizationStatus = "pending" | "approved" | "denied";

export interface DeviceAuthorization {
  appId: number;
  userCode: string;
  createdAt: number;
  expiresAt: number;
  /** The minimum seconds between two polls; grows with every `slow_down`. */
  interval: number;
  lastPolledAt: number | null;
  status: DeviceAuthorizationStatus;
  /** Who approved or denied it. */
  userId: number | null;
}

/** What one poll of a device code finds. */
export type PollOutcome =
  | { kind: "unknown" }
  | { kind: "expired" }
  | { kind: "too-fast"; interval: number }
  | { kind: "pending" | "denied" }
  | { kind: "approved"; userId: number };

/** Keep expired codes this long after expiry, to answer `expired_token` rather than "unknown". */
const EXPIRED_RETENTION_MS = 60 * 60 * 1000;

/**
 * Device-flow authorizations in progress, in memory (they live 15 minutes). Device codes are kept
 * only as sha256; every time is on the emulator's clock, so tests move the clock instead of waiting.
 */
export class DeviceAuthorizations {
  readonly #byDeviceCodeHash = new Map<string, DeviceAuthorization>();

  constructor(private readonly clock: Clock) {}

  start(appId: number): { deviceCode: string; authorization: DeviceAuthorization } {
    this.#prune();
    const now = this.clock.now();
    const deviceCode = newDeviceCode();
    let userCode = newUserCode();
    while (this.findByUserCode(userCode)) userCode = newUserCode();
    const authorization: DeviceAuthorization = {
      appId,
      userCode,
      createdAt: now,
      expiresAt: now + DEVICE_CODE_LIFETIME_SECONDS * 1000,
      interval: DEVICE_POLL_INTERVAL_SECONDS,
      lastPolledAt: null,
      status: "pending",
      userId: null,
    };
    this.#byDeviceCodeHash.set(sha256Hex(deviceCode), authorization);
    return { deviceCode, authorization };
  }

  /** The authorization shown to a person under this user code (case and hyphen insensitive). */
  findByUserCode(userCode: string): DeviceAuthorization | undefined {
    const wanted = userCode.toUpperCase().replace(/-/g, "");
    for (const authorization of this.#byDeviceCodeHash.values()) {
      if (authorization.userCode.replace("-", "") === wanted) return authorization;
    }
    return undefined;
  }

  isExpired(authorization: DeviceAuthorization): boolean {
    return authorization.expiresAt <= this.clock.now();
  }

  /**
   * One poll by `appId`. Polling sooner than the interval after the previous poll is a `slow_down` and
   * adds 5 seconds to the interval; the first poll may come at once. An approved code is used up.
   */
  poll(appId: number, deviceCode: string): PollOutcome {
    const hash = sha256Hex(deviceCode);
    const authorization = this.#byDeviceCodeHash.get(hash);
    if (!authorization || authorization.appId !== appId) return { kind: "unknown" };
    if (this.isExpired(authorization)) return { kind: "expired" };
    const now = this.clock.now();
    const previous = authorization.lastPolledAt;
    authorization.lastPolledAt = now;
    if (previous !== null && now - previous < authorization.interval * 1000) {
      authorization.interval += SLOW_DOWN_STEP_SECONDS;
      return { kind: "too-fast", interval: authorization.interval };
    }
    if (authorization.status === "approved" && authorization.userId !== null) {
      this.#byDeviceCodeHash.delete(hash);
      return { kind: "approved", userId: authorization.userId };
    }
    return { kind: authorization.status === "denied" ? "denied" : "pending" };
  }

  #prune(): void {
    const cutoff = this.clock.now() - EXPIRED_RETENTION_MS;
    for (const [hash, authorization] of this.#byDeviceCodeHash) {
      if (authorization.expiresAt < cutoff) this.#byDeviceCodeHash.delete(hash);
    }
  }
}
