import type { z } from "zod";
import { ResponseShapeError, type ShapeIssue } from "../errors.js";
import { compileGuard, type Guard } from "../schemas/compile-guard.js";
import type { ApiResponse } from "./request.js";
import { headerValue } from "./response-headers.js";
import type { Route } from "./route.js";

const guards = new WeakMap<z.ZodType, Guard | undefined>();

function guardOf(schema: z.ZodType): Guard | undefined {
  if (!guards.has(schema)) guards.set(schema, compileGuard(schema));
  return guards.get(schema);
}

/**
 * Parses a 2xx JSON body with a compiled schema; a mismatch is a ResponseShapeError naming paths only.
 * A body the schema's guard accepts is returned as parsed (zod would return an equal copy): the
 * copy and zod's bookkeeping were the larger part of the client's own CPU per call.
 */
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
  if (guardOf(schema)?.(json)) return json as z.output<Schema>;
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
