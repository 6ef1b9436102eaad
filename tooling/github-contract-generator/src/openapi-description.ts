import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export type Json = Record<string, unknown>;

/** One of GitHub's OpenAPI descriptions: `ghes-3.N` or `api.github.com`. */
export interface OpenApiDescription {
  version: string;
  file: string;
  spec: Json;
}

const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve("@octokit/openapi/package.json"));
const generated = join(packageRoot, "generated");

/** The installed @octokit/openapi release the descriptions come from. */
export function openapiPackageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * Every GHES release the installed package describes (oldest first), then api.github.com. GHEC is left
 * out: its token API is github.com's.
 */
export function availableApiVersions(): string[] {
  const ghes = readdirSync(generated)
    .map((name) => /^ghes-(\d+)\.(\d+)\.json$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]) || Number(a[2]) - Number(b[2]))
    .map((match) => `ghes-${match[1]}.${match[2]}`);
  return [...ghes, "api.github.com"];
}

const loaded = new Map<string, OpenApiDescription>();

/**
 * Loads `generated/<version>.json`. The package also ships `.deref.json` copies, but those are six times
 * larger (60-70 MB each) and lack `components`, which the catalogue is read from; $refs are resolved
 * on demand instead (see OpenApiContract).
 */
export function loadDescription(version: string): OpenApiDescription {
  let description = loaded.get(version);
  if (!description) {
    const file = join(generated, `${version}.json`);
    description = { version, file, spec: JSON.parse(readFileSync(file, "utf8")) as Json };
    loaded.set(version, description);
  }
  return description;
}

/** The value at a local JSON pointer (`#/components/schemas/app-permissions`). */
export function resolvePointer(spec: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`external $ref ${ref}`);
  let node: unknown = spec;
  for (const segment of ref.slice(2).split("/")) {
    node = (node as Json | undefined)?.[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  if (node === undefined) throw new Error(`$ref ${ref} points at nothing`);
  return node;
}

/** `value` with every $ref replaced by what it points at (the schemas involved have no cycles). */
export function dereference(spec: Json, value: unknown, depth = 0): unknown {
  if (depth > 60) throw new Error("$ref nesting too deep (cycle?)");
  if (Array.isArray(value)) return value.map((item) => dereference(spec, item, depth + 1));
  if (value && typeof value === "object") {
    if ("$ref" in value && typeof value.$ref === "string") {
      return dereference(spec, resolvePointer(spec, value.$ref), depth + 1);
    }
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, dereference(spec, item, depth + 1)]),
    );
  }
  return value;
}
