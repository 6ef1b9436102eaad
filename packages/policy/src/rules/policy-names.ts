/** The policies of the pack: names are a contract (config files and `pulumi policy` output use them). */
export const POLICY_NAMES = [
  "ghes-oauth-allowed-targets",
  "ghes-oauth-permission-ceiling",
  "ghes-oauth-repository-selection",
  "ghes-oauth-renewal-window",
  "ghes-oauth-revoke-on-delete",
  "ghes-oauth-secret-inputs",
  "ghes-oauth-tokens-per-user",
] as const;

export type PolicyName = (typeof POLICY_NAMES)[number];

export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

/** Without a config file: secret inputs are mandatory, everything else advisory. */
export const DEFAULT_ENFORCEMENT: Readonly<Record<PolicyName, EnforcementLevel>> = {
  "ghes-oauth-allowed-targets": "advisory",
  "ghes-oauth-permission-ceiling": "advisory",
  "ghes-oauth-repository-selection": "advisory",
  "ghes-oauth-renewal-window": "advisory",
  "ghes-oauth-revoke-on-delete": "advisory",
  "ghes-oauth-secret-inputs": "mandatory",
  "ghes-oauth-tokens-per-user": "advisory",
};
