/** The emulator's clock: wall time plus an offset that tests move forward to expire tokens. */
export interface Clock {
  now(): number;
  offsetMs(): number;
  advance(ms: number): void;
}

export function createClock(initialOffsetMs: number, persistOffset: (offsetMs: number) => void): Clock {
  let offset = initialOffsetMs;
  return {
    now: () => Date.now() + offset,
    offsetMs: () => offset,
    advance(ms) {
      persistOffset(offset + ms);
      offset += ms;
    },
  };
}

const formatted = new Map<number, string>();
const MAX_FORMATTED = 10_000;

/** GitHub's timestamp format: ISO 8601 in UTC without milliseconds. */
export function githubTimestamp(epochMs: number): string {
  // Memoized: every check of a token renders the same three instants, and toISOString is not cheap.
  let text = formatted.get(epochMs);
  if (text === undefined) {
    if (formatted.size >= MAX_FORMATTED) formatted.clear();
    text = `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
    formatted.set(epochMs, text);
  }
  return text;
}
