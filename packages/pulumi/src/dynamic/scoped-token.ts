import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
import { outputNames, secretOutputs } from "../contract/derive.js";
import type { ArgsMatch } from "../contract/matches.js";
import { scopedTokenContract } from "../contract/scoped-token.js";
import { SECRET_INPUTS_KEY, secretInputNames } from "../secret-input-names.js";
import type { ScopedTokenArgs } from "./scoped-token-args.js";

// The arguments are the contract's inputs, no more, no fewer, required where it says.
const argsMatchContract: ArgsMatch<typeof scopedTokenContract, ScopedTokenArgs> = true;
void argsMatchContract;

// Loaded through require so the provider is a CommonJS module's exports (see the module for why).
const scopedTokenProvider: pulumi.dynamic.ResourceProvider = createRequire(import.meta.url)(
  "../provider/scoped-token-provider.cjs",
);

/**
 * A scoped GitHub user-to-server token: `pulumi up` mints it from a user token (narrowed to one
 * account, some repositories and some permissions), `pulumi refresh` checks it is still valid (a
 * revoked or expired one is dropped, and the next `up` mints a new one), `pulumi destroy` revokes it.
 *
 * @example
 * const ci = new ScopedToken("ci-read", {
 *   accessToken: config.requireSecret("userToken"),
 *   target: "my-org",
 *   repositories: ["service-a"],
 *   permissions: { contents: "read", metadata: "read" },
 * });
 * export const token = ci.token; // a secret
 */
export class ScopedToken extends pulumi.dynamic.Resource {
  /** The scoped token. Secret. */
  declare readonly token: pulumi.Output<string>;
  /** The token's last eight characters: safe to show, enough to recognise it. */
  declare readonly tokenLastEight: pulumi.Output<string>;
  /** sha256 (hex) of the token, as GitHub reports it. */
  declare readonly hashedToken: pulumi.Output<string>;
  /** When the token expires (ISO 8601); null when it does not. */
  declare readonly expiresAt: pulumi.Output<string | null>;
  /** The authorization's ID on the server. */
  declare readonly authorizationId: pulumi.Output<number>;
  /** The user the token acts as. */
  declare readonly userLogin: pulumi.Output<string>;
  /** The account (user or organization) the token is scoped to. */
  declare readonly targetLogin: pulumi.Output<string>;
  /** `selected` when limited to some repositories, `all` otherwise. */
  declare readonly repositorySelection: pulumi.Output<string>;
  /** The permissions asked for (the `permissions` argument). */
  declare readonly permissions: pulumi.Output<Record<string, string>>;
  /** The permissions the server granted (GitHub may add some, such as `metadata: read`). */
  declare readonly grantedPermissions: pulumi.Output<Record<string, string>>;
  /**
   * sha256 (hex) of the user token the scoped token was minted from. State keeps this rather than a
   * second encrypted copy of that token (the input keeps the token, encrypted).
   */
  declare readonly accessTokenHash: pulumi.Output<string>;
  declare readonly target: pulumi.Output<string | undefined>;
  declare readonly targetId: pulumi.Output<number | undefined>;
  declare readonly repositories: pulumi.Output<string[] | undefined>;
  declare readonly repositoryIds: pulumi.Output<number[] | undefined>;
  declare readonly rotationTrigger: pulumi.Output<string | undefined>;

  constructor(name: string, args: ScopedTokenArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      scopedTokenProvider,
      name,
      {
        ...args,
        accessToken: pulumi.secret(args.accessToken),
        connection: args.connection === undefined ? undefined : pulumi.secret(args.connection),
        // The outputs the provider computes, registered so the program can read them.
        ...Object.fromEntries(outputNames(scopedTokenContract).map((output) => [output, undefined])),
        [SECRET_INPUTS_KEY]: secretInputNames({
          permissions: args.permissions,
          target: args.target,
          repositories: args.repositories,
        }),
      },
      {
        ...opts,
        // State lists these for every resource: only the outputs that exist and are secrets. (An output
        // that echoes a secret input is kept secret by the engine as well.)
        additionalSecretOutputs: [
          ...(opts?.additionalSecretOutputs ?? []),
          ...secretOutputs(scopedTokenContract),
          ...(args.connection === undefined ? [] : ["connection"]),
        ],
      },
      "ghes-oauth",
      "ScopedToken",
    );
  }
}
