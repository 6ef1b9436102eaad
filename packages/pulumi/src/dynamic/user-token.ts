import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
import { outputNames } from "../contract/derive.js";
import type { ArgsMatch } from "../contract/matches.js";
import { userTokenContract } from "../contract/user-token.js";
import type { UserTokenArgs } from "./user-token-args.js";

// The arguments are the contract's inputs, no more, no fewer, required where it says.
const argsMatchContract: ArgsMatch<typeof userTokenContract, UserTokenArgs> = true;
void argsMatchContract;

// Loaded through require so the provider is a CommonJS module's exports (see the module for why).
const userTokenProvider: pulumi.dynamic.ResourceProvider = createRequire(import.meta.url)(
  "../provider/user-token-provider.cjs",
);

/**
 * A GitHub App user-to-server token that stays alive: the parent ScopedTokens are minted from. `pulumi
 * up` trades the seed refresh token for an access token, and renews the pair (GitHub rotates both) when
 * the access token expires within `renewBefore`; `pulumi refresh` checks it; `pulumi destroy` revokes
 * it (see `revokeOnDelete`). Run `pulumi up` on a schedule and the stack stays valid for months.
 *
 * @example
 * const user = new UserToken("octocat", {
 *   refreshToken: config.requireSecret("userRefreshToken"), // ghr_..., from the device or web flow
 * });
 * const ci = new ScopedToken("ci-read", {
 *   accessToken: user.accessToken,
 *   target: "my-org",
 *   permissions: { contents: "read" },
 * });
 */
export class UserToken extends pulumi.dynamic.Resource {
  /** The current access token (`ghu_...`). Secret. */
  declare readonly accessToken: pulumi.Output<string>;
  /** The current refresh token (`ghr_...`): the one after the last rotation. Secret. */
  declare readonly refreshToken: pulumi.Output<string>;
  /** When the access token expires (ISO 8601, the server's clock); null when it does not. */
  declare readonly expiresAt: pulumi.Output<string | null>;
  /** When the refresh token expires (ISO 8601, the server's clock). */
  declare readonly refreshTokenExpiresAt: pulumi.Output<string | null>;
  /** The user the token acts as. */
  declare readonly userLogin: pulumi.Output<string>;
  /** sha256 (hex) of the seed refresh token the chain started from. */
  declare readonly seedHash: pulumi.Output<string>;
  declare readonly renewBefore: pulumi.Output<string | number | undefined>;
  declare readonly revokeOnDelete: pulumi.Output<string | undefined>;

  constructor(name: string, args: UserTokenArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      userTokenProvider,
      name,
      {
        ...args,
        refreshToken: pulumi.secret(args.refreshToken),
        connection: args.connection === undefined ? undefined : pulumi.secret(args.connection),
        // The outputs the provider computes, registered so the program can read them.
        ...Object.fromEntries(outputNames(userTokenContract).map((output) => [output, undefined])),
      },
      {
        ...opts,
        additionalSecretOutputs: [
          ...(opts?.additionalSecretOutputs ?? []),
          "accessToken",
          "refreshToken",
          "connection",
        ],
      },
      "ghes-oauth",
      "UserToken",
    );
  }
}
