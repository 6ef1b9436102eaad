// Pure tests of the facts a ScopedToken keeps from the API's answers (scope, check, reset).
import type { Authorization } from "@ghes-oauth/client";
import { describe, expect, it } from "vitest";
import { mintedTokenFacts, refreshedFacts } from "../dist/runtime/scoped-token/minted-token-facts.js";

const token = "ghu_0123456789abcdefghijklmnopqrstuvwxyz";
const scoped: Authorization = {
  id: 17,
  url: "https://ghe.example.com/api/v3/authorizations/17",
  scopes: [],
  token,
  token_last_eight: "stuvwxyz",
  hashed_token: "ab".repeat(32),
  app: { client_id: "Iv1.a", name: "deploy-bot", url: "https://ghe.example.com/apps/deploy-bot" },
  note: null,
  note_url: null,
  created_at: "2026-11-01T00:00:00Z",
  updated_at: "2026-11-01T00:00:00Z",
  fingerprint: null,
  expires_at: "2026-11-01T08:00:00Z",
  user: { login: "octocat", id: 2 } as Authorization["user"],
  installation: {
    permissions: { contents: "read", metadata: "read" },
    repository_selection: "selected",
    account: { login: "acme", id: 1 },
  } as unknown as Authorization["installation"],
};

describe("mintedTokenFacts", () => {
  it("keeps what the scope call answered", () => {
    expect(mintedTokenFacts(scoped)).toEqual({
      token,
      tokenLastEight: "stuvwxyz",
      hashedToken: "ab".repeat(32),
      expiresAt: "2026-11-01T08:00:00Z",
      authorizationId: 17,
      userLogin: "octocat",
      targetLogin: "acme",
      repositorySelection: "selected",
      grantedPermissions: { contents: "read", metadata: "read" },
    });
  });

  it("fills what the answer leaves out: the last eight from the token, empty scope facts, no expiry", () => {
    const bare = {
      ...scoped,
      token_last_eight: null,
      hashed_token: null,
      expires_at: null,
      user: null,
      installation: null,
    };
    expect(mintedTokenFacts(bare)).toMatchObject({
      tokenLastEight: token.slice(-8),
      hashedToken: "",
      expiresAt: null,
      userLogin: "",
      targetLogin: "",
      repositorySelection: "",
      grantedPermissions: {},
    });
  });

  it("copies the granted permissions instead of sharing the answer's object", () => {
    const permissions: Record<string, string> = { contents: "read" };
    const answer = { ...scoped, installation: { ...scoped.installation, permissions } } as Authorization;
    const facts = mintedTokenFacts(answer);
    permissions.issues = "write";
    expect(facts.grantedPermissions).toEqual({ contents: "read" });
  });
});

describe("refreshedFacts", () => {
  const previous = mintedTokenFacts(scoped);

  it("keeps the scope facts when a check answers without the installation", () => {
    const checked = { ...scoped, installation: null, expires_at: "2026-11-01T09:00:00Z" };
    expect(refreshedFacts(previous, checked)).toEqual({ ...previous, expiresAt: "2026-11-01T09:00:00Z" });
  });

  it("takes a reset's new token and its facts, keeping what the answer does not repeat", () => {
    const newToken = "ghu_zyxwvutsrqponmlkjihgfedcba9876543210";
    const reset = {
      ...scoped,
      token: newToken,
      token_last_eight: "76543210",
      hashed_token: null,
      user: null,
    };
    expect(refreshedFacts(previous, reset)).toEqual({
      ...previous,
      token: newToken,
      tokenLastEight: "76543210",
      hashedToken: previous.hashedToken,
      userLogin: "octocat",
    });
  });

  it("takes new granted permissions when the answer has the installation", () => {
    const widened = {
      ...scoped,
      installation: { ...scoped.installation, permissions: { contents: "write" } },
    } as Authorization;
    expect(refreshedFacts(previous, widened).grantedPermissions).toEqual({ contents: "write" });
  });
});
