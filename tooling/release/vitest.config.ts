import { packageTestConfig } from "@ghes-oauth/vitest-preset";

// The release tests build, pack, publish and install the whole workspace: one file at a time.
export default packageTestConfig({ test: { testTimeout: 120_000, fileParallelism: false } });
