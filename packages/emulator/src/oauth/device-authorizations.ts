import type { Clock } from "../clock.js";
import { newDeviceCode, newUserCode, sha256Hex } from "../credentials.js";

/** GitHub's device codes live 15 minutes; clients poll no faster than every 5 seconds to begin with. */
export const DEVICE_CODE_LIFETIME_SECONDS = 900;
const DEVICE_POLL_INTERVAL_SECONDS = 5;
/** How much a `slow_down` adds to the interval. */
const SLOW_DOWN_STEP_SECONDS = 5;
/**
 * Unexpired, unused device codes one app may hold. GitHub's "Authorizing OAuth apps" page, section
 * "Rate limits for the device flow", documents "a rate limit of 50 submissions in an hour per
 * application" for codes entered in the browser, and `slow_down` ("Too many requests have been made in
 * the same timeframe.") as the answer to device-flow requests made too often; GitHub answers a device
 * flow started too often with that same `slow_down` (seen by `gh auth login`, cli/cli#9370). So the
 * emulator keeps 50 pending codes per app and answers the 51st request `slow_down` (HTTP 200, as every
 * OAuth error) until one is used or expires.
 */
export const MAX_PENDING_DEVICE_CODES_PER_APP = 50;

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

/** What asking for a new device code gives: one, or a refusal because the app holds too many. */
export type StartOutcome =
  | { kind: "started"; deviceCode: string; authorization: DeviceAuthorization }
  | { kind: "too-many" };

/** Keep expired codes this long after expiry, to answer `expired_token` rather than "unknown". */
const EXPIRED_RETENTION_MS = 60 * 60 * 1000;

/** A user code as typed: case and hyphens do not matter. */
function userCodeKey(userCode: string): string {
  return userCode.toUpperCase().replace(/-/g, "");
}

/**
 * Device-flow authorizations in progress, in memory (they live 15 minutes). Device codes are kept
 * only as sha256; every time is on the emulator's clock, so tests move the clock instead of waiting.
 *
 * Every operation is O(1) amortized, whatever the number of codes: they are indexed by device-code
 * hash and by user code, and, since all live equally long, the insertion-ordered maps hold them in
 * expiry order, so purging walks only the ones that are due.
 */
export class DeviceAuthorizations {
  readonly #byDeviceCodeHash = new Map<string, DeviceAuthorization>();
  /** User code key -> device-code hash. */
  readonly #byUserCode = new Map<string, string>();
  /** Unexpired codes not yet used up, oldest first (device-code hash -> authorization). */
  readonly #live = new Map<string, DeviceAuthorization>();
  /** How many of #live each app holds. */
  readonly #liveCountByApp = new Map<number, number>();

  constructor(
    private readonly clock: Clock,
    private readonly maxPendingPerApp: number = MAX_PENDING_DEVICE_CODES_PER_APP,
  ) {}

  start(appId: number): StartOutcome {
    this.#purge();
    if ((this.#liveCountByApp.get(appId) ?? 0) >= this.maxPendingPerApp) return { kind: "too-many" };
    const now = this.clock.now();
    const deviceCode = newDeviceCode();
    let userCode = newUserCode();
    while (this.#byUserCode.has(userCodeKey(userCode))) userCode = newUserCode();
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
    const hash = sha256Hex(deviceCode);
    this.#byDeviceCodeHash.set(hash, authorization);
    this.#byUserCode.set(userCodeKey(userCode), hash);
    this.#live.set(hash, authorization);
    this.#liveCountByApp.set(appId, (this.#liveCountByApp.get(appId) ?? 0) + 1);
    return { kind: "started", deviceCode, authorization };
  }

  /** The authorization shown to a person under this user code (case and hyphen insensitive). */
  findByUserCode(userCode: string): DeviceAuthorization | undefined {
    const hash = this.#byUserCode.get(userCodeKey(userCode));
    return hash === undefined ? undefined : this.#byDeviceCodeHash.get(hash);
  }

  isExpired(authorization: DeviceAuthorization): boolean {
    return authorization.expiresAt <= this.clock.now();
  }

  /** Codes held in memory, expired ones kept for `expired_token` included (for tests and benchmarks). */
  get size(): number {
    return this.#byDeviceCodeHash.size;
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
      this.#forget(hash, authorization);
      return { kind: "approved", userId: authorization.userId };
    }
    return { kind: authorization.status === "denied" ? "denied" : "pending" };
  }

  #forget(hash: string, authorization: DeviceAuthorization): void {
    this.#byDeviceCodeHash.delete(hash);
    if (this.#byUserCode.get(userCodeKey(authorization.userCode)) === hash)
      this.#byUserCode.delete(userCodeKey(authorization.userCode));
    this.#leaveLive(hash, authorization);
  }

  #leaveLive(hash: string, authorization: DeviceAuthorization): void {
    if (!this.#live.delete(hash)) return;
    const count = (this.#liveCountByApp.get(authorization.appId) ?? 1) - 1;
    if (count > 0) this.#liveCountByApp.set(authorization.appId, count);
    else this.#liveCountByApp.delete(authorization.appId);
  }

  /** Walks the oldest codes only: stops at the first one that is not due. */
  #purge(): void {
    const now = this.clock.now();
    for (const [hash, authorization] of this.#live) {
      if (authorization.expiresAt > now) break;
      this.#leaveLive(hash, authorization);
    }
    const cutoff = now - EXPIRED_RETENTION_MS;
    for (const [hash, authorization] of this.#byDeviceCodeHash) {
      if (authorization.expiresAt >= cutoff) break;
      this.#forget(hash, authorization);
    }
  }
}
