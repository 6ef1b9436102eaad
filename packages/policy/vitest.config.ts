import { packageTestConfig } from "@ghes-oauth/vitest-preset";

// Every test drives the real Pulumi engine (seconds per operation), the Go one also compiles a Go program
// (minutes the first time); files run one at a time so two cores are not shared by several engines.
export default packageTestConfig({
  test: { testTimeout: 600_000, hookTimeout: 180_000, fileParallelism: false },
});
