import { mkdtemp, open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OAuthAppClient, UserTokenGrant } from "@ghes-oauth/client";
import type { PulumiTarget } from "./set-pulumi-secret.js";

/**
 * When `pulumi config set` failed, the sign-in it was to store is still live. Kept recoverable: the
 * token is written to a new private directory (0700) as a 0600 file, never printed, with the command
 * that stores it once the problem is fixed. If even that fails, the grant's access token is revoked
 * (its refresh token goes with it), so nothing live is left unaccounted for. Returns what was done.
 */
export async function keepRecoverable(
  client: OAuthAppClient,
  grant: UserTokenGrant,
  token: string,
  target: PulumiTarget,
): Promise<string> {
  try {
    const directory = await mkdtemp(join(tmpdir(), "ghes-oauth-login-"));
    const file = join(directory, "token");
    const handle = await open(file, "wx", 0o600);
    try {
      await handle.writeFile(`${token}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const retry = ["pulumi config set --secret", target.key];
    if (target.stack) retry.push("--stack", target.stack);
    if (target.cwd) retry.push("--cwd", target.cwd);
    return (
      `The new sign-in is still live: its token was written to ${file} (mode 0600, only you can read it), not printed. ` +
      `Once pulumi works, store it with: ${retry.join(" ")} < ${file} && rm -r ${directory}`
    );
  } catch {
    try {
      await client.deleteToken(grant.access_token);
      return "The token could not be kept in a private file either, so the new sign-in was revoked: nothing of it is live. Run login again once pulumi works";
    } catch {
      return "The token could neither be kept in a private file nor revoked: it stays live until it expires; revoke the app's grant for this user (ghes-oauth revoke-grant) if that matters";
    }
  }
}
