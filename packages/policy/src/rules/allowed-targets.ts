import { configReader } from "./config-error.js";
import { isUnknown, quote, type ScopeRequest, type Violation, violation } from "./model.js";

const POLICY = "ghes-oauth-allowed-targets";

/** The accounts tokens may be scoped to, by login and/or by ID; neither: any account. */
export interface AllowedTargetsConfig {
  readonly targets?: readonly string[];
  readonly targetIds?: readonly number[];
}

export function parseAllowedTargetsConfig(raw: Readonly<Record<string, unknown>>): AllowedTargetsConfig {
  const read = configReader(POLICY, raw);
  const targets = read.stringList("targets");
  const targetIds = read.idList("targetIds");
  return { ...(targets && { targets }), ...(targetIds && { targetIds }) };
}

/** A token scoped to an account outside `targets`/`targetIds`. */
export function checkAllowedTargets(config: AllowedTargetsConfig, scope: ScopeRequest): Violation[] {
  const { targets, targetIds } = config;
  if (targets === undefined && targetIds === undefined) return [];
  const allowed = [...(targets ?? []).map(quote), ...(targetIds ?? []).map(String)].join(", ");
  const fix = `scope it to one of the allowed accounts (${allowed}), or ask the security team to add it to targets/targetIds`;
  const report = (property: string, text: string) => [
    violation(POLICY, scope.subject, `${scope.propertyPrefix}${property}`, text),
  ];
  if (scope.target !== undefined && !isUnknown(scope.target)) {
    const login = String(scope.target);
    if (targets === undefined)
      return report(
        "target",
        `names the account by login, but the allowed accounts are listed only by ID (targetIds); use targetId, or ${fix}`,
      );
    if (!targets.some((allowedLogin) => allowedLogin.toLowerCase() === login.toLowerCase()))
      return report("target", `is ${quote(login)}, not an allowed account; ${fix}`);
  } else if (scope.targetId !== undefined && !isUnknown(scope.targetId)) {
    const id = Number(scope.targetId);
    if (targetIds === undefined)
      return report(
        "targetId",
        `names the account by ID, but the allowed accounts are listed only by login (targets); use target, or ${fix}`,
      );
    if (!targetIds.includes(id)) return report("targetId", `is ${id}, not an allowed account; ${fix}`);
  }
  return [];
}
