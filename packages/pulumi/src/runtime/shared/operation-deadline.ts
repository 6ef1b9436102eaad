import { AsyncLocalStorage } from "node:async_hooks";
import { parseDurationSeconds } from "./duration.js";

/** The default time a provider operation (one resource's read, create, delete, ...) may take. */
export const DEFAULT_OPERATION_TIMEOUT_SECONDS = 300;
/** Overrides the default, e.g. `GHES_OAUTH_OPERATION_TIMEOUT=10m`. */
export const OPERATION_TIMEOUT_ENV = "GHES_OAUTH_OPERATION_TIMEOUT";

interface RunningOperation {
  readonly signal: AbortSignal;
  /** The hosts the operation called, for the message when it runs out of time. */
  readonly hosts: Set<string>;
}

const running = new AsyncLocalStorage<RunningOperation>();

export class OperationTimeoutError extends Error {
  override name = "OperationTimeoutError";
}

/** The operation's deadline from the environment (a duration such as `90s`, `5m`, or seconds). */
export function operationTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env[OPERATION_TIMEOUT_ENV];
  const seconds = configured === undefined ? undefined : parseDurationSeconds(configured);
  return (seconds !== undefined && seconds > 0 ? seconds : DEFAULT_OPERATION_TIMEOUT_SECONDS) * 1000;
}

/**
 * Runs a provider operation with a deadline: past it the operation fails with a message naming it and
 * the hosts it was waiting on, and its requests are aborted. A server that accepts and never answers
 * (or drips bytes) then fails `pulumi up` instead of holding it forever.
 */
export function withDeadline<Args extends unknown[], Result>(
  operation: string,
  run: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    const limitMs = operationTimeoutMs();
    const controller = new AbortController();
    const context: RunningOperation = { signal: controller.signal, hosts: new Set() };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const hosts = [...context.hosts];
        const error = new OperationTimeoutError(
          `${operation} did not finish within ${limitMs / 1000}s: no complete answer from ${
            hosts.length > 0 ? hosts.join(", ") : "the server"
          }. Check that the server is up and reachable, or allow more time with ${OPERATION_TIMEOUT_ENV} (e.g. 10m)`,
        );
        controller.abort(error);
        reject(error);
      }, limitMs);
    });
    try {
      return await Promise.race([running.run(context, () => run(...args)), deadline]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The call options for a client call of the running operation: its abort signal, when there is one. */
export function operationCall(): { signal?: AbortSignal } {
  const context = running.getStore();
  return context ? { signal: context.signal } : {};
}

/** Records a host the running operation talks to, for the message when it runs out of time. */
export function noteOperationHost(url: string): void {
  const context = running.getStore();
  if (!context) return;
  try {
    context.hosts.add(new URL(url).host);
  } catch {
    // Not a URL: the check of the connection says so; the message just names fewer hosts.
  }
}
