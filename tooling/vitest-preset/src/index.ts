import { fileURLToPath } from "node:url";
import {
  configDefaults,
  defineConfig,
  mergeConfig,
  type TestProjectInlineConfiguration,
  type ViteUserConfig,
} from "vitest/config";

/** The unit layer: `test/**\/*.unit.test.ts`, tests that need no server, engine, child process or network. */
export const UNIT_TESTS = "test/**/*.unit.test.ts";
/** The engine layer: `test/**\/*.engine.test.ts`, tests that need the real Pulumi engine (or a program in a language). */
export const ENGINE_TESTS = "test/**/*.engine.test.ts";
const ALL_TESTS = "test/**/*.test.ts";
const noProcesses = fileURLToPath(new URL("./no-processes.ts", import.meta.url));

/**
 * Test files run at once per package: 2 by default (vitest's own default is one fewer than the cores, so
 * a single file at a time on a 2-core runner, while most files wait on an emulator or the engine rather than
 * on a CPU). `GHES_OAUTH_TEST_WORKERS` overrides it, e.g. 1 to time a package the old way.
 */
export function testWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const requested = Number.parseInt(env.GHES_OAUTH_TEST_WORKERS ?? "", 10);
  return Number.isInteger(requested) && requested > 0 ? requested : 2;
}

/**
 * Engine test files run at once per package: 1 by default, or the package's own `lanes` (a package whose
 * engine files are the run's longest chain asks for 2, so a core does not sit idle while it runs alone). Each
 * file starts the Pulumi CLI, a plugin host and an emulator; with four at once on a loaded 2-core runner an
 * inline program's gRPC link to the engine was seen to time out ("14 UNAVAILABLE") and a preview to pass that
 * should have failed. `GHES_OAUTH_ENGINE_WORKERS` overrides both.
 */
export function engineWorkers(env: NodeJS.ProcessEnv = process.env, lanes = 1): number {
  const requested = Number.parseInt(env.GHES_OAUTH_ENGINE_WORKERS ?? "", 10);
  return Number.isInteger(requested) && requested > 0 ? requested : lanes;
}

/**
 * The unit project of the package at `root` (default: the config's own root): its `*.unit.test.ts` files,
 * each run with servers, sockets and child processes refused, so a test that needs one fails and says where
 * it belongs.
 */
export function unitTestProject(name = "unit", root?: string): TestProjectInlineConfiguration {
  return {
    test: { name, ...(root ? { root } : {}), include: [UNIT_TESTS], setupFiles: [noProcesses] },
  };
}

/**
 * The test settings every package shares: three projects, `unit` (the `*.unit.test.ts` files: pure logic, what
 * `pnpm test:unit` runs), `engine` (the `*.engine.test.ts` files: the real Pulumi engine) and `integration`
 * (every other `test/**\/*.test.ts`: HTTP to a real emulator, the provider runtime in-process in
 * `*.harness.test.ts`, child processes), generous timeouts, and one JSON report for both that `npm test` sums into its closing line.
 * `overrides` apply to every project; `engineLanes` is how many engine files run at once (see engineWorkers).
 */
export function packageTestConfig(overrides: ViteUserConfig = {}, options: { engineLanes?: number } = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        testTimeout: 30_000,
        hookTimeout: 60_000,
        // Files run in forked processes (engine files each in one of its own: the Pulumi SDK keeps its
        // runtime settings in module state), and every file that needs a directory, port or Pulumi backend
        // makes its own (mkdtemp, port 0).
        pool: "forks",
        maxWorkers: testWorkers(),
        reporters: ["default", "json"],
        outputFile: { json: ".vitest/report.json" },
        projects: [
          { extends: true, ...unitTestProject() },
          {
            extends: true,
            test: {
              name: "integration",
              include: [ALL_TESTS],
              exclude: [...configDefaults.exclude, UNIT_TESTS, ENGINE_TESTS],
              // A worker process runs its files one after another without re-importing every module for
              // each (measured: the client's, the emulator's and the harness files' CPU 0.55-0.6x). Every
              // file still makes its own emulator, ports and temp dirs, and restores the environment
              // variables it sets (vi.stubEnv / unstubAllEnvs).
              isolate: false,
            },
          },
          // After the other files, at its own width (vitest runs projects of one group at one width).
          {
            extends: true,
            test: {
              name: "engine",
              include: [ENGINE_TESTS],
              maxWorkers: engineWorkers(process.env, options.engineLanes),
              sequence: { groupOrder: 1 },
              // One retry for a failed engine test: on a loaded 2-core runner an inline program sometimes
              // cannot reach the engine's resource monitor ("14 UNAVAILABLE: No connection established",
              // seen in 2 of 3 fresh-clone runs, in bad-input's back-to-back previews), a race of the engine
              // and the SDK, not of our code. A real failure fails twice.
              retry: 1,
            },
          },
        ],
      },
    }),
    overrides,
  );
}
