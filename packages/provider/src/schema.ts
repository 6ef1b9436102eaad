import { readFileSync } from "node:fs";

/** schema.json, as `pulumi package get-schema` returns it and as the SDKs were generated from. */
export const schemaText: string = readFileSync(new URL("../schema.json", import.meta.url), "utf8");

interface PropertySpec {
  secret?: boolean;
}

interface PackageSchema {
  version: string;
  resources: Record<string, { properties: Record<string, PropertySpec> }>;
}

const schema = JSON.parse(schemaText) as PackageSchema;

/** The provider's version: the schema's, which the SDKs ask the engine for. */
export const providerVersion: string = schema.version;

/** The resource types the schema declares, e.g. `ghes-oauth:index:ScopedToken`. */
export const resourceTypes: readonly string[] = Object.keys(schema.resources);

/** The output properties the schema marks secret for `type`: the provider marks them secret in state. */
export function secretOutputsOf(type: string): string[] {
  const properties = schema.resources[type]?.properties ?? {};
  return Object.entries(properties)
    .filter(([, spec]) => spec.secret === true)
    .map(([name]) => name);
}
