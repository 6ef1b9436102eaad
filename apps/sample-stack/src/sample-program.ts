import { ScopedToken } from "@ghes-oauth/pulumi";
import * as pulumi from "@pulumi/pulumi";

/**
 * Four tokens a platform team might hand out, each narrowed to what its job needs: by repository name,
 * by repository ID, organization-wide by account ID, and read/write mixes. Connection details come from
 * stack config `ghes-oauth:baseUrl`, `ghes-oauth:clientId`, `ghes-oauth:clientSecret`.
 */
export function sampleProgram() {
  const config = new pulumi.Config("ghes-oauth-sample");
  const org = config.require("org");
  const userAccessToken = config.requireSecret("userAccessToken");

  const ciRead = new ScopedToken("ci-read", {
    accessToken: userAccessToken,
    target: org,
    repositories: ["api", "web"],
    permissions: { contents: "read", metadata: "read" },
  });

  const releaseBot = new ScopedToken("release-bot", {
    accessToken: userAccessToken,
    target: org,
    repositoryIds: config.requireObject<number[]>("releaseRepositoryIds"),
    permissions: { contents: "write", pull_requests: "write", statuses: "read" },
    rotationTrigger: "2026-Q4",
  });

  const orgAuditor = new ScopedToken("org-auditor", {
    accessToken: userAccessToken,
    targetId: config.requireNumber("orgId"),
    permissions: { members: "read", organization_administration: "read" },
  });

  const issueTriage = new ScopedToken("issue-triage", {
    accessToken: userAccessToken,
    target: org,
    permissions: { issues: "write", pull_requests: "read" },
  });

  const tokens = {
    "ci-read": ciRead,
    "release-bot": releaseBot,
    "org-auditor": orgAuditor,
    "issue-triage": issueTriage,
  };
  const facts = Object.fromEntries(
    Object.entries(tokens).map(([name, token]) => [
      name,
      pulumi.output({
        lastEight: token.tokenLastEight,
        hashedToken: token.hashedToken,
        permissions: token.grantedPermissions,
        expiresAt: token.expiresAt,
        target: token.targetLogin,
        repositorySelection: token.repositorySelection,
      }),
    ]),
  );

  return {
    tokens: facts,
    /** One token handed on, as a secret: `pulumi stack output ciReadToken --show-secrets`. */
    ciReadToken: ciRead.token,
  };
}
