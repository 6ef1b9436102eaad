const REDACTED = "[REDACTED]";
/** Deeper data is cut off: a hostile server could nest arrays deep enough to overflow the stack. */
const MAX_DEPTH = 32;

/**
 * Replaces every known secret in a string: the secret as is, URL-encoded, and URL-encoded with
 * lower-case hex (`%2f`). The error base (GhesOAuthError) runs everything an error keeps through one.
 */
export class Redactor {
  static readonly NONE = new Redactor([]);

  readonly #secrets: readonly string[];

  constructor(secrets: Iterable<string>) {
    const unique = new Set<string>();
    for (const secret of secrets) {
      if (secret.length === 0) continue;
      const encoded = encodeURIComponent(secret);
      unique.add(secret);
      unique.add(encoded);
      unique.add(encoded.replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase()));
    }
    // Longest first, so a secret that contains another is replaced whole.
    this.#secrets = [...unique].sort((a, b) => b.length - a.length);
  }

  with(...secrets: string[]): Redactor {
    return new Redactor([...this.#secrets, ...secrets]);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result;
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
