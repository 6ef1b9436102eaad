import { EmulatorAdmin } from "@ghes-oauth/emulator";

export interface DemoWorld {
  clientId: string;
  clientSecret: string;
  org: string;
  orgId: number;
  releaseRepositoryIds: number[];
}

/**
 * What a real GHES would already have: an organization with repositories, a GitHub App (expiring user
 * tokens, GitHub's default) installed on it, and a user who can sign in to it.
 */
export async function seedDemoWorld(emulatorUrl: string): Promise<DemoWorld> {
  const admin = new EmulatorAdmin(emulatorUrl);
  const org = await admin.createAccount({
    login: "acme-platform",
    type: "Organization",
    repositories: ["api", "web", "infra", "release-tools", "docs"],
  });
  await admin.createAccount({ login: "octocat", type: "User" });
  const app = await admin.createApp({
    name: "platform-automation",
    expiringUserTokens: true,
    permissions: {
      contents: "write",
      metadata: "read",
      pull_requests: "write",
      statuses: "write",
      issues: "write",
      members: "read",
      organization_administration: "read",
    },
  });
  await admin.createInstallation({ client_id: app.client_id, account: org.login, repositories: "all" });
  const byName = new Map(org.repositories.map((repository) => [repository.name, repository.id]));
  return {
    clientId: app.client_id,
    clientSecret: app.client_secret,
    org: org.login,
    orgId: org.id,
    releaseRepositoryIds: ["infra", "release-tools"].map((name) => byName.get(name) ?? 0),
  };
}
