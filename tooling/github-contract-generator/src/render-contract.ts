import type { ContractData } from "./read-catalogue.ts";

const list = (values: readonly string[]) => `[${values.map((value) => JSON.stringify(value)).join(", ")}]`;
const comment = (text: string) => text.replaceAll("*/", "*\\/").replace(/\s+/g, " ").trim();

/** The TypeScript module `packages/github-contract/src/generated/contract.ts`, formatted as biome would. */
export function renderContract(data: ContractData, openapiVersion: string): string {
  const permissions = data.permissions.flatMap((entry) => {
    const only = entry.versions.length < data.versions.length ? ` Only in ${entry.versions.join(", ")}.` : "";
    return [
      `  /** ${comment(entry.description)}${only} */`,
      `  ${entry.name}: {`,
      `    levels: ${list(entry.levels)},`,
      `    versions: ${list(entry.versions)},`,
      "  },",
    ];
  });
  return [
    `// Generated from @octokit/openapi ${openapiVersion} by @ghes-oauth/github-contract-generator: do not edit.`,
    "// Regenerate with `pnpm --filter @ghes-oauth/github-contract-generator generate`.",
    "",
    "/** The @octokit/openapi release this module was generated from. */",
    `export const OPENAPI_PACKAGE_VERSION = ${JSON.stringify(openapiVersion)};`,
    "",
    "/** The API descriptions read: GHES releases oldest first, then github.com. */",
    `export const API_VERSIONS = ${list(data.versions)} as const;`,
    "",
    "/**",
    " * Every permission a scoped token can ask for in some version (`app-permissions` of",
    ' * "Create a scoped access token"): its allowed levels and the versions that have it.',
    " */",
    "export const PERMISSIONS = {",
    ...permissions,
    "} as const;",
    "",
    "/** `repository_selection` of a scoped installation. */",
    `export const REPOSITORY_SELECTIONS = ${list(data.repositorySelections)} as const;`,
    "",
  ].join("\n");
}
