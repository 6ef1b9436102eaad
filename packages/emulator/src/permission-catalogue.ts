import {
  type ApiVersion,
  DEFAULT_API_VERSION,
  isApiVersion,
  isPermissionName,
  type PermissionName,
  permissionNamesOf,
} from "@ghes-oauth/github-contract";
import { isLevelAllowed, PERMISSION_LEVELS, type PermissionSet } from "./permissions.js";

/** The scoped-token permissions of the API version an emulator serves, as GitHub's description has them. */
export class PermissionCatalogue {
  readonly version: ApiVersion;
  /** The names this version accepts, sorted. */
  readonly names: readonly PermissionName[];
  readonly #names: ReadonlySet<string>;

  constructor(version: string = DEFAULT_API_VERSION) {
    if (!isApiVersion(version)) throw new Error(`unknown API version ${version}`);
    this.version = version;
    this.names = permissionNamesOf(version);
    this.#names = new Set(this.names);
  }

  has(name: string): name is PermissionName {
    return this.#names.has(name);
  }

  /** Every permission of this version at its highest level. */
  highestLevels(): PermissionSet {
    return Object.fromEntries(this.names.map((name) => [name, PERMISSION_LEVELS[name].at(-1)]));
  }

  /** Problems with a permission set, one per offending entry; empty when every name and level is valid. */
  problems(permissions: Record<string, unknown>): string[] {
    const problems: string[] = [];
    for (const [name, level] of Object.entries(permissions)) {
      if (!this.has(name)) {
        const elsewhere = isPermissionName(name) ? ` in ${this.version}` : "";
        problems.push(`unknown permission '${name}'${elsewhere}`);
      } else if (typeof level !== "string" || !isLevelAllowed(name, level)) {
        problems.push(`'${name}' accepts ${PERMISSION_LEVELS[name].join(", ")}`);
      }
    }
    return problems;
  }
}
