import { packageTestConfig } from "@ghes-oauth/vitest-preset";

// Every test drives the real Pulumi engine, which starts this package's plugin; the Go test also
// compiles a Go program. Files run one at a time so two cores are not shared by several engines.
export default packageTestConfig({
  test: { testTimeout: 600_000, hookTimeout: 300_000, fileParallelism: false },
});
