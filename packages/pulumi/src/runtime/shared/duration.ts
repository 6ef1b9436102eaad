import { DEFAULT_RENEW_BEFORE, DURATION_FORMAT, parseDurationSeconds } from "@ghes-oauth/client/schemas";

// The grammar and the default live in the client, so the policy pack and the CLI judge durations exactly
// as the resources do.
export { DEFAULT_RENEW_BEFORE, DURATION_FORMAT, parseDurationSeconds };

/** `renewBefore` in seconds, with the default when it was not given. */
export function renewBeforeSeconds(value: unknown): number {
  const seconds = parseDurationSeconds(value ?? DEFAULT_RENEW_BEFORE);
  if (seconds === undefined) {
    throw new Error(`renewBefore: must be ${DURATION_FORMAT}; fix the resource's renewBefore argument`);
  }
  return seconds;
}
