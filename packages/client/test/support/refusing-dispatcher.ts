import { Dispatcher } from "undici";

/** A dispatcher that counts calls and sends nothing: proves validation happens before any request. */
export class RefusingDispatcher extends Dispatcher {
  calls = 0;

  override dispatch(_options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.calls++;
    handler.onResponseError?.(null as never, new Error("RefusingDispatcher: no request expected"));
    return true;
  }
}
