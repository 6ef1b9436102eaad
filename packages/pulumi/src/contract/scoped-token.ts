import type { ResourceContract } from "./property.js";

export const scopedTokenContract = {
  token: "ghes-oauth:index:ScopedToken",
  description:
    "A scoped GitHub user-to-server token: `pulumi up` mints it from a user token (narrowed to one account, some repositories and some permissions), `pulumi refresh` checks it is still valid (a revoked or expired one is dropped, and the next `up` mints a new one), `pulumi destroy` revokes it. Changing `target`, `targetId`, `repositories`, `repositoryIds` or `permissions` mints a replacement (the new token first, then the old one is revoked); changing `rotationTrigger` rotates it in place.",
  inputs: {
    accessToken: {
      type: { type: "string" },
      description:
        "A non-scoped user-to-server token of the app (`ghu_...`) the scoped token is minted from; it stays valid. Stored only encrypted in state.",
      secret: true,
      required: true,
      state: false,
    },
    target: {
      type: { type: "string" },
      description:
        "Login of the user or organization the token is scoped to. Give this or `targetId`, not both.",
      replaceOnChanges: true,
    },
    targetId: {
      type: { type: "integer" },
      description: "ID of the user or organization the token is scoped to. Give this or `target`, not both.",
      replaceOnChanges: true,
    },
    repositories: {
      type: { type: "array", items: { type: "string" } },
      description:
        "Names of repositories (in the target's installation) the token may access. Give this or `repositoryIds`, or neither for every repository the installation can access.",
      replaceOnChanges: true,
    },
    repositoryIds: {
      type: { type: "array", items: { type: "integer" } },
      description: "IDs of repositories the token may access. Give this or `repositories`, not both.",
      replaceOnChanges: true,
    },
    permissions: {
      type: { type: "object", additionalProperties: { type: "string" } },
      description:
        'The token\'s permissions, e.g. `{ contents: "read", issues: "write" }`: any name of GitHub\'s current descriptions (GHES 3.17-3.19, github.com), each at one of its own levels (some are read-only, some write-only, some allow `admin`). Each must be within what the app\'s installation on the target has: a scoped token narrows, never widens.',
      required: true,
      permissionMap: true,
      replaceOnChanges: true,
      state: "The permissions asked for (the `permissions` argument).",
    },
    allowUnknownPermissions: {
      type: { type: "boolean" },
      description:
        "Pass permission names this release does not know (a server newer than its catalogue) instead of failing `pulumi preview`; the server judges them. Known names are still checked against their levels. Changing it alone changes nothing remote.",
    },
    rotationTrigger: {
      type: { type: "string" },
      description:
        "Any value; changing it rotates the token in place (reset: a new token value, the old one stops working at once). Use a date or a counter to rotate on a schedule.",
    },
    connection: {
      type: { $ref: "#/types/ghes-oauth:index:Connection" },
      description:
        "The API and app credentials for this token alone. Default: the provider's settings. Changing it alone changes nothing remote.",
      secret: true,
    },
    renewBefore: {
      type: { oneOf: [{ type: "string" }, { type: "number" }] },
      description:
        'How long before expiry a `pulumi up` renews: `"90m"`, `"2h"`, `"1h30m"` or a number of seconds; unset: never renewed ahead of expiry. A token within it of its expiry is re-minted at `pulumi up`, the new one first (a replacement).',
    },
  },
  outputs: {
    token: {
      type: { type: "string" },
      description: "The scoped token. Secret.",
      secret: true,
      required: true,
    },
    tokenLastEight: {
      type: { type: "string" },
      description: "The token's last eight characters: safe to show, enough to recognise it.",
      required: true,
    },
    hashedToken: {
      type: { type: "string" },
      description: "sha256 (hex) of the token, as GitHub reports it: safe to log and compare.",
      required: true,
    },
    expiresAt: {
      type: { type: "string" },
      description: "When the token expires (ISO 8601); empty when it does not.",
    },
    authorizationId: {
      type: { type: "integer" },
      description: "The authorization's ID on the server.",
      required: true,
    },
    userLogin: {
      type: { type: "string" },
      description: "The user the token acts as.",
      required: true,
    },
    targetLogin: {
      type: { type: "string" },
      description: "The account (user or organization) the token is scoped to.",
      required: true,
    },
    repositorySelection: {
      type: { type: "string" },
      description: "`selected` when limited to some repositories, `all` otherwise.",
      required: true,
    },
    grantedPermissions: {
      type: { type: "object", additionalProperties: { type: "string" } },
      description: "The permissions the server granted (GitHub may add some, such as `metadata: read`).",
      required: true,
      permissionMap: true,
    },
    accessTokenHash: {
      type: { type: "string" },
      description:
        "sha256 (hex) of the user token the scoped token was minted from: state keeps the digest, not a second copy of the secret.",
      required: true,
    },
  },
} as const satisfies ResourceContract;
