const REDACTED = "[REDACTED]";

/**
 * Replaces every known secret (and its URL-encoded form) in a string. Error paths run every
 * server- or transport-supplied string through one before it reaches a message or property.
 */
export class Redactor {
  readonly #secrets: readonly string[];

  constructor(secrets: Iterable<string>) {
    const unique = new Set<string>();
    for (const secret of secrets) {
      if (secret.length === 0) continue;
      unique.add(secret);
      unique.add(encodeURIComponent(secret));
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

  /** Deep copy of JSON-like data with every string redacted. */
  redactValue(value: unknown): unknown {
    if (typeof value === "string") return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.redactValue(item));
    if (value !== null && typeof value === "object") {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[this.redact(key)] = this.redactValue(item);
      return copy;
    }
    return value;
  }
}
