import { DOCUMENTATION_URLS } from "./documentation-urls.js";

/** One entry of a GitHub `validation-error` body. */
export interface ValidationProblem {
  resource: string;
  field?: string;
  code: string;
  message?: string;
}

/**
 * An error response with a GitHub-shaped JSON body; thrown by handlers, rendered by the server.
 * Not an Error subclass on purpose: it is control flow, and capturing a stack trace for every 404
 * would cost more than the rest of the request.
 */
export class ApiError {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {}
}

export function notFound(documentationUrl: string = DOCUMENTATION_URLS.root): ApiError {
  return new ApiError(404, { message: "Not Found", documentation_url: documentationUrl });
}

export function requiresAuthentication(documentationUrl: string): ApiError {
  return new ApiError(401, { message: "Requires authentication", documentation_url: documentationUrl });
}

export function validationFailed(documentationUrl: string, errors: ValidationProblem[]): ApiError {
  return new ApiError(422, { message: "Validation Failed", errors, documentation_url: documentationUrl });
}

export function problemsParsingJson(documentationUrl: string): ApiError {
  return new ApiError(400, { message: "Problems parsing JSON", documentation_url: documentationUrl });
}

export function bodyNotAnObject(documentationUrl: string): ApiError {
  return new ApiError(400, { message: "Body should be a JSON object", documentation_url: documentationUrl });
}

export function payloadTooLarge(documentationUrl: string): ApiError {
  return new ApiError(413, { message: "Payload too large", documentation_url: documentationUrl });
}
