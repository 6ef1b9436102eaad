import { ScopedToken, UserToken } from "@ghes-oauth/pulumi";
import * as pulumi from "@pulumi/pulumi";

/**
 * A user's sign-in kept alive (a UserToken seeded with the refresh token of a device- or web-flow
 * sign-in) and four tokens a platform team might hand out from it, each narrowed to what its job needs:
 * by repository name, by repository ID, organization-wide by account ID, and read/write mixes. A
 * scheduled `pulumi up` renews the user token and re-mints every scoped token within `renewBefore` of
 * its expiry. Connection details come from stack config `ghes-oauth:baseUrl`, `ghes-oauth:clientId`,
 * `ghes-oauth:clientSecret`.
 */
export function sampleProgram() {
  const config = new pulumi.Config("ghes-oauth-sample");
  const org = config.require("org");
  const renewBefore = config.get("renewBefore") ?? "1h";

  const user = new UserToken("platform-user", {
    refreshToken: config.requireSecret("userRefreshToken"),
    renewBefore,
  });
  const userAccessToken = user.accessToken;

  const ciRead = new ScopedToken("ci-read", {
    accessToken: userAccessToken,
    renewBefore,
    target: org,
    repositories: ["api", "web"],
    permissions: { contents: "read", metadata: "read" },
  });

  const releaseBot = new ScopedToken("release-bot", {
    accessToken: userAccessToken,
    renewBefore,
    target: org,
    repositoryIds: config.requireObject<number[]>("releaseRepositoryIds"),
    permissions: { contents: "write", pull_requests: "write", statuses: "read" },
    rotationTrigger: "2026-Q4",
  });

  const orgAuditor = new ScopedToken("org-auditor", {
    accessToken: userAccessToken,
    renewBefore,
    targetId: config.requireNumber("orgId"),
    permissions: { members: "read", organization_administration: "read" },
  });

  const issueTriage = new ScopedToken("issue-triage", {
    accessToken: userAccessToken,
    renewBefore,
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
    user: pulumi.output({
      login: user.userLogin,
      expiresAt: user.expiresAt,
      refreshTokenExpiresAt: user.refreshTokenExpiresAt,
    }),
    tokens: facts,
    /** One token handed on, as a secret: `pulumi stack output ciReadToken --show-secrets`. */
    ciReadToken: ciRead.token,
  };
}
