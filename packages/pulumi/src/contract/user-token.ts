import { ECHOED, type ResourceContract } from "./property.js";

export const userTokenContract = {
  token: "ghes-oauth:index:UserToken",
  description:
    "A GitHub App user-to-server token that stays alive, the parent ScopedTokens are minted from: `pulumi up` trades the seed refresh token for an access token and renews the pair (GitHub rotates both) when the access token expires within `renewBefore`; `pulumi refresh` checks it; `pulumi destroy` revokes it (see `revokeOnDelete`). Run `pulumi up` on a schedule and the stack stays valid for months.",
  inputs: {
    refreshToken: {
      type: { type: "string" },
      description:
        "A refresh token (`ghr_...`) from the app's web or device flow: the seed. `pulumi up` trades it for the first access token; from then on the provider renews with the refresh token held in state (GitHub rotates it on every use, so the seed works once). Set a new one (a new sign-in) and the next `up` starts from it. Stored only encrypted in state.",
      secret: true,
      required: true,
      state: "The current refresh token (`ghr_...`): the one after the last rotation. Secret.",
    },
    renewBefore: {
      type: { oneOf: [{ type: "string" }, { type: "number" }] },
      description:
        'How long before expiry a `pulumi up` renews: `"90m"`, `"2h"`, `"1h30m"` or a number of seconds. Default `"1h"`. Run `pulumi up` at least this often.',
    },
    connection: {
      type: { $ref: "#/types/ghes-oauth:index:Connection" },
      description:
        "The API and app credentials for this token alone. Default: the provider's settings. Changing it alone changes nothing remote.",
      secret: true,
    },
    revokeOnDelete: {
      type: { type: "string" },
      description:
        'What `pulumi destroy` revokes: `"token"` (default) the access token; `"grant"` the user\'s whole authorization of the app (every token of that user for the app, scoped ones included); `"none"` nothing.',
    },
  },
  outputs: {
    accessToken: {
      type: { type: "string" },
      description: "The current access token (`ghu_...`). Secret.",
      secret: true,
      required: true,
    },
    refreshToken: ECHOED,
    expiresAt: {
      type: { type: "string" },
      description: "When the access token expires (ISO 8601, the server's clock); empty when it does not.",
    },
    refreshTokenExpiresAt: {
      type: { type: "string" },
      description: "When the refresh token expires (ISO 8601, the server's clock); empty when there is none.",
    },
    userLogin: {
      type: { type: "string" },
      description: "The user the token acts as.",
      required: true,
    },
    seedHash: {
      type: { type: "string" },
      description:
        "sha256 (hex) of the seed refresh token the chain started from: a different seed means a new sign-in.",
      required: true,
    },
    renewBefore: ECHOED,
    revokeOnDelete: ECHOED,
    connection: ECHOED,
  },
} as const satisfies ResourceContract;
