import { OAuthError } from "./errors.js";
import { exchangeDeviceCode } from "./operations.js";
import { combineSignals } from "./request/call-budget.js";
import { formEncoded } from "./request/form-encoded.js";
import { ACCESS_TOKEN_ROUTE } from "./request/oauth-route.js";
import type { RequestContext } from "./request/request-context.js";
import { toTransportError } from "./request/to-transport-error.js";
import { sleep } from "./retry/sleep.js";
import {
  type DeviceWaitOptions,
  deviceCodeArgumentSchema,
  deviceWaitOptionsSchema,
} from "./schemas/grant-inputs.js";
import type { UserTokenGrant } from "./schemas/user-token-grant.js";
import { validateInput } from "./validate-input.js";

/** What GitHub's device flow asks a client to add to its interval after `slow_down`. */
const SLOW_DOWN_STEP_SECONDS = 5;

/**
 * Polls exchangeDeviceCode every `interval` seconds until the user approves (resolves with the
 * grant), denies (OAuthError `access_denied`) or the code expires (OAuthError `expired_token`, at
 * the latest after `expiresIn` seconds). `slow_down` raises the interval to the server's `interval`,
 * or by 5 seconds when it names none. An abort rejects with TransportError `ABORT_ERR`/`TIMEOUT_ERR`.
 */
export async function waitForDeviceAuthorization(
  context: RequestContext,
  deviceCode: string,
  options: DeviceWaitOptions,
): Promise<UserTokenGrant> {
  const code = validateInput(deviceCodeArgumentSchema, deviceCode, "deviceCode");
  const {
    interval: initialInterval,
    expiresIn,
    signal,
    onPending,
  } = validateInput(deviceWaitOptionsSchema, options, "options");
  const redactor = context.redactor.with(code, formEncoded(code));
  const outer = combineSignals(context.deadlines.signal, signal);
  const deadline = Date.now() + expiresIn * 1000;
  let interval = initialInterval;
  for (let attempt = 0; ; ) {
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) throw expired(expiresIn);
    try {
      await sleep(Math.min(interval * 1000, remainingMs), outer);
    } catch (error) {
      throw toTransportError(ACCESS_TOKEN_ROUTE, error, redactor, outer);
    }
    if (Date.now() >= deadline) throw expired(expiresIn);
    // A poll may not outlive the code: a server that stalls it past expiry ends the wait as expired.
    const expiry = new AbortController();
    const timer = setTimeout(() => expiry.abort(), Math.max(1, deadline - Date.now()));
    try {
      return await exchangeDeviceCode(context, code, { signal: combineSignals(outer, expiry.signal) });
    } catch (error) {
      if (expiry.signal.aborted && !outer?.aborted) throw expired(expiresIn);
      if (!(error instanceof OAuthError)) throw error;
      if (error.code === "slow_down") interval = error.interval ?? interval + SLOW_DOWN_STEP_SECONDS;
      else if (error.code !== "authorization_pending") throw error;
      attempt++;
      onPending?.({ attempt, interval });
    } finally {
      clearTimeout(timer);
    }
  }
}

function expired(expiresIn: number): OAuthError {
  return new OAuthError({
    request: ACCESS_TOKEN_ROUTE,
    code: "expired_token",
    description: `the device code expired after ${expiresIn} s without authorization; start again with createDeviceCode`,
    errorUri: undefined,
    status: 0,
    requestId: undefined,
  });
}
