import type { Policies } from "@pulumi/policy";
import {
  checkAllowedTargets,
  checkPermissionCeiling,
  checkRenewalWindow,
  checkRepositorySelection,
  checkRevokeOnDelete,
  checkSecretInputs,
  inputLeaves,
  scopeRequestsOf,
  subjectOf,
} from "../rules/index.js";
import { type CheckedResource, resourcePolicy } from "./resource-policy.js";
import { tokensPerUserPolicy } from "./tokens-per-user-policy.js";

const scopes = ({ kind, name, props }: CheckedResource) => scopeRequestsOf(kind, name, props);
// The serialized dynamic provider: code, not an input anyone writes.
const SERIALIZED_PROVIDER = "__provider";

/** The ghes-oauth policies, to serve as the pack or to add to a pack of your own. */
export const policies: Policies = [
  resourcePolicy(
    "ghes-oauth-allowed-targets",
    "Scoped tokens only for the allowed accounts (config: targets, targetIds).",
    (settings, resource) => scopes(resource).flatMap((scope) => checkAllowedTargets(settings, scope)),
  ),
  resourcePolicy(
    "ghes-oauth-permission-ceiling",
    "No permission above its ceiling, none denied (config: ceiling, otherPermissions, deny).",
    (settings, resource) => scopes(resource).flatMap((scope) => checkPermissionCeiling(settings, scope)),
  ),
  resourcePolicy(
    "ghes-oauth-repository-selection",
    "No token on every repository unless allowed, none on more than the maximum (config: allowAll, maxRepositories).",
    (settings, resource) => scopes(resource).flatMap((scope) => checkRepositorySelection(settings, scope)),
  ),
  resourcePolicy(
    "ghes-oauth-renewal-window",
    "renewBefore within the window (config: minRenewBefore, maxRenewBefore).",
    (settings, { kind, name, props }) =>
      checkRenewalWindow(settings, subjectOf(kind, name), props.renewBefore),
  ),
  resourcePolicy(
    "ghes-oauth-revoke-on-delete",
    "A UserToken's destroy revokes what it should (config: allowed).",
    (settings, { kind, name, props }) =>
      kind === "UserToken" ? checkRevokeOnDelete(settings, subjectOf(kind, name), props.revokeOnDelete) : [],
  ),
  resourcePolicy(
    "ghes-oauth-secret-inputs",
    "Access and refresh tokens only as secrets.",
    (_settings, { kind, name, wire }) =>
      checkSecretInputs(
        subjectOf(kind, name),
        inputLeaves(wire).filter((leaf) => leaf.path !== SERIALIZED_PROVIDER),
      ),
  ),
  tokensPerUserPolicy,
];
