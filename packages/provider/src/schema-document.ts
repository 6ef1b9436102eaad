import { PERMISSION_NAMES } from "@ghes-oauth/client/schemas";
import {
  OBJECT_TYPE_CONTRACTS,
  type PropertySpec,
  providerContract,
  RESOURCE_CONTRACTS,
  type ResourceContract,
  stateProperties,
} from "@ghes-oauth/pulumi/contract";
import { PACKAGE_METADATA, pluginDownloadURL } from "./package-metadata.js";

type SchemaProperty = Record<string, unknown>;

/** A permission map's description, plus the names the catalogue knows (SDKs show them in doc comments). */
function permissionNamesNote(): string {
  return ` Permission names: ${PERMISSION_NAMES.map((name) => `\`${name}\``).join(", ")}.`;
}

function schemaProperty(spec: PropertySpec, description = spec.description): SchemaProperty {
  return {
    ...spec.type,
    ...(spec.secret ? { secret: true } : {}),
    description: spec.permissionMap ? `${description}${permissionNamesNote()}` : description,
    ...(spec.defaultFromEnv ? { defaultInfo: { environment: [...spec.defaultFromEnv] } } : {}),
  };
}

function properties(entries: [string, PropertySpec][]): Record<string, SchemaProperty> {
  return Object.fromEntries(entries.map(([name, spec]) => [name, schemaProperty(spec)]));
}

function required(entries: [string, PropertySpec][]): string[] {
  return entries.filter(([, spec]) => spec.required === true).map(([name]) => name);
}

function resourceSchema(contract: ResourceContract) {
  const inputs = Object.entries(contract.inputs) as [string, PropertySpec][];
  const state = stateProperties(contract);
  return {
    description: contract.description,
    inputProperties: properties(inputs),
    requiredInputs: required(inputs),
    properties: properties(state),
    required: required(state),
  };
}

/** schema.json as the resource contracts and the package metadata define it. */
export function schemaDocument() {
  const { name, displayName, version, description, keywords, license, publisher, meta, language } =
    PACKAGE_METADATA;
  const settings = Object.entries(providerContract.inputs);
  return {
    name,
    displayName,
    version,
    pluginDownloadURL: pluginDownloadURL(),
    description,
    keywords,
    license,
    publisher,
    meta,
    config: {
      variables: Object.fromEntries(
        settings.map(([setting, spec]) => [
          setting,
          schemaProperty({ ...spec, defaultFromEnv: undefined }, spec.configDescription),
        ]),
      ),
    },
    provider: {
      description: providerContract.description,
      inputProperties: properties(settings),
    },
    types: Object.fromEntries(
      OBJECT_TYPE_CONTRACTS.map((type) => {
        const entries = Object.entries(type.properties) as [string, PropertySpec][];
        return [
          type.token,
          {
            type: "object",
            description: type.description,
            properties: properties(entries),
            required: required(entries),
          },
        ];
      }),
    ),
    resources: Object.fromEntries(
      RESOURCE_CONTRACTS.map((contract) => [contract.token, resourceSchema(contract)]),
    ),
    language,
  };
}

/** The text `generate` writes to schema.json. */
export function schemaDocumentText(): string {
  return `${JSON.stringify(schemaDocument(), null, 2)}\n`;
}
