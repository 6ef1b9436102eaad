/**
 * What an error may say about the request that failed: the method and the route TEMPLATE. The
 * concrete path is never used, because the deprecated endpoints carry the access token in it.
 */
export interface RequestDescription {
  readonly method: string;
  readonly route: string;
}

export function describeRequest(request: RequestDescription): string {
  return `${request.method} ${request.route}`;
}
