import { type Dispatcher, errors } from "undici";

/**
 * The dispatcher for the web (OAuth) origin. When that origin differs from the API's (github.com
 * vs api.github.com) the client creates a second one of its own, on first use, and closes it in
 * close(); otherwise it reuses the API dispatcher (or the injected one), which it does not close here.
 */
export class WebDispatcher {
  readonly #create: (() => Dispatcher) | undefined;
  #dispatcher: Dispatcher | undefined;
  #closed = false;

  private constructor(dispatcher: Dispatcher | undefined, create: (() => Dispatcher) | undefined) {
    this.#dispatcher = dispatcher;
    this.#create = create;
  }

  /** Reuses a dispatcher that someone else closes. */
  static shared(dispatcher: Dispatcher): WebDispatcher {
    return new WebDispatcher(dispatcher, undefined);
  }

  /** Creates its own dispatcher on first use and closes it in close(). */
  static lazy(create: () => Dispatcher): WebDispatcher {
    return new WebDispatcher(undefined, create);
  }

  /** Whether a dispatcher is there to use: always for a shared one, after the first get() for a lazy one. */
  get created(): boolean {
    return this.#dispatcher !== undefined;
  }

  get(): Dispatcher {
    if (this.#create === undefined) return this.#dispatcher as Dispatcher;
    // Same answer as a closed undici Pool gives: no request after close().
    if (this.#closed) throw new errors.ClientClosedError();
    this.#dispatcher ??= this.#create();
    return this.#dispatcher;
  }

  async close(): Promise<void> {
    if (this.#create === undefined || this.#closed) return;
    this.#closed = true;
    await this.#dispatcher?.close();
  }
}
