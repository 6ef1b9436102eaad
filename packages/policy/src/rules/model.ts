/** A value the engine does not know yet: at preview, an output of a resource not yet created. */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;
/** A value as a rule sees it: known, or not yet known. */
export type Maybe<T> = T | Unknown;

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/** What one scoped token asks for: a ScopedToken, one entry of a ScopedTokenSet, or `ghes-oauth scope`. */
export interface ScopeRequest {
  /** Who asks, as messages name it: `ScopedTokenSet "bots" entry "api-read"`, or `ghes-oauth scope`. */
  readonly subject: string;
  /** Prepended to property names in messages: `scopes.api-read.` for a set's entry, `--` for the CLI. */
  readonly propertyPrefix: string;
  readonly target?: Maybe<unknown>;
  readonly targetId?: Maybe<unknown>;
  readonly repositories?: Maybe<readonly unknown[]>;
  readonly repositoryIds?: Maybe<readonly unknown[]>;
  readonly permissions?: Maybe<Readonly<Record<string, unknown>>>;
}

/** One broken rule: who, which property, what is wrong and how to fix it (never a secret value). */
export interface Violation {
  readonly policy: string;
  readonly subject: string;
  /** The property path as the resource (or the CLI flag) names it, e.g. `scopes.ci.permissions.administration`. */
  readonly property: string;
  /** `<property> <what is wrong>; <the fix>`, self-contained. */
  readonly message: string;
}

export function violation(policy: string, subject: string, property: string, text: string): Violation {
  return { policy, subject, property, message: `${subject}: ${property} ${text}` };
}

export const quote = (value: string | number) => (typeof value === "number" ? String(value) : `"${value}"`);
