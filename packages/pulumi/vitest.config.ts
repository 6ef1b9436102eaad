import { packageTestConfig } from "@ghes-oauth/vitest-preset";

// The engine tests drive the real Pulumi engine (seconds per operation), each file with its own stacks,
// backend directory and emulator, so files run side by side as the preset sets (an engine spends much of
// its time waiting on its plugins and the emulator).
export default packageTestConfig({
  test: { testTimeout: 180_000, hookTimeout: 180_000 },
});
