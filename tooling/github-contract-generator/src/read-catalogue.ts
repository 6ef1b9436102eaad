import { type Json, loadDescription, resolvePointer } from "./openapi-description.ts";

/** One permission of `app-permissions`, merged over the API versions that have it. */
export interface PermissionEntry {
  name: string;
  levels: string[];
  /** The versions whose `app-permissions` has it, in the order read. */
  versions: string[];
  /** The newest version's description. */
  description: string;
}

export interface ContractData {
  versions: string[];
  permissions: PermissionEntry[];
  repositorySelections: string[];
}

const SCOPE_TOKEN_PATH = "/applications/{client_id}/token/scoped";

/** The permissions "Create a scoped access token" accepts in `version`: name -> levels, description. */
function permissionsOf(spec: Json, version: string): Map<string, { levels: string[]; description: string }> {
  const operation = resolvePointer(spec, `#/paths/${SCOPE_TOKEN_PATH.replaceAll("/", "~1")}/post`) as Json;
  const body = (operation.requestBody as Json).content as Json;
  const permissions = ((body["application/json"] as Json).schema as Json).properties as Json;
  const ref = (permissions.permissions as Json).$ref;
  if (ref !== "#/components/schemas/app-permissions") {
    throw new Error(`${version}: scope-token's permissions are no longer app-permissions (${String(ref)})`);
  }
  const schema = resolvePointer(spec, ref) as { properties: Record<string, Json> };
  const result = new Map<string, { levels: string[]; description: string }>();
  for (const [name, property] of Object.entries(schema.properties)) {
    const levels = property.enum;
    if (property.type !== "string" || !Array.isArray(levels) || levels.length === 0) {
      throw new Error(`${version}: app-permissions.${name} is not a string enum`);
    }
    result.set(name, { levels: levels.map(String), description: String(property.description ?? "") });
  }
  return result;
}

function repositorySelectionsOf(spec: Json, version: string): string[] {
  const installation = resolvePointer(spec, "#/components/schemas/nullable-scoped-installation") as Json;
  const selection = (installation.properties as Json).repository_selection as Json;
  if (!Array.isArray(selection.enum)) throw new Error(`${version}: repository_selection is not an enum`);
  return selection.enum.map(String);
}

/**
 * Reads the contract out of the descriptions of `versions`. A permission whose levels differ between
 * versions stops the generator: the contract keeps one level list per name, and such a change needs a
 * decision (accept the union? per version?) rather than a silent pick.
 */
export function readContractData(versions: readonly string[]): ContractData {
  const entries = new Map<string, PermissionEntry>();
  let repositorySelections: string[] | undefined;
  for (const version of versions) {
    const { spec } = loadDescription(version);
    for (const [name, { levels, description }] of permissionsOf(spec, version)) {
      const entry = entries.get(name);
      if (!entry) {
        entries.set(name, { name, levels, versions: [version], description });
        continue;
      }
      if (entry.levels.join() !== levels.join()) {
        throw new Error(
          `${name} allows ${entry.levels.join("/")} in ${entry.versions.join(", ")} but ${levels.join("/")} in ${version}`,
        );
      }
      entry.versions.push(version);
      if (description) entry.description = description;
    }
    const selections = repositorySelectionsOf(spec, version);
    if (repositorySelections && repositorySelections.join() !== selections.join()) {
      throw new Error(`repository_selection differs in ${version}: ${selections.join(", ")}`);
    }
    repositorySelections = selections;
  }
  const permissions = [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { versions: [...versions], permissions, repositorySelections: repositorySelections ?? [] };
}
