import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

type Json = Record<string, unknown>;

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The newest GHES description shipped by @octokit/openapi (`generated/ghes-3.N.json`). */
export function loadNewestGhesDescription(): { file: string; spec: Json } {
  const directory = join(dirname(require.resolve("@octokit/openapi/package.json")), "generated");
  const files = readdirSync(directory)
    .map((name) => /^ghes-3\.(\d+)\.json$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  const newest = files[0];
  if (!newest) throw new Error(`no ghes-3.*.json in ${directory}`);
  return { file: newest[0], spec: JSON.parse(readFileSync(join(directory, newest[0]), "utf8")) as Json };
}

/** Validators for one operation's request body and response bodies, $refs resolved. */
export interface OperationContract {
  method: string;
  path: string;
  request: ValidateFunction | undefined;
  /** Per documented status; undefined schema = no body documented (e.g. 204). */
  responses: Map<number, ValidateFunction | undefined>;
}

export class OpenApiContract {
  readonly #spec: Json;
  readonly #ajv: Ajv;

  constructor(spec: Json) {
    this.#spec = spec;
    // strict: false tolerates OpenAPI-only keywords such as `example`; `nullable` is built into Ajv.
    this.#ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  }

  operation(operationId: string): OperationContract {
    for (const [path, item] of Object.entries(this.#spec.paths as Json)) {
      for (const [method, operation] of Object.entries(item as Json)) {
        const op = operation as Json;
        if (op.operationId !== operationId) continue;
        const requestSchema = this.#jsonSchemaOf(op.requestBody);
        const responses = new Map<number, ValidateFunction | undefined>();
        for (const [status, response] of Object.entries(op.responses as Json)) {
          const schema = this.#jsonSchemaOf(response);
          responses.set(Number(status), schema ? this.#ajv.compile(schema) : undefined);
        }
        return {
          method: method.toUpperCase(),
          path,
          request: requestSchema ? this.#ajv.compile(requestSchema) : undefined,
          responses,
        };
      }
    }
    throw new Error(`operation ${operationId} is not in the description`);
  }

  #jsonSchemaOf(holder: unknown): Json | undefined {
    const resolved = this.#resolve(holder) as Json | undefined;
    const content = resolved?.content as Json | undefined;
    const media = content?.["application/json"] as Json | undefined;
    return media?.schema ? (this.#deref(media.schema, 0) as Json) : undefined;
  }

  #resolve(value: unknown): unknown {
    if (value && typeof value === "object" && "$ref" in value && typeof value.$ref === "string") {
      return this.#resolve(this.#pointer(value.$ref));
    }
    return value;
  }

  #pointer(ref: string): unknown {
    if (!ref.startsWith("#/")) throw new Error(`external $ref ${ref}`);
    let node: unknown = this.#spec;
    for (const segment of ref.slice(2).split("/")) {
      node = (node as Json)[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    return node;
  }

  #deref(value: unknown, depth: number): unknown {
    if (depth > 40) throw new Error("$ref nesting too deep (cycle?)");
    if (Array.isArray(value)) return value.map((item) => this.#deref(item, depth + 1));
    if (value && typeof value === "object") {
      if ("$ref" in value && typeof value.$ref === "string")
        return this.#deref(this.#pointer(value.$ref), depth + 1);
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, this.#deref(item, depth + 1)]),
      );
    }
    return value;
  }
}
