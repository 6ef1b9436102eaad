// `pnpm test:unit`: every workspace's unit project (`test/**/*.unit.test.ts`) in one vitest run. The same
// files also run in each package's own `vitest run` (what `npm test` runs), as its `unit` project.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
// Imported by path: a root dependency on the workspace package would enter every task hash in Turborepo.
import { unitTestProject } from "./tooling/vitest-preset/src/index.ts";

const workspaces = ["packages", "apps", "tooling"]
  .flatMap((folder) => readdirSync(folder).map((name) => join(folder, name)))
  .filter((workspace) => existsSync(join(workspace, "vitest.config.ts")));

export default defineConfig({
  test: { projects: workspaces.map((workspace) => unitTestProject(workspace, workspace)) },
});
