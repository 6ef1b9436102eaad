import { EmulatorAdmin, startEmulator } from "@ghes-oauth/emulator";
import type { ApiVersion } from "@ghes-oauth/github-contract";
import type { Dispatcher } from "undici";

export interface SeededEmulator {
  apiUrl: string;
  admin: EmulatorAdmin;
  clientId: string;
  clientSecret: string;
  org: { login: string; id: number; repositories: Array<{ id: number; name: string }> };
  user: { login: string; id: number };
  /** A fresh non-scoped user token. */
  newToken(): Promise<string>;
  close(): Promise<void>;
}

export const APP_PERMISSIONS: Record<string, "read" | "write"> = {
  metadata: "read",
  contents: "write",
  issues: "write",
  pull_requests: "read",
};

/**
 * Starts an emulator on a free loopback port and seeds: an organization with three repositories,
 * a user, an app with APP_PERMISSIONS installed on two of the organization's repositories.
 */
export async function startSeededEmulator(
  options: {
    tls?: { cert: string; key: string };
    adminDispatcher?: Dispatcher;
    apiVersion?: ApiVersion;
  } = {},
): Promise<SeededEmulator> {
  const emulator = await startEmulator({
    port: 0,
    host: "127.0.0.1",
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
  });
  const admin = new EmulatorAdmin(emulator.apiUrl, { dispatcher: options.adminDispatcher });
  const org = await admin.createAccount({
    login: "octo-org",
    type: "Organization",
    repositories: ["api", "web", "docs"],
  });
  const user = await admin.createAccount({ login: "octocat", type: "User" });
  const app = await admin.createApp({ name: "Scoper", permissions: APP_PERMISSIONS });
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
    user,
    newToken: async () => (await admin.issueUserToken({ client_id: app.client_id, login: "octocat" })).token,
    close: () => emulator.close(),
  };
}
