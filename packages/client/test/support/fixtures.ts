import { createHash } from "node:crypto";
import type { WorldOptions } from "@ghes-oauth/emulator/testing";

/** A well-formed authorization body, shaped like GitHub's example. */
export function authorizationBody(token: string, clientId: string, extra: Record<string, unknown> = {}) {
  const user = {
    login: "octocat",
    id: 1,
    node_id: "MDQ6VXNlcjE=",
    type: "User",
    site_admin: false,
    avatar_url: "https://github.example.com/images/octocat.png",
    url: "https://github.example.com/api/v3/users/octocat",
  };
  return {
    id: 1,
    url: "https://github.example.com/api/v3/authorizations/1",
    scopes: [],
    token,
    token_last_eight: token.slice(-8),
    hashed_token: createHash("sha256").update(token).digest("hex"),
    app: { url: "https://example.com", name: "app", client_id: clientId },
    note: null,
    note_url: null,
    updated_at: "2026-01-01T00:00:00Z",
    created_at: "2026-01-01T00:00:00Z",
    fingerprint: null,
    expires_at: "2026-01-01T08:00:00Z",
    user,
    ...extra,
  };
}

export function scopedAuthorizationBody(token: string, clientId: string) {
  return authorizationBody(token, clientId, {
    installation: {
      permissions: { issues: "read" },
      repository_selection: "selected",
      single_file_name: null,
      repositories_url: "https://github.example.com/api/v3/user/repos",
      account: { login: "octo-org", id: 2, node_id: "MDEyOk9yZ2FuaXphdGlvbjI=", type: "Organization" },
      has_multiple_single_files: false,
      single_file_paths: [],
    },
  });
}

/**
 * The client tests' world (seeded by @ghes-oauth/emulator/testing): user octocat, organization octo-org
 * with api, web and docs, an app "Scoper" installed on api and web only.
 */
export const CLIENT_WORLD: WorldOptions = {
  org: { login: "octo-org", repositories: ["api", "web", "docs"] },
  app: { name: "Scoper" },
  installation: { repositories: ["api", "web"] },
};
