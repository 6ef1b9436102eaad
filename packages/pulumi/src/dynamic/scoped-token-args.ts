import type { Permissions } from "@ghes-oauth/client";
import type * as pulumi from "@pulumi/pulumi";
import type { ConnectionArgs } from "./connection-args.js";

/**
 * The arguments of a ScopedToken: which user token to narrow, to which account, repositories and
 * permissions. Changing the account, repositories or permissions mints a replacement token (the new one
 * is created before the old one is revoked); changing only `rotationTrigger` rotates the token in place;
 * a new `accessToken` alone (a refreshed parent) only updates state.
 */
export interface ScopedTokenArgs {
  /**
   * A non-scoped user-to-server token of the app (`ghu_...`): a `UserToken`'s `accessToken`, or one the
   * web or device flow issued. The scoped token is minted from it; it stays valid. Only the minting
   * source: a change of it alone (a refreshed parent) re-mints nothing. Stored only encrypted in state.
   */
  accessToken: pulumi.Input<string>;
  /** Login of the user or organization the token is scoped to. Give this or `targetId`, not both. */
  target?: pulumi.Input<string>;
  /** ID of the user or organization the token is scoped to. Give this or `target`, not both. */
  targetId?: pulumi.Input<number>;
  /**
   * Names of repositories (in the target account's installation) the token may access. Give this or
   * `repositoryIds`, or neither for every repository the installation can access.
   */
  repositories?: pulumi.Input<pulumi.Input<string>[]>;
  /** IDs of repositories the token may access. Give this or `repositories`, not both. */
  repositoryIds?: pulumi.Input<pulumi.Input<number>[]>;
  /**
   * The permissions of the token, e.g. `{ contents: "read", issues: "write" }`: any name of GitHub's
   * current descriptions (GHES 3.17-3.19, github.com), each at one of its own levels (some are
   * read-only, some write-only, some allow `admin`). Each must be within what the app's installation on
   * the target has: a scoped token narrows, never widens.
   */
  permissions: pulumi.Input<Permissions>;
  /**
   * Pass permission names this release does not know (a server newer than its catalogue) instead of
   * failing `pulumi preview`; the server judges them. Known names are still checked against their
   * levels. Changing it alone changes nothing remote.
   */
  allowUnknownPermissions?: pulumi.Input<boolean>;
  /**
   * Any value; changing it rotates the token in place (reset: a new token value, the old one stops
   * working at once). Use a date or a counter to rotate on a schedule.
   */
  rotationTrigger?: pulumi.Input<string>;
  /**
   * How long before `expiresAt` a `pulumi up` replaces the token with a fresh one minted from the current
   * `accessToken` (the new token first, then the old one revoked): `"90m"`, `"2h"`, `"1h30m"` or a number
   * of seconds. Default `"1h"`. Run `pulumi up` on a schedule at least this often so tokens never lapse.
   * Tokens that never expire are never renewed. Changing it alone changes nothing remote.
   */
  renewBefore?: pulumi.Input<string | number>;
  /**
   * The API and app credentials. Defaults to stack config `ghes-oauth:*`, then env `GHES_OAUTH_*`.
   * Changing it alone changes nothing remote.
   */
  connection?: pulumi.Input<ConnectionArgs>;
}
