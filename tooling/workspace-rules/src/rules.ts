/**
 * The dependency rules between the workspace's packages. Shipped code is a package's `src/` and `bin/`;
 * everything else (tests, benchmarks, configs) is test code, which may also use the test-only links.
 * Apps and tooling may import any package; no package imports an app or a tooling workspace, except that
 * test code uses TEST_TOOLING.
 */
export const SHIPPED_IMPORTS: Record<string, readonly string[]> = {
  // GitHub's API description as data: it depends on no other package.
  "@ghes-oauth/github-contract": [],
  // The client and the emulator do not know each other; both may read the contract.
  "@ghes-oauth/client": ["@ghes-oauth/github-contract"],
  "@ghes-oauth/emulator": ["@ghes-oauth/github-contract"],
  "@ghes-oauth/pulumi": ["@ghes-oauth/client"],
  // The CLI's `scope --policy` judges by the policy pack's rules (the `/rules` subpath, free of @pulumi/policy).
  "@ghes-oauth/cli": ["@ghes-oauth/client", "@ghes-oauth/policy"],
  // The policy pack reads the permission catalogue and the duration grammar through the client.
  "@ghes-oauth/policy": ["@ghes-oauth/client"],
  // The native provider is a thin adapter over the dynamic resources' implementation.
  "@ghes-oauth/provider": ["@ghes-oauth/pulumi", "@ghes-oauth/client"],
};

/** Test-only links: what a package's test code may import besides what its shipped code may. */
export const TEST_ONLY_IMPORTS: Record<string, readonly string[]> = {
  "@ghes-oauth/github-contract": [],
  // The client's tests talk HTTP to the emulator; the emulator's tests never use the client.
  "@ghes-oauth/client": ["@ghes-oauth/emulator"],
  "@ghes-oauth/emulator": [],
  "@ghes-oauth/pulumi": ["@ghes-oauth/emulator"],
  "@ghes-oauth/cli": ["@ghes-oauth/emulator"],
  // The pack's tests run stacks of the dynamic and the native resources under it.
  "@ghes-oauth/policy": ["@ghes-oauth/emulator", "@ghes-oauth/pulumi", "@ghes-oauth/provider"],
  "@ghes-oauth/provider": ["@ghes-oauth/emulator", "@ghes-oauth/provider-sdk"],
};

/**
 * Test code that may reach into another workspace's test files by relative path: the native provider
 * runs the dynamic resource's shared suites (bad input, secret search) against itself, so both are
 * judged by one copy.
 */
export const TEST_REACH_INS: Record<string, readonly string[]> = {
  "@ghes-oauth/provider": ["@ghes-oauth/pulumi"],
};

/**
 * Tooling that every package's test code may import: the vitest preset, and the contract generator's
 * OpenAPI loader (tests check the client, the emulator and the contract against GitHub's description).
 */
export const TEST_TOOLING = ["@ghes-oauth/vitest-preset", "@ghes-oauth/github-contract-generator"];
