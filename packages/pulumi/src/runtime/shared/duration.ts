const UNIT_SECONDS = { h: 3600, m: 60, s: 1 } as const;
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** The default `renewBefore` of UserToken and ScopedToken. */
export const DEFAULT_RENEW_BEFORE = "1h";

/** What a `renewBefore` must look like, for error messages. */
export const DURATION_FORMAT = 'a duration such as "90m", "2h", "1h30m" or a number of seconds (e.g. 3600)';

/**
 * Parses a `renewBefore`: `"90m"`, `"2h"`, `"1h30m"`, `"45s"`, a whole number of seconds, or the same
 * number as a string (stack config is text). Returns seconds, or undefined when it is none of these.
 */
export function parseDurationSeconds(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return parseDurationSeconds(Number(text));
  const match = DURATION.exec(text);
  if (!match || text === "") return undefined;
  const [, hours, minutes, seconds] = match;
  return Number(hours ?? 0) * UNIT_SECONDS.h + Number(minutes ?? 0) * UNIT_SECONDS.m + Number(seconds ?? 0);
}

/** `renewBefore` in seconds, with the default when it was not given. */
export function renewBeforeSeconds(value: unknown): number {
  const seconds = parseDurationSeconds(value ?? DEFAULT_RENEW_BEFORE);
  if (seconds === undefined) {
    throw new Error(`renewBefore: must be ${DURATION_FORMAT}; fix the resource's renewBefore argument`);
  }
  return seconds;
}
