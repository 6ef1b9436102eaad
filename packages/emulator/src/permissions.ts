/**
 * The scoped-token permission catalogue of GitHub's "Create a scoped access token" endpoint:
 * every permission name with the levels it accepts, in the order GitHub documents them.
 */
export const PERMISSION_LEVELS = {
  actions: ["read", "write"],
  administration: ["read", "write"],
  checks: ["read", "write"],
  contents: ["read", "write"],
  deployments: ["read", "write"],
  environments: ["read", "write"],
  issues: ["read", "write"],
  metadata: ["read", "write"],
  packages: ["read", "write"],
  pages: ["read", "write"],
  pull_requests: ["read", "write"],
  repository_hooks: ["read", "write"],
  repository_projects: ["read", "write", "admin"],
  secret_scanning_alerts: ["read", "write"],
  secrets: ["read", "write"],
  security_events: ["read", "write"],
  single_file: ["read", "write"],
  statuses: ["read", "write"],
  vulnerability_alerts: ["read", "write"],
  workflows: ["write"],
  members: ["read", "write"],
  organization_administration: ["read", "write"],
  organization_hooks: ["read", "write"],
  organization_plan: ["read"],
  organization_projects: ["read", "write", "admin"],
  organization_packages: ["read", "write"],
  organization_secrets: ["read", "write"],
  organization_self_hosted_runners: ["read", "write"],
  organization_user_blocking: ["read", "write"],
  team_discussions: ["read", "write"],
  content_references: ["read", "write"],
} as const satisfies Record<string, readonly PermissionLevel[]>;

export type PermissionLevel = "read" | "write" | "admin";
export type PermissionName = keyof typeof PERMISSION_LEVELS;
/** A set of granted permissions, e.g. `{ contents: "read", issues: "write" }`. */
export type PermissionSet = Partial<Record<PermissionName, PermissionLevel>>;

export const PERMISSION_NAMES = Object.keys(PERMISSION_LEVELS) as PermissionName[];

const LEVEL_RANK: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 };

export function isPermissionName(name: string): name is PermissionName {
  return Object.hasOwn(PERMISSION_LEVELS, name);
}

export function isLevelAllowed(name: PermissionName, level: string): level is PermissionLevel {
  return (PERMISSION_LEVELS[name] as readonly string[]).includes(level);
}

/** True when `requested` grants nothing beyond `granted` (a missing permission grants nothing). */
export function isWithin(requested: PermissionLevel, granted: PermissionLevel | undefined): boolean {
  return granted !== undefined && LEVEL_RANK[requested] <= LEVEL_RANK[granted];
}

/** Problems with a permission set, one per offending entry; empty when every name and level is valid. */
export function permissionSetProblems(permissions: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, level] of Object.entries(permissions)) {
    if (!isPermissionName(name)) problems.push(`unknown permission '${name}'`);
    else if (typeof level !== "string" || !isLevelAllowed(name, level))
      problems.push(`'${name}' accepts ${PERMISSION_LEVELS[name].join(", ")}`);
  }
  return problems;
}
