import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
import { outputNames } from "../contract/derive.js";
import type { ArgsMatch } from "../contract/matches.js";
import { scopedTokenSetContract } from "../contract/scoped-token-set.js";
import type { ScopedTokenSetArgs } from "./scoped-token-set-args.js";

// The arguments are the contract's inputs, no more, no fewer, required where it says.
const argsMatchContract: ArgsMatch<typeof scopedTokenSetContract, ScopedTokenSetArgs> = true;
void argsMatchContract;

import { SECRET_INPUTS_KEY, secretInputNames } from "../secret-input-names.js";
import type { ScopedTokenSpecInputs, TokenDetails } from "./scoped-token-set-state.js";

const scopedTokenSetProvider: pulumi.dynamic.ResourceProvider = createRequire(import.meta.url)(
  "../provider/scoped-token-set-provider.cjs",
);

/**
 * Many scoped tokens minted from one user token, held by one resource: the shape for stacks with
 * hundreds of tokens. The engine rewrites the whole checkpoint at every step, so N ScopedTokens cost
 * O(N²) engine time; a set is one step however many tokens it holds. `pulumi up` mints what is new,
 * changed or due for renewal (new tokens first, then the old ones revoked) and revokes removed entries;
 * `pulumi refresh` drops tokens that were revoked or expired so the next `up` mints them anew;
 * `pulumi destroy` revokes them all.
 *
 * @example
 * const ci = new ScopedTokenSet("ci", {
 *   accessToken: user.accessToken,
 *   scopes: {
 *     "api-read": { target: "acme", repositories: ["api"], permissions: { contents: "read" } },
 *     "web-write": { target: "acme", repositories: ["web"], permissions: { contents: "write" } },
 *   },
 * });
 * export const apiRead = ci.token("api-read"); // a secret
 */
export class ScopedTokenSet extends pulumi.dynamic.Resource {
  /** The tokens by entry name. Secret. */
  declare readonly tokens: pulumi.Output<Record<string, string>>;
  /**
   * What the API told about each token, by entry name: `tokenLastEight`, `hashedToken`, `expiresAt`
   * (null when it does not expire), `authorizationId`, `userLogin`, `targetLogin`,
   * `repositorySelection`, `grantedPermissions`. Safe to show.
   */
  declare readonly tokenDetails: pulumi.Output<Record<string, TokenDetails>>;
  /** The entries as declared. */
  declare readonly scopes: pulumi.Output<Record<string, ScopedTokenSpecInputs>>;
  /** sha256 (hex) of the user token the current tokens were minted from. */
  declare readonly accessTokenHash: pulumi.Output<string>;
  private readonly resourceName: string;

  constructor(name: string, args: ScopedTokenSetArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      scopedTokenSetProvider,
      name,
      {
        ...args,
        accessToken: pulumi.secret(args.accessToken),
        connection: args.connection === undefined ? undefined : pulumi.secret(args.connection),
        // The outputs the provider computes, registered so the program can read them.
        ...Object.fromEntries(outputNames(scopedTokenSetContract).map((output) => [output, undefined])),
        [SECRET_INPUTS_KEY]: secretInputNames({ scopes: args.scopes }),
      },
      {
        ...opts,
        additionalSecretOutputs: [
          ...(opts?.additionalSecretOutputs ?? []),
          "tokens",
          "pendingRevocation",
          ...(args.connection === undefined ? [] : ["connection"]),
        ],
      },
      "ghes-oauth",
      "ScopedTokenSet",
    );
    this.resourceName = name;
  }

  /** The token of entry `name`. Secret. Fails the program when the set declares no such entry. */
  token(name: string): pulumi.Output<string> {
    return this.tokens.apply((tokens) => {
      const token = tokens[name];
      if (token === undefined) {
        throw new Error(
          `ScopedTokenSet "${this.resourceName}" has no token "${name}"; it holds ${Object.keys(tokens).join(", ") || "none"}`,
        );
      }
      return token;
    });
  }

  /** What the API told about the token of entry `name` (no secret). */
  details(name: string): pulumi.Output<TokenDetails | undefined> {
    return this.tokenDetails.apply((details) => details[name]);
  }
}
