// The pack's rules as pure functions, free of @pulumi/policy: the pack and `ghes-oauth scope --policy`
// judge by the same code and the same config file.
export {
  type AllowedTargetsConfig,
  checkAllowedTargets,
  parseAllowedTargetsConfig,
} from "./allowed-targets.js";
export { PolicyConfigError } from "./config-error.js";
export {
  decodeEngineProperties,
  type EngineValue,
  inputLeaves,
  reveal,
  SecretValue,
} from "./engine-properties.js";
export { judgeScopeRequest, type ScopeJudgement } from "./judge-scope-request.js";
export {
  isUnknown,
  type Maybe,
  type ScopeRequest,
  UNKNOWN,
  type Unknown,
  type Violation,
} from "./model.js";
export {
  CEILING_LEVELS,
  type CeilingLevel,
  checkPermissionCeiling,
  type PermissionCeilingConfig,
  parsePermissionCeilingConfig,
} from "./permission-ceiling.js";
export {
  CONFIG_KEYS,
  type PolicyConfig,
  type PolicySettings,
  policySettings,
  readPolicyConfig,
} from "./policy-config.js";
export {
  DEFAULT_ENFORCEMENT,
  ENFORCEMENT_LEVELS,
  type EnforcementLevel,
  POLICY_NAMES,
  type PolicyName,
} from "./policy-names.js";
export { checkRenewalWindow, parseRenewalWindowConfig, type RenewalWindowConfig } from "./renewal-window.js";
export {
  checkRepositorySelection,
  parseRepositorySelectionConfig,
  type RepositorySelectionConfig,
} from "./repository-selection.js";
export {
  mintedCountOf,
  RESOURCE_KINDS,
  type ResourceKind,
  resourceKindOf,
  scopeRequestsOf,
  subjectOf,
} from "./resource-inputs.js";
export {
  checkRevokeOnDelete,
  parseRevokeOnDeleteConfig,
  REVOKE_ON_DELETE,
  type RevokeOnDelete,
  type RevokeOnDeleteConfig,
} from "./revoke-on-delete.js";
export { checkSecretInputs, type InputLeaf, TOKEN_INPUTS } from "./secret-inputs.js";
export {
  checkTokensPerUser,
  type MintedFrom,
  parseTokensPerUserConfig,
  type TokensPerUserConfig,
} from "./tokens-per-user.js";
