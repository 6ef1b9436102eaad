import type { ObjectTypeContract } from "./property.js";
import { scopedTokenContract } from "./scoped-token.js";

export const connectionType = {
  token: "ghes-oauth:index:Connection",
  description: "A per-resource connection, used instead of the provider's settings.",
  properties: {
    baseUrl: {
      type: { type: "string" },
      description: "The API URL: `https://HOST`, `https://HOST/api/v3`, or `https://api.github.com`.",
      required: true,
    },
    clientId: {
      type: { type: "string" },
      description: "The app's client ID.",
      required: true,
    },
    clientSecret: {
      type: { type: "string" },
      description: "The app's client secret. Stored only encrypted in state.",
      secret: true,
      required: true,
    },
    webUrl: {
      type: { type: "string" },
      description: "The instance's web URL (OAuth grant endpoints). Default: derived from `baseUrl`.",
    },
  },
} as const satisfies ObjectTypeContract;

export const scopedTokenSpecType = {
  token: "ghes-oauth:index:ScopedTokenSpec",
  description:
    "One token of a ScopedTokenSet: what it is narrowed to (the scope arguments of a ScopedToken) and its rotation trigger.",
  properties: {
    target: {
      type: { type: "string" },
      description:
        "Login of the user or organization the token is scoped to. Give this or `targetId`, not both.",
    },
    targetId: {
      type: { type: "integer" },
      description: "ID of the user or organization the token is scoped to. Give this or `target`, not both.",
    },
    repositories: {
      type: { type: "array", items: { type: "string" } },
      description:
        "Names of repositories (in the target's installation) the token may access. Give this or `repositoryIds`, or neither for every repository the installation can access. Their order does not matter.",
    },
    repositoryIds: {
      type: { type: "array", items: { type: "integer" } },
      description:
        "IDs of repositories the token may access. Give this or `repositories`, not both. Their order does not matter.",
    },
    permissions: {
      type: { type: "object", additionalProperties: { type: "string" } },
      description:
        'The token\'s permissions, e.g. `{ contents: "read", issues: "write" }`: any name of GitHub\'s current descriptions (GHES 3.17-3.19, github.com), each at one of its own levels (some are read-only, some write-only, some allow `admin`). Each must be within what the app\'s installation on the target has: a scoped token narrows, never widens.',
      required: true,
      permissionMap: true,
    },
    rotationTrigger: {
      type: { type: "string" },
      description:
        "Any value; changing it mints this token anew (the new one first, then the old one is revoked). Use a date or a counter to rotate on a schedule.",
    },
  },
} as const satisfies ObjectTypeContract;

// A set's token is described as a ScopedToken describes its own: the same outputs, without the token
// itself and the parent's digest (the set keeps one for all its tokens).
const {
  tokenLastEight,
  hashedToken,
  expiresAt,
  authorizationId,
  userLogin,
  targetLogin,
  repositorySelection,
  grantedPermissions,
} = scopedTokenContract.outputs;

export const tokenDetailsType = {
  token: "ghes-oauth:index:TokenDetails",
  description:
    "What the API told about one token of a ScopedTokenSet, without the token itself: safe to show.",
  properties: {
    tokenLastEight,
    hashedToken,
    expiresAt: {
      ...expiresAt,
      // A set's details leave the key out for a token that does not expire (a ScopedToken's is empty).
      description: "When the token expires (ISO 8601, the server's clock); absent when it does not.",
    },
    authorizationId,
    userLogin,
    targetLogin,
    repositorySelection,
    grantedPermissions,
  },
} as const satisfies ObjectTypeContract;
