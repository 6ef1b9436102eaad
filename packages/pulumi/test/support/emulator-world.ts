import type { EmulatedApp, EmulatorAdmin, RunningEmulator } from "@ghes-oauth/emulator";
import { startSeededEmulator } from "@ghes-oauth/emulator/testing";

export interface EmulatorWorld {
  emulator: RunningEmulator;
  admin: EmulatorAdmin;
  app: EmulatedApp;
  /** A non-scoped user-to-server token of `app` for user `octocat`. */
  userToken: string;
  /** The organization the app is installed on, with repositories api, web, docs, infra. */
  org: { id: number; login: string; repositories: { id: number; name: string }[] };
  /**
   * A new sign-in of `login` to the app (as the web flow would issue it): its access token and, when the
   * app expires its tokens, the refresh token a UserToken is seeded with.
   */
  signIn(login?: string): Promise<{ accessToken: string; refreshToken: string | undefined }>;
  /** What a client needs to call the emulator as `app`: `new OAuthAppClient(world.connection)`. */
  connection: { baseUrl: string; clientId: string; clientSecret: string };
  /** Stack config pointing ScopedTokens at this emulator as this app. */
  connectionConfig: Record<string, { value: string; secret?: boolean }>;
  close(): Promise<void>;
}

/**
 * An emulator with an org, a GitHub App installed on it, and a user who authorized the app (the shared
 * world of @ghes-oauth/emulator/testing), plus the stack config that points the resources at it. The app
 * expires its user tokens (GitHub's default) unless `expiringUserTokens` is false.
 */
export async function startEmulatorWorld(
  options: { expiringUserTokens?: boolean } = {},
): Promise<EmulatorWorld> {
  const world = await startSeededEmulator({
    world: {
      org: { login: "acme", repositories: ["api", "web", "docs", "infra"] },
      app: {
        name: "deploy-bot",
        expiringUserTokens: options.expiringUserTokens ?? true,
        permissions: {
          contents: "write",
          issues: "write",
          metadata: "read",
          pull_requests: "write",
          members: "read",
          workflows: "write",
          statuses: "write",
        },
      },
    },
  });
  const { emulator, admin, app, org } = world;
  const connectionConfig = {
    "ghes-oauth:baseUrl": { value: emulator.apiUrl },
    "ghes-oauth:clientId": { value: app.client_id },
    "ghes-oauth:clientSecret": { value: app.client_secret, secret: true },
  };
  const signIn = async (login = "octocat") => {
    const issued = await world.issueUserToken(login);
    return { accessToken: issued.token, refreshToken: issued.refresh_token };
  };
  return {
    emulator,
    admin,
    app,
    connection: world.connection,
    userToken: world.userToken.token,
    org,
    signIn,
    connectionConfig,
    close: () => world.close(),
  };
}
