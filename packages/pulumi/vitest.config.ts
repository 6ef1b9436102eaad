import { packageTestConfig } from "@ghes-oauth/vitest-preset";

// The engine tests drive the real Pulumi engine (seconds per operation), each file with its own stacks,
// backend directory and emulator. They are the longest chain of `npm test`, and several of them mostly
// wait (rate-limit windows, retried faults): two run at once.
export default packageTestConfig(
  { test: { testTimeout: 180_000, hookTimeout: 180_000 } },
  { engineLanes: 2 },
);
