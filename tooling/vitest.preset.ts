import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";

/**
 * The test settings every package shares: tests under test/, generous timeouts (they talk HTTP to a real
 * emulator and drive the real Pulumi engine), and a JSON report that `npm test` sums into one closing line.
 */
export function packageTestConfig(overrides: ViteUserConfig = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        include: ["test/**/*.test.ts"],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        reporters: ["default", "json"],
        outputFile: { json: ".vitest/report.json" },
      },
    }),
    overrides,
  );
}
