import { readProperty } from "./read-property.js";
import type { Redactor } from "./redactor.js";

/** Links of a cause chain kept; a longer (or cyclic) chain ends there. */
const MAX_LINKS = 8;
/** Entries of an AggregateError's `errors` kept per link. */
const MAX_AGGREGATED = 8;

/**
 * A fresh copy of a thrown value for an error's `cause`: an Error with the original's redacted
 * `name`, `message` and `code` (and `cause` and AggregateError `errors`, likewise copied), nothing
 * else. Other properties are dropped because undici errors can carry the request (path, headers).
 * Safe with anything thrown: cycles, getters that throw, revoked proxies, null-prototype objects.
 */
export function sanitizeCause(value: unknown, redactor: Redactor): Error {
  return copyLink(value, redactor, new Set(), 0);
}

function copyLink(value: unknown, redactor: Redactor, seen: Set<unknown>, depth: number): Error {
  seen.add(value);
  const name = redactor.redact(stringOr(readProperty(value, "name"), "Error"));
  const message = redactor.redact(messageOf(value));
  const next = readProperty(value, "cause");
  const cause =
    next !== undefined && !seen.has(next) && depth + 1 < MAX_LINKS
      ? copyLink(next, redactor, seen, depth + 1)
      : undefined;
  const copy = new Error(message, cause ? { cause } : undefined);
  copy.name = name;
  copy.stack = `${name}: ${message}`;
  const code = readProperty(value, "code");
  if (typeof code === "string" || typeof code === "number") {
    Object.defineProperty(copy, "code", { value: redactor.redact(String(code)), enumerable: true });
  }
  const errors = readProperty(value, "errors");
  if (Array.isArray(errors) && depth + 1 < MAX_LINKS) {
    const copies = errors
      .slice(0, MAX_AGGREGATED)
      .filter((item) => !seen.has(item))
      .map((item) => copyLink(item, redactor, seen, depth + 1));
    Object.defineProperty(copy, "errors", { value: copies, enumerable: true });
  }
  return copy;
}

function messageOf(value: unknown): string {
  const message = readProperty(value, "message");
  if (typeof message === "string") return message;
  if (value !== null && typeof value === "object") return "(a non-Error object was thrown)";
  try {
    return String(value);
  } catch {
    return "(a value that cannot be printed was thrown)";
  }
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value.length > 0 ? value : fallback;
}
