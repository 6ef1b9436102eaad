import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import { dereference, type Json, loadDescription, resolvePointer } from "./openapi-description.ts";

// ajv-formats is CommonJS whose typings describe an ES default export: require() gives the plugin itself.
const addFormats = createRequire(import.meta.url)("ajv-formats") as (ajv: Ajv) => Ajv;

/** Validators for one operation's request body and response bodies, $refs resolved. */
export interface OperationContract {
  /** Upper case, e.g. `POST`. */
  method: string;
  /** The path template, e.g. `/applications/{client_id}/token`. */
  path: string;
  request: ValidateFunction | undefined;
  /** Per documented status; undefined = no body documented (e.g. 204). */
  responses: Map<number, ValidateFunction | undefined>;
}

/** Validators for the operations of one of GitHub's OpenAPI descriptions, by operationId. */
export class OpenApiContract {
  readonly version: string;
  readonly file: string;
  readonly #spec: Json;
  readonly #ajv: Ajv;
  readonly #operations = new Map<string, OperationContract>();

  /** `version`: `ghes-3.19`, `api.github.com`... (see availableApiVersions). */
  constructor(version: string) {
    const description = loadDescription(version);
    this.version = version;
    this.file = description.file;
    this.#spec = description.spec;
    // OpenAPI 3.0 schemas carry keywords JSON Schema lacks (example...): not strict. Ajv knows `nullable`.
    this.#ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.#ajv);
    this.#ajv.addFormat("int64", true);
  }

  operation(operationId: string): OperationContract {
    const cached = this.#operations.get(operationId);
    if (cached) return cached;
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
        const contract: OperationContract = {
          method: method.toUpperCase(),
          path,
          request: requestSchema ? this.#ajv.compile(requestSchema) : undefined,
          responses,
        };
        this.#operations.set(operationId, contract);
        return contract;
      }
    }
    throw new Error(`operation ${operationId} is not in ${this.version}`);
  }

  /** The statuses the operation documents, as strings (`"200"`, `"422"`). */
  statuses(operationId: string): string[] {
    return [...this.operation(operationId).responses.keys()].map(String);
  }

  /** A validator for the JSON response of `status`, or null when the description gives no body for it. */
  responseValidator(operationId: string, status: number): ValidateFunction | null {
    const responses = this.operation(operationId).responses;
    if (!responses.has(status)) throw new Error(`${operationId} documents no ${status} response`);
    return responses.get(status) ?? null;
  }

  requestValidator(operationId: string): ValidateFunction {
    const request = this.operation(operationId).request;
    if (!request) throw new Error(`${operationId} documents no JSON request body`);
    return request;
  }

  /** The HTTP method and path template, e.g. `post /applications/{client_id}/token`. */
  route(operationId: string): string {
    const { method, path } = this.operation(operationId);
    return `${method.toLowerCase()} ${path}`;
  }

  /** A component schema with its $refs resolved, e.g. `schema("authorization")`. */
  schema(name: string): Json {
    return dereference(this.#spec, resolvePointer(this.#spec, `#/components/schemas/${name}`)) as Json;
  }

  #jsonSchemaOf(holder: unknown): Json | undefined {
    let resolved = holder as Json | undefined;
    while (resolved && typeof resolved.$ref === "string") {
      resolved = resolvePointer(this.#spec, resolved.$ref) as Json;
    }
    const media = (resolved?.content as Json | undefined)?.["application/json"] as Json | undefined;
    return media?.schema ? (dereference(this.#spec, media.schema) as Json) : undefined;
  }
}
