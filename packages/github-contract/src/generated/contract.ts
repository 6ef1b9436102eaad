// Generated from @octokit/openapi 23.0.2 by @ghes-oauth/github-contract-generator: do not edit.
// Regenerate with `pnpm --filter @ghes-oauth/github-contract-generator generate`.

/** The @octokit/openapi release this module was generated from. */
export const OPENAPI_PACKAGE_VERSION = "23.0.2";

/** The API descriptions read: GHES releases oldest first, then github.com. */
export const API_VERSIONS = ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"] as const;

/**
 * Every permission a scoped token can ask for in some version (`app-permissions` of
 * "Create a scoped access token"): its allowed levels and the versions that have it.
 */
export const PERMISSIONS = {
  /** The level of permission to grant the access token for GitHub Actions workflows, workflow runs, and artifacts. */
  actions: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for repository creation, deletion, settings, teams, and collaborators creation. */
  administration: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to create and retrieve build artifact metadata records. */
  artifact_metadata: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to create and retrieve the access token for repository attestations. */
  attestations: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for checks on code. */
  checks: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and manage code quality data. */
  code_quality: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to create, edit, delete, and list Codespaces. */
  codespaces: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for repository contents, commits, branches, downloads, releases, and merges. */
  contents: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and edit custom properties for an organization, when allowed by the property. Only in api.github.com. */
  custom_properties_for_organizations: {
    levels: ["read", "write"],
    versions: ["api.github.com"],
  },
  /** The level of permission to grant the access token to manage Dependabot secrets. */
  dependabot_secrets: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for deployments and deployment statuses. */
  deployments: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for discussions and related comments and labels. */
  discussions: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage the email addresses belonging to a user. */
  email_addresses: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to administer an enterprise account. Only in ghes-3.17, ghes-3.18, ghes-3.19. */
  enterprise_administration: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19"],
  },
  /** The level of permission to grant the access token for repository custom properties management at the enterprise level. Only in ghes-3.17, ghes-3.18, ghes-3.19. */
  enterprise_custom_properties: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19"],
  },
  /** The level of permission to grant the access token for organization custom properties management at the enterprise level. Only in api.github.com. */
  enterprise_custom_properties_for_organizations: {
    levels: ["read", "write", "admin"],
    versions: ["api.github.com"],
  },
  /** The level of permission to grant the access token to manage repository access of GitHub Apps on Enterprise-owned organizations. Only in ghes-3.19. */
  enterprise_organization_installation_repositories: {
    levels: ["read", "write"],
    versions: ["ghes-3.19"],
  },
  /** The level of permission to grant the access token to manage installation of GitHub Apps on Enterprise-owned organizations. Only in ghes-3.19. */
  enterprise_organization_installations: {
    levels: ["read", "write"],
    versions: ["ghes-3.19"],
  },
  /** The level of permission to grant the access token for managing repository environments. */
  environments: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage the followers belonging to a user. */
  followers: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage git SSH keys. */
  git_ssh_keys: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and manage GPG keys belonging to a user. */
  gpg_keys: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and manage interaction limits on a repository. */
  interaction_limits: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for issues and related comments, assignees, labels, and milestones. */
  issues: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for organization teams and members. */
  members: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage the merge queues for a repository. */
  merge_queues: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to search repositories, list collaborators, and access repository metadata. */
  metadata: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage access to an organization. */
  organization_administration: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and manage announcement banners for an organization. */
  organization_announcement_banners: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and manage Copilot cloud agent settings for an organization. */
  organization_copilot_agent_settings: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for managing access to GitHub Copilot for members of an organization with a Copilot Business subscription. This property is in public preview and is subject to change. */
  organization_copilot_seat_management: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for custom organization roles management. */
  organization_custom_org_roles: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for repository custom properties management at the organization level. */
  organization_custom_properties: {
    levels: ["read", "write", "admin"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for custom repository roles management. */
  organization_custom_roles: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view events triggered by an activity in an organization. */
  organization_events: {
    levels: ["read"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage the post-receive hooks for an organization. */
  organization_hooks: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for organization packages published to GitHub Packages. */
  organization_packages: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for viewing and managing fine-grained personal access tokens that have been approved by an organization. */
  organization_personal_access_token_requests: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for viewing and managing fine-grained personal access token requests to an organization. */
  organization_personal_access_tokens: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for viewing an organization's plan. */
  organization_plan: {
    levels: ["read"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage organization projects and projects public preview (where available). */
  organization_projects: {
    levels: ["read", "write", "admin"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage organization secrets. */
  organization_secrets: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and manage GitHub Actions self-hosted runners available to an organization. */
  organization_self_hosted_runners: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and manage users blocked by the organization. */
  organization_user_blocking: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for packages published to GitHub Packages. */
  packages: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to retrieve Pages statuses, configuration, and builds, as well as create new builds. */
  pages: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage the profile settings belonging to a user. */
  profile: {
    levels: ["write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for pull requests and related comments, assignees, labels, milestones, and merges. */
  pull_requests: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and edit custom properties for a repository, when allowed by the property. */
  repository_custom_properties: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage the post-receive hooks for a repository. */
  repository_hooks: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage repository projects, columns, and cards. */
  repository_projects: {
    levels: ["read", "write", "admin"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and manage secret scanning alerts. */
  secret_scanning_alerts: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage repository secrets. */
  secrets: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to view and manage security events like code scanning alerts. */
  security_events: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage just a single file. */
  single_file: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to list and manage repositories a user is starring. */
  starring: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token for commit statuses. */
  statuses: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to manage Dependabot alerts. */
  vulnerability_alerts: {
    levels: ["read", "write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
  /** The level of permission to grant the access token to update GitHub Actions workflow files. */
  workflows: {
    levels: ["write"],
    versions: ["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"],
  },
} as const;

/** `repository_selection` of a scoped installation. */
export const REPOSITORY_SELECTIONS = ["all", "selected"] as const;
