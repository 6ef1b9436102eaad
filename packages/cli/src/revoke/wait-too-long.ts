/**
 * The server asked for a wait longer than the run may sit out (`--max-wait`): the run stops cleanly
 * (every outcome so far is in the journal) and says when to resume.
 */
export class WaitTooLongError extends Error {
  override name = "WaitTooLongError";

  constructor(
    /** Seconds the server asked for (Infinity when it named no sane time). */
    readonly waitSeconds: number,
    /** When the server says requests will be accepted again; undefined when that is past any date. */
    readonly resumeAt: Date | undefined,
    readonly maxWaitSeconds: number,
  ) {
    super(
      `the server asks to wait ${describeSeconds(waitSeconds)}${resumeAt ? ` (until ${resumeAt.toISOString()})` : ""}, longer than --max-wait ${describeSeconds(maxWaitSeconds)}`,
    );
  }
}

/** Past this (about 3,000 years) a wait is no date at all. */
const FOREVER_SECONDS = 1e11;

/** `45s`, `12m30s`, `3h05m`, `2d04h`; `forever` for a wait past any date. */
export function describeSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds >= FOREVER_SECONDS) return "forever";
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${pad(whole % 60)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h${pad(minutes % 60)}m`;
  return `${Math.floor(hours / 24)}d${pad(hours % 24)}h`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
