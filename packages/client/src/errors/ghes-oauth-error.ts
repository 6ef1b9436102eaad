import { Redactor } from "./redactor.js";
import { sanitizeCause } from "./sanitize-cause.js";

export interface GhesOAuthErrorOptions {
  /** Knows the secrets the error must not reveal: the client secret, the Basic credentials, the call's token. */
  readonly redactor?: Redactor;
  /** What went wrong underneath. Kept as a sanitized copy (see sanitizeCause), never the original. */
  readonly cause?: unknown;
}

/**
 * The base of every error this package throws. Redaction is done here, once, at construction:
 * the message (and so the stack), every property (deeply, object keys included) and the whole
 * `cause` chain go through the redactor, so no construction site can forget a string.
 *
 * A subclass passes its data as `properties` and `declare`s the fields (a plain field declaration
 * would be re-initialized to `undefined` after `super()`); it assigns nothing itself:
 *
 *     class OAuthError extends GhesOAuthError {
 *       override name = "OAuthError";
 *       declare readonly error: string;
 *       constructor(error: string, redactor: Redactor) {
 *         super(`OAuth error ${error}`, { error }, { redactor });
 *       }
 *     }
 */
export class GhesOAuthError extends Error {
  constructor(message: string, properties: object = {}, options: GhesOAuthErrorOptions = {}) {
    const redactor = options.redactor ?? Redactor.NONE;
    super(
      redactor.redact(message),
      options.cause === undefined ? undefined : { cause: sanitizeCause(options.cause, redactor) },
    );
    Object.assign(this, redactor.redactValue(properties));
    // The stack is left alone: V8 builds it on first read from the name and the (redacted) message,
    // and reading it here would freeze it before a subclass sets its name.
  }
}
