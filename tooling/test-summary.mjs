// Sums the packages' vitest JSON reports into one closing line, "tests: N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
// Every workspace package with a test script must have left a report.
const workspaces = ["packages", "apps", "tooling"]
  .flatMap((folder) => readdirSync(join(root, folder)).map((name) => `${folder}/${name}`))
  .filter((workspace) => {
    const manifest = join(root, workspace, "package.json");
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).scripts?.test !== undefined;
  });
let passed = 0;
let failed = 0;
let skipped = 0;
for (const workspace of workspaces) {
  const file = join(root, workspace, ".vitest", "report.json");
  if (!existsSync(file)) {
    console.error(`no test report from ${workspace}`);
    process.exitCode = 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`  ${workspace}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (failed > 0 || passed === 0) process.exitCode = 1;
