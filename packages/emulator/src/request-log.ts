/** One answered API request, as GET /_emulator/requests lists it: never a body, token or secret. */
export interface RequestLogEntry {
  method: string;
  /**
   * The request path, percent-decoded, with path-style and token-shaped credentials replaced by
   * `REDACTED`; without the query string.
   */
  path: string;
  /** The query string with every value but `client_id`'s replaced by `REDACTED`; "" when none. */
  query: string;
  /** The status sent, or 0 when the connection was reset (by a fault or the client) before an answer. */
  status: number;
  /**
   * The OAuth error answered on the web host (with HTTP 200, as GitHub does), e.g.
   * `bad_verification_code` for a client's credential probe; absent otherwise.
   */
  oauthError?: string;
  /** When the request arrived, ISO 8601 wall-clock time. */
  time: string;
  durationMs: number;
  requestId: string;
}

const MAX_ENTRIES = 10_000;

/** The most recent API requests (not /_emulator ones), oldest first; a ring buffer of MAX_ENTRIES. */
export class RequestLog {
  #entries: RequestLogEntry[] = [];
  /** Where the next entry goes once the buffer is full (it is also the oldest entry's index). */
  #next = 0;

  add(entry: RequestLogEntry): void {
    if (this.#entries.length < MAX_ENTRIES) {
      this.#entries.push(entry);
      return;
    }
    this.#entries[this.#next] = entry;
    this.#next = (this.#next + 1) % MAX_ENTRIES;
  }

  list(): RequestLogEntry[] {
    return [...this.#entries.slice(this.#next), ...this.#entries.slice(0, this.#next)];
  }

  clear(): void {
    this.#entries = [];
    this.#next = 0;
  }
}
