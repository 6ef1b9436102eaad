// Counts tests, assertions and engine-starting calls per package and per layer, statically (no test runs):
// `node tooling/test-inventory.mjs [--json]`. The figures are for comparing two commits, not for CI.
//
// Layers: `unit` (*.unit.test.ts), `harness` (*.harness.test.ts: the provider runtime in-process against the
// emulator), `engine` (*.engine.test.ts, or any file that starts the Pulumi engine itself or through a shared
// suite under test/), `integration` (the rest: HTTP to a real emulator, child processes).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = join(import.meta.dirname, "..");
const workspaces = ["packages", "apps", "tooling"]
  .flatMap((folder) => readdirSync(join(root, folder)).map((name) => join(root, folder, name)))
  .filter((workspace) => existsSync(join(workspace, "test")));

const TEST_CALL = /\b(?:it|test)(?:\.(?:each\([^)]*\)|concurrent|sequential|for\([^)]*\)))?\s*\(/g;
const ASSERTION = /\bexpect(?:\.soft)?\s*\(/g;
// Calls that start a Pulumi engine: an Automation API operation, or the CLI.
const ENGINE_CALL =
  /\.(?:up|preview|refresh|destroy|previewRefresh|importResources)\s*\(|\bpulumiCli\s*\(|\bexportStackText\s*\(|\bgoTest\s*\(|\["runner\.mjs"\]/g;
const ENGINE_MARK = /LocalWorkspace|createTestStack|pulumiCli|exportStackText|goTest|runner\.mjs/;
const IMPORT = /from\s+"(\.{1,2}\/[^"]+)"/g;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function count(text, pattern) {
  return [...text.matchAll(pattern)].length;
}

/** A test file's text plus the text of the shared suites/support files it imports from its package (transitively). */
function withLocalImports(file, testDir, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return "";
  seen.add(file);
  const text = readFileSync(file, "utf8");
  let joined = text;
  for (const [, spec] of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
    if (target.includes(`${join("", "test")}`) || target.startsWith(testDir)) {
      joined += `\n${withLocalImports(target, testDir, seen)}`;
    }
  }
  return joined;
}

function layerOf(file, transitive) {
  if (file.endsWith(".unit.test.ts")) return "unit";
  if (file.endsWith(".harness.test.ts")) return "harness";
  if (file.endsWith(".engine.test.ts")) return "engine";
  // Before the engine layer was tagged by name: any file that starts the engine itself or through a suite.
  if (ENGINE_MARK.test(transitive)) return "engine (untagged)";
  return "integration";
}

const rows = [];
for (const workspace of workspaces) {
  const testDir = join(workspace, "test");
  for (const file of filesUnder(testDir).filter((path) => path.endsWith(".test.ts"))) {
    const own = readFileSync(file, "utf8");
    const transitive = withLocalImports(file, testDir);
    // A file that only calls a shared suite counts the suite's tests and assertions as its own.
    const suites = [...own.matchAll(IMPORT)]
      .map(([, spec]) => resolve(dirname(file), spec.replace(/\.js$/, ".ts")))
      .filter((path) => path.endsWith(".suite.ts") && existsSync(path))
      .map((path) => readFileSync(path, "utf8"))
      .join("\n");
    const counted = `${own}\n${suites}`;
    const layer = layerOf(file, transitive);
    rows.push({
      package: relative(root, workspace),
      file: relative(root, file),
      layer,
      tests: count(counted, TEST_CALL),
      assertions: count(counted, ASSERTION),
      // `.destroy(` on a socket is no engine: only engine-layer files count.
      engineCalls: layer.startsWith("engine") ? count(counted, ENGINE_CALL) : 0,
    });
  }
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const sum = (list, key) => list.reduce((total, row) => total + row[key], 0);
  const table = (key) => {
    const groups = new Map();
    for (const row of rows) groups.set(row[key], [...(groups.get(row[key]) ?? []), row]);
    console.log(`\nper ${key}`);
    console.log(`${key.padEnd(28)} files  tests  assertions  engine-calls  engine-files`);
    for (const [name, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const engineFiles = list.filter((row) => row.engineCalls > 0).length;
      console.log(
        `${name.padEnd(28)} ${String(list.length).padStart(5)}  ${String(sum(list, "tests")).padStart(5)}  ${String(sum(list, "assertions")).padStart(10)}  ${String(sum(list, "engineCalls")).padStart(12)}  ${String(engineFiles).padStart(12)}`,
      );
    }
  };
  table("package");
  table("layer");
  console.log(
    `\ntotal: ${rows.length} files, ${sum(rows, "tests")} tests, ${sum(rows, "assertions")} assertions, ${sum(rows, "engineCalls")} engine-starting calls in ${rows.filter((row) => row.engineCalls > 0).length} files`,
  );
}
