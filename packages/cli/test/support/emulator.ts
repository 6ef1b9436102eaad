import { EmulatorAdmin, type LiveToken, startEmulator } from "@ghes-oauth/emulator";

export interface SeededEmulator {
  apiUrl: string;
  admin: EmulatorAdmin;
  clientId: string;
  clientSecret: string;
  org: { id: number; repositories: { id: number; name: string }[] };
  /** env for the CLI: GHES_OAUTH_BASE_URL, GHES_OAUTH_CLIENT_ID, GHES_OAUTH_CLIENT_SECRET. */
  env: Record<string, string>;
  /** A fresh non-scoped user token of `login` (default octocat). */
  newToken(login?: string): Promise<string>;
  /** The app's live access tokens (refresh tokens, issued alongside, are not counted). */
  liveAccessTokens(): Promise<LiveToken[]>;
  close(): Promise<void>;
}

export const APP_PERMISSIONS = { metadata: "read", contents: "write", issues: "write" } as const;

/**
 * An emulator on a free loopback port with an organization (repositories api, web, docs), two users
 * and an app installed on the organization's api and web repositories.
 */
export async function startSeededEmulator(): Promise<SeededEmulator> {
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1" });
  const admin = new EmulatorAdmin(emulator.apiUrl);
  const org = await admin.createAccount({
    login: "octo-org",
    type: "Organization",
    repositories: ["api", "web", "docs"],
  });
  await admin.createAccount({ login: "octocat", type: "User" });
  await admin.createAccount({ login: "hubot", type: "User" });
  const app = await admin.createApp({ name: "Responder", permissions: { ...APP_PERMISSIONS } });
  await admin.createInstallation({
    client_id: app.client_id,
    account: "octo-org",
    repositories: ["api", "web"],
  });
  return {
    apiUrl: emulator.apiUrl,
    admin,
    clientId: app.client_id,
    clientSecret: app.client_secret,
    org,
    env: {
      GHES_OAUTH_BASE_URL: emulator.apiUrl,
      GHES_OAUTH_CLIENT_ID: app.client_id,
      GHES_OAUTH_CLIENT_SECRET: app.client_secret,
    },
    newToken: async (login = "octocat") =>
      (await admin.issueUserToken({ client_id: app.client_id, login })).token,
    liveAccessTokens: async () =>
      (await admin.liveTokens(app.client_id)).filter((row) => row.kind === "access"),
    close: () => emulator.close(),
  };
}

/** Issues `count` tokens, `parallel` admin requests at a time. */
export async function issueTokens(emulator: SeededEmulator, count: number, parallel = 16): Promise<string[]> {
  const tokens: string[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const index = next++;
        tokens[index] = await emulator.newToken(index % 2 === 0 ? "octocat" : "hubot");
      }
    }),
  );
  return tokens;
}
