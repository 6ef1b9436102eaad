import { packageTestConfig } from "@ghes-oauth/vitest-preset";

// Every test drives the real Pulumi engine (seconds per operation); files run one at a time so two
// cores are not shared by several engines and emulators at once.
export default packageTestConfig({
  test: { testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false },
});
