import { packageTestConfig } from "@ghes-oauth/vitest-preset";

// Every test drives the real Pulumi engine, which starts this package's plugin; the Go test also
// compiles a Go program. Each file has its own stacks, backend and emulator: files run side by side as the
// preset sets.
export default packageTestConfig({
  test: { testTimeout: 600_000, hookTimeout: 300_000 },
});
