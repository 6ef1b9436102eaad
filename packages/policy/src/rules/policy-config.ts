import { type AllowedTargetsConfig, parseAllowedTargetsConfig } from "./allowed-targets.js";
import { PolicyConfigError } from "./config-error.js";
import { type PermissionCeilingConfig, parsePermissionCeilingConfig } from "./permission-ceiling.js";
import {
  DEFAULT_ENFORCEMENT,
  ENFORCEMENT_LEVELS,
  type EnforcementLevel,
  POLICY_NAMES,
  type PolicyName,
} from "./policy-names.js";
import { parseRenewalWindowConfig, type RenewalWindowConfig } from "./renewal-window.js";
import { parseRepositorySelectionConfig, type RepositorySelectionConfig } from "./repository-selection.js";
import { parseRevokeOnDeleteConfig, type RevokeOnDeleteConfig } from "./revoke-on-delete.js";
import { parseTokensPerUserConfig, type TokensPerUserConfig } from "./tokens-per-user.js";

/** Each policy's settings, defaults filled in. */
export interface PolicySettings {
  "ghes-oauth-allowed-targets": AllowedTargetsConfig;
  "ghes-oauth-permission-ceiling": PermissionCeilingConfig;
  "ghes-oauth-repository-selection": RepositorySelectionConfig;
  "ghes-oauth-renewal-window": RenewalWindowConfig;
  "ghes-oauth-revoke-on-delete": RevokeOnDeleteConfig;
  "ghes-oauth-secret-inputs": Record<string, never>;
  "ghes-oauth-tokens-per-user": TokensPerUserConfig;
}

type Raw = Readonly<Record<string, unknown>>;

const PARSERS: { [Name in PolicyName]: (raw: Raw) => PolicySettings[Name] } = {
  "ghes-oauth-allowed-targets": parseAllowedTargetsConfig,
  "ghes-oauth-permission-ceiling": parsePermissionCeilingConfig,
  "ghes-oauth-repository-selection": parseRepositorySelectionConfig,
  "ghes-oauth-renewal-window": parseRenewalWindowConfig,
  "ghes-oauth-revoke-on-delete": parseRevokeOnDeleteConfig,
  "ghes-oauth-secret-inputs": () => ({}),
  "ghes-oauth-tokens-per-user": parseTokensPerUserConfig,
};

/** One policy's settings from its config properties (as the engine hands them to the pack). */
export function policySettings<Name extends PolicyName>(name: Name, raw: Raw): PolicySettings[Name] {
  const known = new Set(CONFIG_KEYS[name]);
  for (const key of Object.keys(raw)) {
    if (key !== "enforcementLevel" && !known.has(key))
      throw new PolicyConfigError(
        `policy config ${name}.${key}: not a setting of this policy; it takes ${CONFIG_KEYS[name].join(", ") || "none"}`,
      );
  }
  return PARSERS[name](raw);
}

/** The keys each policy's config takes: the contract of the policy config file. */
export const CONFIG_KEYS: Readonly<Record<PolicyName, readonly string[]>> = {
  "ghes-oauth-allowed-targets": ["targets", "targetIds"],
  "ghes-oauth-permission-ceiling": ["ceiling", "otherPermissions", "deny"],
  "ghes-oauth-repository-selection": ["allowAll", "maxRepositories"],
  "ghes-oauth-renewal-window": ["minRenewBefore", "maxRenewBefore"],
  "ghes-oauth-revoke-on-delete": ["allowed"],
  "ghes-oauth-secret-inputs": [],
  "ghes-oauth-tokens-per-user": ["max"],
};

/** A whole policy config file: each policy's enforcement level and settings. */
export interface PolicyConfig {
  readonly levels: Readonly<Record<PolicyName, EnforcementLevel>>;
  readonly settings: PolicySettings;
}

function level(key: string, value: unknown): EnforcementLevel {
  if (typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value))
    return value as EnforcementLevel;
  throw new PolicyConfigError(
    `policy config ${key}: the enforcement level must be one of ${ENFORCEMENT_LEVELS.map((item) => `"${item}"`).join(", ")}`,
  );
}

/**
 * Reads a policy config file in Pulumi's format (`pulumi preview --policy-pack-config FILE`): keys are
 * policy names (or `all`), each a level (`"mandatory"`) or `{ "enforcementLevel": ..., settings... }`.
 */
export function readPolicyConfig(file: unknown): PolicyConfig {
  if (typeof file !== "object" || file === null || Array.isArray(file))
    throw new PolicyConfigError("policy config: must be a JSON object keyed by policy name");
  const entries = file as Raw;
  const levels: Record<PolicyName, EnforcementLevel> = { ...DEFAULT_ENFORCEMENT };
  const all = entries.all;
  if (all !== undefined) {
    const allLevel = level(
      "all",
      typeof all === "object" && all !== null ? (all as Raw).enforcementLevel : all,
    );
    for (const name of POLICY_NAMES) levels[name] = allLevel;
  }
  const settings = {} as Record<PolicyName, unknown>;
  for (const name of POLICY_NAMES) {
    const entry = entries[name];
    let raw: Raw = {};
    if (typeof entry === "string") levels[name] = level(name, entry);
    else if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
      raw = entry as Raw;
      if (raw.enforcementLevel !== undefined)
        levels[name] = level(`${name}.enforcementLevel`, raw.enforcementLevel);
    } else if (entry !== undefined)
      throw new PolicyConfigError(
        `policy config ${name}: must be an enforcement level or an object of settings`,
      );
    settings[name] = policySettings(name, raw);
  }
  for (const key of Object.keys(entries)) {
    if (key !== "all" && !(POLICY_NAMES as readonly string[]).includes(key))
      throw new PolicyConfigError(
        `policy config ${key}: not a policy of @ghes-oauth/policy; the policies are ${POLICY_NAMES.join(", ")}`,
      );
  }
  return { levels, settings: settings as unknown as PolicySettings };
}
