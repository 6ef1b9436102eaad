import type { Permissions } from "@ghes-oauth/client";
import type * as pulumi from "@pulumi/pulumi";
import type { ConnectionArgs } from "./connection-args.js";

/** What one token of a ScopedTokenSet is narrowed to: the scope arguments of a ScopedToken. */
export interface ScopedTokenSpec {
  /** Login of the user or organization the token is scoped to. Give this or `targetId`, not both. */
  target?: pulumi.Input<string>;
  /** ID of the user or organization the token is scoped to. Give this or `target`, not both. */
  targetId?: pulumi.Input<number>;
  /** Repository names the token may access; neither this nor `repositoryIds`: all the installation can. */
  repositories?: pulumi.Input<pulumi.Input<string>[]>;
  /** Repository IDs the token may access. Give this or `repositories`, not both. */
  repositoryIds?: pulumi.Input<pulumi.Input<number>[]>;
  /** The token's permissions, e.g. `{ contents: "read" }`, within what the installation has. */
  permissions: pulumi.Input<Permissions>;
  /** Any value; changing it mints this token anew (the new one first, then the old one revoked). */
  rotationTrigger?: pulumi.Input<string>;
}

/**
 * The arguments of a ScopedTokenSet: many scoped tokens minted from one user token, kept in one
 * resource. Adding, changing or removing an entry mints or revokes that entry's token only.
 */
export interface ScopedTokenSetArgs {
  /**
   * The non-scoped user token (`ghu_...`) every token is minted from: a `UserToken`'s `accessToken`.
   * A change of it alone (a refreshed parent) re-mints nothing. Stored only encrypted in state.
   */
  accessToken: pulumi.Input<string>;
  /**
   * The tokens, by a name of your choosing (letters, digits, `.`, `_`, `-`; at most 100 characters):
   * `{ "ci-read": { target: "acme", repositories: ["api"], permissions: { contents: "read" } } }`.
   */
  scopes: pulumi.Input<Record<string, pulumi.Input<ScopedTokenSpec>>>;
  /**
   * How long before a token's expiry `pulumi up` mints it anew: `"90m"`, `"2h"` or seconds. Default `"1h"`.
   */
  renewBefore?: pulumi.Input<string | number>;
  /**
   * When tokens replaced (changed, renewed, rotated) or removed are revoked. `"immediately"` (the
   * default): in the same `up`, right after the new tokens are minted, so no replaced token outlives
   * the run; a resource fed `tokens` holds a revoked value from then until the engine updates it, later
   * in that `up`. `"next-run"`: they stay valid (kept encrypted in state) until the next `up` or
   * `destroy`, so every consumer is updated before its old value stops working.
   */
  revokeReplaced?: pulumi.Input<"immediately" | "next-run">;
  /** Pass permission names this release does not know; the server judges them. */
  allowUnknownPermissions?: pulumi.Input<boolean>;
  /** The app's API and credentials. Default: stack config `ghes-oauth:*`, then `GHES_OAUTH_*`. Secret. */
  connection?: pulumi.Input<ConnectionArgs>;
}
