import { TOKEN_SHAPED } from "./token-shape.js";

const REDACTED = "[REDACTED]";
/** Deeper data is cut off: a hostile server could nest arrays deep enough to overflow the stack. */
const MAX_DEPTH = 32;

/**
 * Replaces every known secret in a string: the secret as is, URL-encoded, and URL-encoded with
 * lower-case hex (`%2f`). The error base (GhesOAuthError) runs everything an error keeps through one.
 */
export class Redactor {
  static readonly NONE = new Redactor([]);

  readonly #given: readonly string[];
  readonly #base: Redactor | undefined;
  #expanded: readonly string[] | undefined;

  // The forms of each secret are worked out on first use: a call that succeeds redacts nothing, and
  // expanding them on every request was a tenth of the client's CPU per call.
  constructor(secrets: Iterable<string>, base?: Redactor) {
    this.#given = [...secrets];
    this.#base = base;
  }

  /** This redactor's secrets (every form of them, each form then taken as a secret too) and more. */
  with(...secrets: string[]): Redactor {
    return new Redactor(secrets, this);
  }

  get #secrets(): readonly string[] {
    if (this.#expanded === undefined) {
      const unique = new Set<string>();
      for (const secret of [...(this.#base === undefined ? [] : this.#base.#secrets), ...this.#given]) {
        if (secret.length === 0) continue;
        const encoded = encodeURIComponent(secret);
        unique.add(secret);
        unique.add(encoded);
        unique.add(encoded.replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase()));
      }
      // Longest first, so a secret that contains another is replaced whole.
      this.#expanded = [...unique].sort((a, b) => b.length - a.length);
    }
    return this.#expanded;
  }

  /**
   * The known secrets replaced, then anything token-shaped (see TOKEN_SHAPED): a server may echo a
   * token the client never knew, or a part of one, in an error.
   */
  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result.replace(TOKEN_SHAPED, REDACTED);
  }

  /**
   * Deep copy of JSON-like data with every string, object key included, redacted. Cycles become
   * `[Circular]`, data nested deeper than 32 levels `[Truncated]`; other values stay as they are.
   */
  redactValue(value: unknown): unknown {
    return this.#copy(value, new Set(), 0);
  }

  #copy(value: unknown, ancestors: Set<object>, depth: number): unknown {
    if (typeof value === "string") return this.redact(value);
    if (value === null || typeof value !== "object") return value;
    if (ancestors.has(value)) return "[Circular]";
    if (depth >= MAX_DEPTH) return "[Truncated]";
    ancestors.add(value);
    try {
      if (Array.isArray(value)) return value.map((item) => this.#copy(item, ancestors, depth + 1));
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        // defineProperty, not assignment: a `__proto__` key from a server must stay a plain key.
        Object.defineProperty(copy, this.redact(key), {
          value: this.#copy(item, ancestors, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return copy;
    } finally {
      ancestors.delete(value);
    }
  }
}
