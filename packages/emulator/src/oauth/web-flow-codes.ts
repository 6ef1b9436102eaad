import type { Clock } from "../clock.js";
import { newWebFlowCode, sha256Hex } from "../credentials.js";

/** GitHub's web-flow codes expire after 10 minutes. */
const WEB_FLOW_CODE_LIFETIME_MS = 10 * 60 * 1000;

export interface WebFlowCode {
  appId: number;
  userId: number;
  redirectUri: string | null;
  /** The PKCE `code_challenge` (S256) the authorization request carried, if any. */
  codeChallenge: string | null;
  expiresAt: number;
}

/**
 * Web-flow authorization codes (what GitHub's redirect to the callback URL carries), in memory and kept
 * only as sha256. Each is single-use.
 */
export class WebFlowCodes {
  readonly #byHash = new Map<string, WebFlowCode>();

  constructor(private readonly clock: Clock) {}

  create(
    appId: number,
    userId: number,
    redirectUri: string | null,
    codeChallenge: string | null = null,
  ): string {
    const now = this.clock.now();
    for (const [hash, entry] of this.#byHash) if (entry.expiresAt <= now) this.#byHash.delete(hash);
    const code = newWebFlowCode();
    this.#byHash.set(sha256Hex(code), {
      appId,
      userId,
      redirectUri,
      codeChallenge,
      expiresAt: now + WEB_FLOW_CODE_LIFETIME_MS,
    });
    return code;
  }

  /** The live code of `appId` with this value, or undefined (unknown, used or expired). */
  find(appId: number, code: string): WebFlowCode | undefined {
    const entry = this.#byHash.get(sha256Hex(code));
    if (!entry || entry.appId !== appId || entry.expiresAt <= this.clock.now()) return undefined;
    return entry;
  }

  /** Uses the code up. */
  consume(code: string): void {
    this.#byHash.delete(sha256Hex(code));
  }
}
