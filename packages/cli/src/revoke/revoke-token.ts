import { NotFoundError, type OAuthAppClient, RateLimitError } from "@ghes-oauth/client";
import { describeError } from "../output/describe-error.js";
import type { JournalResult } from "./journal.js";
import type { RateLimitGate } from "./rate-limit-gate.js";

/** Rate limits sat out per token before it is reported failed (the client retries shorter waits itself). */
const RATE_LIMIT_ROUNDS = 5;
/** When a rate-limited answer gave no wait, pause this long. */
const DEFAULT_PAUSE_SECONDS = 60;

export interface RevokeOutcome {
  readonly result: JournalResult;
  readonly error?: string;
}

/**
 * Revokes one token: 204 is revoked, 404 is already gone (revoked, expired or never known). A rate limit
 * pauses every worker through the shared gate for as long as the server asked, then tries again.
 */
export async function revokeToken(
  client: OAuthAppClient,
  token: string,
  gate: RateLimitGate,
  onPause: (seconds: number) => void,
): Promise<RevokeOutcome> {
  for (let round = 0; ; round++) {
    await gate.wait();
    try {
      await client.deleteToken(token);
      return { result: "revoked" };
    } catch (error) {
      if (error instanceof NotFoundError) return { result: "already_gone" };
      if (error instanceof RateLimitError && round < RATE_LIMIT_ROUNDS) {
        const seconds = error.retryAfter ?? DEFAULT_PAUSE_SECONDS;
        gate.pause(seconds);
        onPause(seconds);
        continue;
      }
      return { result: "failed", error: describeError(error) };
    }
  }
}
