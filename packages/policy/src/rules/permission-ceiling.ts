import { closestName, isPermissionName, PERMISSION_NAMES } from "@ghes-oauth/client/schemas";
import { configReader } from "./config-error.js";
import { isUnknown, quote, type ScopeRequest, type Violation, violation } from "./model.js";

const POLICY = "ghes-oauth-permission-ceiling";

/** A ceiling level: `none` refuses the permission, the others are GitHub's levels, lowest first. */
export const CEILING_LEVELS = ["none", "read", "write", "admin"] as const;
export type CeilingLevel = (typeof CEILING_LEVELS)[number];

export interface PermissionCeilingConfig {
  /** The highest level per permission name. */
  readonly ceiling: Readonly<Record<string, CeilingLevel>>;
  /** The highest level of every permission `ceiling` does not name. Default `"write"`. */
  readonly otherPermissions: CeilingLevel;
  /** Permissions refused at any level. */
  readonly deny: readonly string[];
}

const rank = (level: string) => (CEILING_LEVELS as readonly string[]).indexOf(level);

/** A name of the catalogue, or a config error with the catalogue's "did you mean". */
function knownName(read: ReturnType<typeof configReader>, key: string, name: string): string {
  if (isPermissionName(name)) return name;
  const suggestion = closestName(name, PERMISSION_NAMES);
  return read.fail(
    key,
    `unknown permission "${name}"; ${suggestion ? `did you mean "${suggestion}"?` : `known permissions: ${PERMISSION_NAMES.join(", ")}`}`,
  );
}

export function parsePermissionCeilingConfig(
  raw: Readonly<Record<string, unknown>>,
): PermissionCeilingConfig {
  const read = configReader(POLICY, raw);
  const ceiling: Record<string, CeilingLevel> = {};
  for (const [name, level] of Object.entries(read.record("ceiling") ?? {})) {
    knownName(read, "ceiling", name);
    if (typeof level !== "string" || rank(level) < 0)
      read.fail(`ceiling.${name}`, `must be one of ${CEILING_LEVELS.map(quote).join(", ")}`);
    ceiling[name] = level as CeilingLevel;
  }
  const deny = read.stringList("deny") ?? [];
  for (const name of deny) knownName(read, "deny", name);
  return { ceiling, otherPermissions: read.oneOf("otherPermissions", CEILING_LEVELS) ?? "write", deny };
}

/** A permission above its ceiling, or a denied one. Unknown levels and names are the resource's to refuse. */
export function checkPermissionCeiling(config: PermissionCeilingConfig, scope: ScopeRequest): Violation[] {
  const { permissions } = scope;
  if (permissions === undefined || isUnknown(permissions)) return [];
  const violations: Violation[] = [];
  for (const [name, level] of Object.entries(permissions)) {
    if (typeof level !== "string" || rank(level) < 1) continue;
    const property = `${scope.propertyPrefix}permissions.${name}`;
    if (config.deny.includes(name)) {
      violations.push(
        violation(
          POLICY,
          scope.subject,
          property,
          `asks for "${name}", which the policy denies (deny); remove it`,
        ),
      );
      continue;
    }
    const own = Object.hasOwn(config.ceiling, name);
    const limit = own ? (config.ceiling[name] as CeilingLevel) : config.otherPermissions;
    if (rank(level) <= rank(limit)) continue;
    const source = own
      ? `its ceiling "${limit}" (ceiling.${name})`
      : `the ceiling "${limit}" of permissions without their own (otherPermissions)`;
    const fix = limit === "none" ? "remove it" : `ask for "${limit}" or less`;
    violations.push(
      violation(
        POLICY,
        scope.subject,
        property,
        `is "${level}", above ${source}; ${fix}, or ask the security team to raise the ceiling`,
      ),
    );
  }
  return violations;
}
