import type { EmulatorWorld } from "../support/emulator-world.js";

// The invalid argument sets of the bad-input suites: judged by the provider's check in-process
// (./bad-input-check.suite.ts) and, wrapped in pulumi.secret, by the engine (./bad-input.suite.ts).

export type Args = Record<string, unknown>;
/** `invalid` is the property holding the mistake (default: `property`), the one a secret run wraps. */
export type ScopedTokenCase = {
  name: string;
  property: string;
  invalid?: string;
  args: (world: EmulatorWorld) => Args;
};

export const base = (world: EmulatorWorld) => ({
  accessToken: world.userToken,
  target: "acme",
  permissions: { contents: "read" },
});

// Each is an arg set a user could plausibly write; every one must fail at preview, naming the property.
export const scopedTokenCases: ScopedTokenCase[] = [
  {
    name: "target and targetId both",
    property: "target",
    invalid: "targetId",
    args: (w) => ({ ...base(w), targetId: 1 }),
  },
  {
    name: "neither target nor targetId",
    property: "target",
    args: (w) => ({ ...base(w), target: undefined }),
  },
  {
    name: "unknown permission",
    property: "permissions",
    args: (w) => ({ ...base(w), permissions: { contnets: "read" } }),
  },
  {
    name: "bad level",
    property: "permissions",
    args: (w) => ({ ...base(w), permissions: { contents: "admin" } }),
  },
  {
    name: "workflows is write-only",
    property: "permissions",
    args: (w) => ({ ...base(w), permissions: { workflows: "read" } }),
  },
  {
    name: "organization_plan is read-only",
    property: "permissions",
    args: (w) => ({ ...base(w), permissions: { organization_plan: "write" } }),
  },
  { name: "no permissions", property: "permissions", args: (w) => ({ ...base(w), permissions: {} }) },
  {
    name: "permissions missing",
    property: "permissions",
    args: (w) => ({ ...base(w), permissions: undefined }),
  },
  {
    name: "repositories and repositoryIds",
    property: "repositories",
    invalid: "repositoryIds",
    args: (w) => ({ ...base(w), repositories: ["api"], repositoryIds: [1] }),
  },
  { name: "empty accessToken", property: "accessToken", args: (w) => ({ ...base(w), accessToken: "" }) },
  {
    name: "accessToken with whitespace",
    property: "accessToken",
    args: (w) => ({ ...base(w), accessToken: ` ${w.userToken}\n` }),
  },
  {
    name: "targetId not a number",
    property: "targetId",
    args: (w) => ({ ...base(w), target: undefined, targetId: "42" }),
  },
  {
    name: "negative targetId",
    property: "targetId",
    args: (w) => ({ ...base(w), target: undefined, targetId: -3 }),
  },
  {
    name: "repositoryIds of strings",
    property: "repositoryIds",
    args: (w) => ({ ...base(w), repositoryIds: ["api"] }),
  },
  {
    name: "empty repository name",
    property: "repositories",
    args: (w) => ({ ...base(w), repositories: [""] }),
  },
  {
    name: "repositories not a list",
    property: "repositories",
    args: (w) => ({ ...base(w), repositories: "api" }),
  },
  {
    name: "rotationTrigger not a string",
    property: "rotationTrigger",
    args: (w) => ({ ...base(w), rotationTrigger: 7 }),
  },
  {
    name: "a typo'd property",
    property: "permission",
    args: (w) => ({ ...base(w), permission: { contents: "read" } }),
  },
  {
    name: "connection without https",
    property: "connection",
    args: (w) => ({
      ...base(w),
      connection: {
        baseUrl: "http://github.example.com",
        clientId: w.app.client_id,
        clientSecret: w.app.client_secret,
      },
    }),
  },
  {
    name: "connection missing clientSecret",
    property: "connection",
    args: (w) => ({ ...base(w), connection: { baseUrl: w.emulator.apiUrl, clientId: w.app.client_id } }),
  },
];

/** A UserToken (or ScopedToken) argument set; `seed` is a valid refresh token. */
export type UserTokenCase = {
  name: string;
  property: string;
  says?: RegExp;
  resource: "userToken" | "scopedToken";
  args: (world: EmulatorWorld, seed: string) => Args;
};

// Each is an arg set a user could plausibly write; every one must fail at preview, naming the property.
export const userTokenCases: UserTokenCase[] = [
  { name: "no refreshToken", property: "refreshToken", resource: "userToken", args: () => ({}) },
  {
    name: "empty refreshToken",
    property: "refreshToken",
    resource: "userToken",
    args: () => ({ refreshToken: "" }),
  },
  {
    name: "an access token given as the refreshToken",
    property: "refreshToken",
    says: /access token \(ghu_\.\.\.\), not a refresh token/,
    resource: "userToken",
    args: (world) => ({ refreshToken: world.userToken }),
  },
  {
    name: "renewBefore in days",
    property: "renewBefore",
    says: /"90m", "2h", "1h30m" or a number of seconds/,
    resource: "userToken",
    args: (_w, seed) => ({ refreshToken: seed, renewBefore: "1d" }),
  },
  {
    name: "negative renewBefore",
    property: "renewBefore",
    resource: "userToken",
    args: (_w, seed) => ({ refreshToken: seed, renewBefore: -60 }),
  },
  {
    name: "unknown revokeOnDelete",
    property: "revokeOnDelete",
    says: /"token".*"grant".*"none"/,
    resource: "userToken",
    args: (_w, seed) => ({ refreshToken: seed, revokeOnDelete: "all" }),
  },
  {
    name: "a typo'd property",
    property: "renewBefor",
    resource: "userToken",
    args: (_w, seed) => ({ refreshToken: seed, renewBefor: "2h" }),
  },
  {
    name: "connection without https",
    property: "connection",
    resource: "userToken",
    args: (world, seed) => ({
      refreshToken: seed,
      connection: {
        baseUrl: "http://github.example.com",
        clientId: world.app.client_id,
        clientSecret: world.app.client_secret,
      },
    }),
  },
  {
    name: "ScopedToken renewBefore not a duration",
    property: "renewBefore",
    says: /"90m", "2h", "1h30m"/,
    resource: "scopedToken",
    args: (world) => ({
      accessToken: world.userToken,
      target: "acme",
      permissions: { contents: "read" },
      renewBefore: "soon",
    }),
  },
];
