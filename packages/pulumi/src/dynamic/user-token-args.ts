import type * as pulumi from "@pulumi/pulumi";
import type { ConnectionArgs } from "./connection-args.js";

/** What a `pulumi destroy` of a UserToken revokes. */
export type RevokeOnDelete = "token" | "grant" | "none";

/** The arguments of a UserToken: the sign-in it starts from, and how it is renewed and revoked. */
export interface UserTokenArgs {
  /**
   * A refresh token (`ghr_...`) from the app's web or device flow: the seed. `pulumi up` trades it for
   * the first access token; from then on the provider renews with the refresh token held in state
   * (GitHub rotates it on every use, so the seed works once). Set a new one (a new sign-in) and the
   * next `up` starts from it. Stored only encrypted in state.
   */
  refreshToken: pulumi.Input<string>;
  /**
   * How long before the access token's expiry a `pulumi up` renews it: `"90m"`, `"2h"`, `"1h30m"` or a
   * number of seconds. Default `"1h"`. Run `pulumi up` on a schedule at least this often (renewBefore ≥
   * the schedule's interval) so the token never lapses between runs.
   */
  renewBefore?: pulumi.Input<string | number>;
  /**
   * The API and app credentials. Defaults to stack config `ghes-oauth:*`, then env `GHES_OAUTH_*`, as
   * for ScopedToken. Changing it alone changes nothing remote.
   */
  connection?: pulumi.Input<ConnectionArgs>;
  /**
   * What `pulumi destroy` revokes: `"token"` (default) the access token; `"grant"` the user's whole
   * authorization of the app (every token of that user for the app, scoped ones included); `"none"`
   * nothing. Changing it alone changes nothing remote.
   */
  revokeOnDelete?: pulumi.Input<RevokeOnDelete>;
}
