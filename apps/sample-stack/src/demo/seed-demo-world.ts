import { seedWorld } from "@ghes-oauth/emulator/testing";

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
  const { org, app } = await seedWorld(emulatorUrl, {
    org: { login: "acme-platform", repositories: ["api", "web", "infra", "release-tools", "docs"] },
    app: {
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
    },
    signedIn: false,
  });
  const byName = new Map(org.repositories.map((repository) => [repository.name, repository.id]));
  return {
    clientId: app.client_id,
    clientSecret: app.client_secret,
    org: org.login,
    orgId: org.id,
    releaseRepositoryIds: ["infra", "release-tools"].map((name) => byName.get(name) ?? 0),
  };
}
