/**
 * The permissions a scoped token can be given (the seed reference, 31 names) and the levels each
 * accepts: `admin` only for the two projects permissions, `workflows` write-only, `organization_plan`
 * read-only.
 */
export const PERMISSION_CATALOGUE = {
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
export type PermissionName = keyof typeof PERMISSION_CATALOGUE;
export type PermissionLevelOf<Name extends PermissionName> = (typeof PERMISSION_CATALOGUE)[Name][number];

export const PERMISSION_NAMES = Object.keys(PERMISSION_CATALOGUE) as PermissionName[];

export function isPermissionName(name: string): name is PermissionName {
  return Object.hasOwn(PERMISSION_CATALOGUE, name);
}
