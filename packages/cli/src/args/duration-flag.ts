import { UsageError } from "../usage-error.js";

const UNIT_SECONDS = { d: 86_400, h: 3600, m: 60, s: 1 } as const;

/**
 * A duration flag, e.g. `--max-wait`: `90s`, `30m`, `1h`, `2h30m`, `1d` or whole seconds, from `min` to
 * `max` seconds; answers seconds.
 */
export function durationFlag(
  name: string,
  value: string | undefined,
  fallbackSeconds: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallbackSeconds;
  const text = value.trim().toLowerCase();
  let seconds = Number.NaN;
  if (/^\d+$/.test(text)) seconds = Number(text);
  else if (/^(\d+[dhms])+$/.test(text)) {
    seconds = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+)([dhms])/g))
      seconds += Number(amount) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
  }
  if (!Number.isSafeInteger(seconds) || seconds < min || seconds > max)
    throw new UsageError(
      `--${name} must be a duration from ${min}s to ${max / 3600}h, e.g. 90s, 30m, 1h or 2h30m (got ${value})`,
    );
  return seconds;
}
