import type { Dispatcher } from "undici";

/** One request as it went over the wire and the response as it came back. */
export interface RecordedExchange {
  method: string;
  path: string;
  requestBody: string | undefined;
  status: number;
  responseBody: string;
}

/** An undici interceptor that records every exchange into `log` (compose it onto a Pool). */
export function recordingInterceptor(log: RecordedExchange[]): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const chunks: Buffer[] = [];
    const entry: RecordedExchange = {
      method: options.method,
      path: options.path,
      requestBody: typeof options.body === "string" ? options.body : undefined,
      status: 0,
      responseBody: "",
    };
    return dispatch(options, {
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onRequestUpgrade: (controller, status, headers, socket) =>
        handler.onRequestUpgrade?.(controller, status, headers, socket),
      onResponseStart: (controller, status, headers, message) => {
        entry.status = status;
        return handler.onResponseStart?.(controller, status, headers, message);
      },
      onResponseData: (controller, chunk) => {
        chunks.push(chunk);
        return handler.onResponseData?.(controller, chunk);
      },
      onResponseEnd: (controller, trailers) => {
        entry.responseBody = Buffer.concat(chunks).toString("utf8");
        log.push(entry);
        return handler.onResponseEnd?.(controller, trailers);
      },
      onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
    });
  };
}
