import { ECHOED, type ResourceContract } from "./property.js";

export const scopedTokenSetContract = {
  token: "ghes-oauth:index:ScopedTokenSet",
  description:
    "Many scoped tokens minted from one user token, held by one resource: the shape for stacks with hundreds of tokens. The engine rewrites the whole checkpoint at every step, so N ScopedToken resources cost O(N²) engine time; a set is one step however many tokens it holds. `pulumi up` mints the entries that are new, changed, due for renewal or gone (the new tokens first, then the old ones revoked) and revokes the tokens of removed entries; minting is all or nothing: when the server refuses one entry, the tokens just minted are revoked again and the set stays as it was. `pulumi refresh` drops tokens that were revoked or expired, so the next `up` mints those entries anew; `pulumi destroy` revokes them all. The set is never replaced: every change is an update that touches only the entries concerned.",
  inputs: {
    accessToken: {
      type: { type: "string" },
      description:
        "The non-scoped user-to-server token of the app (`ghu_...`) every token is minted from, e.g. a UserToken's `accessToken`; it stays valid. A change of it alone (a renewed parent) mints nothing. Stored only encrypted in state.",
      secret: true,
      required: true,
      state: false,
    },
    scopes: {
      type: { type: "object", additionalProperties: { $ref: "#/types/ghes-oauth:index:ScopedTokenSpec" } },
      description:
        'The tokens, by a name of your choosing (letters, digits, `.`, `_`, `-`; at most 100 characters), e.g. `{ "ci-read": { target: "acme", repositories: ["api"], permissions: { contents: "read" } } }`. Adding, changing or removing an entry mints or revokes that entry\'s token only. A misspelt key of an entry fails `pulumi preview`, naming `scopes.<name>.<key>`.',
      required: true,
      state: "The entries as declared (the `scopes` argument).",
    },
    renewBefore: {
      type: { oneOf: [{ type: "string" }, { type: "number" }] },
      description:
        'How long before a token\'s expiry `pulumi up` mints it anew (the new one first, then the old one revoked): `"90m"`, `"2h"`, `"1h30m"` or a number of seconds. Default `"1h"`. Judged on the server\'s clock.',
    },
    allowUnknownPermissions: {
      type: { type: "boolean" },
      description:
        "Pass permission names this release does not know (a server newer than its catalogue) instead of failing `pulumi preview`; the server judges them. Known names are still checked against their levels.",
    },
    connection: {
      type: { $ref: "#/types/ghes-oauth:index:Connection" },
      description:
        "The API and app credentials for this set alone. Default: the provider's settings. Changing it alone mints nothing; tokens replaced later are revoked with the connection they were minted under.",
      secret: true,
    },
    revokeReplaced: {
      type: { type: "string" },
      description:
        "When tokens replaced (changed, renewed, rotated) or removed are revoked: `immediately` (the default), in the same `up` right after the new tokens are minted, so no replaced token outlives the run, while a resource fed `tokens` holds a revoked value until the engine updates it later in that `up`; or `next-run`, kept valid (encrypted in state) until the next `up` or `destroy`, so every consumer is updated before its old value stops working.",
    },
  },
  outputs: {
    tokens: {
      type: { type: "object", additionalProperties: { type: "string" } },
      description: "The tokens by entry name. Secret.",
      secret: true,
      required: true,
    },
    tokenDetails: {
      type: { type: "object", additionalProperties: { $ref: "#/types/ghes-oauth:index:TokenDetails" } },
      description:
        "What the API told about each token, by entry name (`tokenLastEight`, `hashedToken`, `expiresAt`, `authorizationId`, `userLogin`, `targetLogin`, `repositorySelection`, `grantedPermissions`): no token value, safe to show.",
      required: true,
    },
    scopes: ECHOED,
    accessTokenHash: {
      type: { type: "string" },
      description:
        "sha256 (hex) of the user token the tokens were minted from: state keeps the digest, not a second copy of the secret.",
      required: true,
    },
    pendingRevocation: {
      type: { type: "array", items: { type: "string" } },
      description:
        "Tokens of changed or removed entries whose revocation failed, retried at the next `pulumi up` or `pulumi destroy`; present only after such a failure. Secret.",
      secret: true,
    },
    renewBefore: ECHOED,
    allowUnknownPermissions: ECHOED,
    connection: ECHOED,
    revokeReplaced: ECHOED,
  },
} as const satisfies ResourceContract;
