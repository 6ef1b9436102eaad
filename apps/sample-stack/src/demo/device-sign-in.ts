import type { OAuthAppClient } from "@ghes-oauth/client";
import type { EmulatorAdmin } from "@ghes-oauth/emulator";
import type { Progress } from "./progress.js";

/**
 * Signs octocat in through the device flow, as `ghes-oauth login` would: ask for a device code, have
 * the person approve the user code in the browser (here the emulator's admin API does it for them),
 * poll until the grant comes. Returns the refresh token, the UserToken's seed. Shows no code or token.
 */
export async function deviceSignIn(
  client: OAuthAppClient,
  admin: EmulatorAdmin,
  progress: Progress,
): Promise<string> {
  const code = await client.createDeviceCode();
  progress.info(
    `device code issued: "open ${code.verification_uri} and enter the code" (valid ${code.expires_in / 60} min, poll every ${code.interval} s)`,
  );
  await admin.approveDeviceCode({ user_code: code.user_code, login: "octocat" });
  progress.info("octocat entered the code in the browser and approved the app");
  const grant = await client.waitForDeviceAuthorization(code.device_code, {
    interval: code.interval,
    expiresIn: code.expires_in,
    onPending: ({ attempt }) => progress.info(`still waiting for approval (poll ${attempt})`),
  });
  if (!grant.refresh_token) throw new Error("the app issued no refresh token: it must expire user tokens");
  progress.info(
    `signed in: an access token (expires ${grant.expires_at ?? "never"}) and a refresh token (expires ${grant.refresh_token_expires_at ?? "never"})`,
  );
  return grant.refresh_token;
}
