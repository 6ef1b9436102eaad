import { checkAllowedTargets } from "./allowed-targets.js";
import type { ScopeRequest, Violation } from "./model.js";
import { checkPermissionCeiling } from "./permission-ceiling.js";
import type { PolicyConfig } from "./policy-config.js";
import { checkRepositorySelection } from "./repository-selection.js";

/** The violations of one scope request, split by enforcement level (disabled policies are skipped). */
export interface ScopeJudgement {
  readonly mandatory: readonly Violation[];
  readonly advisory: readonly Violation[];
}

/**
 * Judges one scope request by the policies that apply to a single token: allowed targets, permission
 * ceiling, repository selection. The CLI's `scope --policy` and the pack use the same rules.
 */
export function judgeScopeRequest(config: PolicyConfig, scope: ScopeRequest): ScopeJudgement {
  const { levels, settings } = config;
  const found: [string, Violation[]][] = [
    ["ghes-oauth-allowed-targets", checkAllowedTargets(settings["ghes-oauth-allowed-targets"], scope)],
    [
      "ghes-oauth-permission-ceiling",
      checkPermissionCeiling(settings["ghes-oauth-permission-ceiling"], scope),
    ],
    [
      "ghes-oauth-repository-selection",
      checkRepositorySelection(settings["ghes-oauth-repository-selection"], scope),
    ],
  ];
  const at = (level: string) =>
    found.filter(([name]) => levels[name as keyof typeof levels] === level).flatMap(([, list]) => list);
  return { mandatory: at("mandatory"), advisory: at("advisory") };
}
