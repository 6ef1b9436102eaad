import { DEFAULT_RENEW_BEFORE, DURATION_FORMAT, parseDurationSeconds } from "@ghes-oauth/client/schemas";
import { configReader } from "./config-error.js";
import { isUnknown, type Maybe, type Violation, violation } from "./model.js";

const POLICY = "ghes-oauth-renewal-window";

/** The allowed range of `renewBefore`, as the text given (for messages) and in seconds. */
export interface RenewalWindowConfig {
  readonly minRenewBefore?: { readonly text: string; readonly seconds: number };
  readonly maxRenewBefore?: { readonly text: string; readonly seconds: number };
}

export function parseRenewalWindowConfig(raw: Readonly<Record<string, unknown>>): RenewalWindowConfig {
  const read = configReader(POLICY, raw);
  const duration = (key: string) => {
    const value = read.value(key);
    if (value === undefined) return undefined;
    const seconds = parseDurationSeconds(value);
    if (seconds === undefined) return read.fail(key, `must be ${DURATION_FORMAT}`);
    return { text: String(value), seconds };
  };
  const minRenewBefore = duration("minRenewBefore");
  const maxRenewBefore = duration("maxRenewBefore");
  if (minRenewBefore && maxRenewBefore && minRenewBefore.seconds > maxRenewBefore.seconds)
    read.fail("minRenewBefore", "is longer than maxRenewBefore; swap them");
  return { ...(minRenewBefore && { minRenewBefore }), ...(maxRenewBefore && { maxRenewBefore }) };
}

/**
 * A `renewBefore` outside the window. Not given: the resources' default. Shorter than the minimum means a
 * token can expire between two scheduled runs; longer than the maximum means tokens are re-minted early.
 */
export function checkRenewalWindow(
  config: RenewalWindowConfig,
  subject: string,
  renewBefore: Maybe<unknown> | undefined,
): Violation[] {
  if (isUnknown(renewBefore)) return [];
  const given = renewBefore ?? DEFAULT_RENEW_BEFORE;
  const seconds = parseDurationSeconds(given);
  if (seconds === undefined) return [];
  const shown = `${renewBefore === undefined ? "not set, so the default " : ""}${JSON.stringify(given)}`;
  const { minRenewBefore: min, maxRenewBefore: max } = config;
  if (min && seconds < min.seconds)
    return [
      violation(
        POLICY,
        subject,
        "renewBefore",
        `is ${shown}, shorter than the minimum ${JSON.stringify(min.text)} (minRenewBefore): a token can expire between two scheduled runs; set renewBefore to at least ${JSON.stringify(min.text)} and at least the interval of the schedule that runs pulumi up`,
      ),
    ];
  if (max && seconds > max.seconds)
    return [
      violation(
        POLICY,
        subject,
        "renewBefore",
        `is ${shown}, longer than the maximum ${JSON.stringify(max.text)} (maxRenewBefore): tokens would be re-minted long before they expire; set renewBefore to at most ${JSON.stringify(max.text)}`,
      ),
    ];
  return [];
}
