import type { z } from "zod";
import { ResponseShapeError, type ShapeIssue } from "../errors.js";
import type { ApiResponse } from "./request.js";
import { headerValue } from "./response-headers.js";
import type { Route } from "./route.js";

/** Parses a 2xx JSON body with a compiled schema; a mismatch is a ResponseShapeError naming paths only. */
export function parseResponse<Schema extends z.ZodType>(
  schema: Schema,
  route: Route,
  response: ApiResponse,
): z.output<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw shapeError(route, response, [{ path: "(body)", message: "is not valid JSON" }]);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  throw shapeError(
    route,
    response,
    result.error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.join(".") : "(body)",
      message: issue.message,
    })),
  );
}

function shapeError(route: Route, response: ApiResponse, issues: ShapeIssue[]): ResponseShapeError {
  return new ResponseShapeError(
    route,
    response.status,
    headerValue(response.headers, "x-github-request-id"),
    issues,
    response.redactor,
  );
}
