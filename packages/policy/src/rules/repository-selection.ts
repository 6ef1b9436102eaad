import { configReader } from "./config-error.js";
import { isUnknown, type ScopeRequest, type Violation, violation } from "./model.js";

const POLICY = "ghes-oauth-repository-selection";

export interface RepositorySelectionConfig {
  /** Allow tokens on every repository of the installation. Default false. */
  readonly allowAll: boolean;
  /** The most repositories one token may list; none: no maximum. */
  readonly maxRepositories?: number;
}

export function parseRepositorySelectionConfig(
  raw: Readonly<Record<string, unknown>>,
): RepositorySelectionConfig {
  const read = configReader(POLICY, raw);
  const maxRepositories = read.count("maxRepositories");
  return {
    allowAll: read.boolean("allowAll") ?? false,
    ...(maxRepositories !== undefined && { maxRepositories }),
  };
}

/** A token on all repositories (unless allowed), or on more than the maximum. */
export function checkRepositorySelection(
  config: RepositorySelectionConfig,
  scope: ScopeRequest,
): Violation[] {
  const byName = scope.repositories !== undefined;
  const list = byName ? scope.repositories : scope.repositoryIds;
  const property = `${scope.propertyPrefix}${byName ? "repositories" : "repositoryIds"}`;
  if (list === undefined) {
    if (config.allowAll) return [];
    return [
      violation(
        POLICY,
        scope.subject,
        `${scope.propertyPrefix}repositories`,
        "is not set, so the token reaches every repository of the installation, which the policy refuses (allowAll: false); list the repositories it needs in repositories or repositoryIds",
      ),
    ];
  }
  if (isUnknown(list) || config.maxRepositories === undefined || list.length <= config.maxRepositories)
    return [];
  return [
    violation(
      POLICY,
      scope.subject,
      property,
      `lists ${list.length} repositories, more than the maximum ${config.maxRepositories} (maxRepositories); split it into tokens of at most ${config.maxRepositories} repositories, or ask the security team to raise maxRepositories`,
    ),
  ];
}
