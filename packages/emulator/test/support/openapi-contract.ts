import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";

// ajv-formats is CommonJS whose typings describe an ES default export: require() gives the plugin itself.
const addFormats = createRequire(import.meta.url)("ajv-formats") as (ajv: Ajv) => Ajv;

interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}

type Spec = {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
};

/** The newest `ghes-3.x.json` shipped by @octokit/openapi. */
function newestGhesSpec(): { file: string; spec: Spec } {
  const generated = join(
    dirname(createRequire(import.meta.url).resolve("@octokit/openapi/package.json")),
    "generated",
  );
  const versions = readdirSync(generated)
    .map((name) => /^ghes-3\.(\d+)\.json$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  const newest = versions[0];
  if (!newest) throw new Error(`no ghes-3.x.json in ${generated}`);
  const file = join(generated, newest[0]);
  return { file, spec: JSON.parse(readFileSync(file, "utf8")) };
}

const pointerSegment = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/** Validators for operations of GitHub's GHES OpenAPI description, by operationId. */
export class OpenApiContract {
  readonly file: string;
  readonly #spec: Spec;
  readonly #ajv: Ajv;
  readonly #operations = new Map<string, { path: string; method: string; operation: Operation }>();

  constructor() {
    const { file, spec } = newestGhesSpec();
    this.file = file;
    this.#spec = spec;
    // OpenAPI 3.0 schemas carry keywords JSON Schema lacks (example, nullable...): not strict.
    this.#ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.#ajv);
    this.#ajv.addFormat("int64", true);
    this.#ajv.addSchema({ $id: "ghes", paths: spec.paths, components: spec.components });
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (operation && typeof operation === "object" && "operationId" in operation) {
          this.#operations.set(operation.operationId, { path, method, operation });
        }
      }
    }
  }

  #operation(operationId: string) {
    const found = this.#operations.get(operationId);
    if (!found) throw new Error(`${operationId} is not in ${this.file}`);
    return found;
  }

  #validator(pointer: string): ValidateFunction {
    const validate = this.#ajv.getSchema(`ghes#${pointer}`);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    return validate;
  }

  /** The statuses the operation documents. */
  statuses(operationId: string): string[] {
    return Object.keys(this.#operation(operationId).operation.responses);
  }

  /** A validator for the JSON response of `status`, or null when the spec gives no body for it. */
  responseValidator(operationId: string, status: number): ValidateFunction | null {
    const { path, method, operation } = this.#operation(operationId);
    const response = operation.responses[String(status)];
    if (!response) throw new Error(`${operationId} documents no ${status} response`);
    let pointer = `/paths/${pointerSegment(path)}/${method}/responses/${status}`;
    let resolved = response;
    if (response.$ref) {
      pointer = response.$ref.slice(1);
      const name = response.$ref.split("/").pop() ?? "";
      resolved = this.#spec.components.responses?.[name] as typeof response;
    }
    if (!resolved.content?.["application/json"]) return null;
    return this.#validator(`${pointer}/content/application~1json/schema`);
  }

  requestValidator(operationId: string): ValidateFunction {
    const { path, method } = this.#operation(operationId);
    return this.#validator(
      `/paths/${pointerSegment(path)}/${method}/requestBody/content/application~1json/schema`,
    );
  }

  /** The HTTP method and path template of the operation, e.g. `post /applications/{client_id}/token`. */
  route(operationId: string): string {
    const { path, method } = this.#operation(operationId);
    return `${method} ${path}`;
  }
}
