import { packageTestConfig } from "@ghes-oauth/vitest-preset";

// The release tests build, pack, publish and install the whole workspace: one file at a time. What several
// files need (the release artifacts) is built once per run in a directory the global setup makes.
export default packageTestConfig({
  test: { testTimeout: 120_000, fileParallelism: false, globalSetup: ["./test/support/run-dir.ts"] },
});
