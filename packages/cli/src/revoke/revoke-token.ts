import { NotFoundError, type OAuthAppClient, RateLimitError } from "@ghes-oauth/client";
import { describeError } from "../output/describe-error.js";
import type { JournalResult } from "./journal.js";
import type { RateLimitGate } from "./rate-limit-gate.js";

/** When a rate-limited answer gave no wait, pause this long. */
const DEFAULT_PAUSE_SECONDS = 60;

const REFRESH_TOKEN_PREFIX = "ghr_";
/**
 * The token endpoint answers 404 for a refresh token whether or not it is live, so a 404 there proves
 * nothing: calling it "already gone" would be false comfort in an incident.
 */
const REFRESH_TOKEN_NOT_REVOKED =
  "a refresh token (ghr_) is not revoked through DELETE /applications/{client_id}/token and a 404 does not prove it is gone: revoke the user's grant (ghes-oauth revoke-grant with one of their access tokens)";

export interface RevokeOutcome {
  readonly result: JournalResult;
  readonly error?: string;
}

/**
 * Revokes one token: 204 is revoked, 404 is already gone (revoked, expired or never known). A rate limit
 * pauses every worker through the shared gate for as long as the server asked, then tries again, as
 * long as the waits for this token add up to no more than the gate's maximum; past it (or for one wait
 * past it) the gate throws WaitTooLongError and the run stops, to be resumed later.
 */
export async function revokeToken(
  client: OAuthAppClient,
  token: string,
  gate: RateLimitGate,
  onPause: (seconds: number) => void,
): Promise<RevokeOutcome> {
  let waited = 0;
  for (;;) {
    await gate.wait();
    try {
      await client.deleteToken(token);
      return { result: "revoked" };
    } catch (error) {
      if (error instanceof NotFoundError)
        return token.startsWith(REFRESH_TOKEN_PREFIX)
          ? { result: "failed", error: REFRESH_TOKEN_NOT_REVOKED }
          : { result: "already_gone" };
      if (error instanceof RateLimitError) {
        const seconds = error.retryAfter ?? DEFAULT_PAUSE_SECONDS;
        waited += seconds;
        gate.pause(waited > gate.maxWaitSeconds ? waited : seconds);
        onPause(seconds);
        continue;
      }
      return { result: "failed", error: describeError(error) };
    }
  }
}
