// The checks every published package passes before a release: publint (the package.json and the files it
// names agree, nothing missing) and arethetypeswrong (its types resolve as TypeScript resolves them under
// `node16` and `bundler`), both run on the tarball that would be published. A tarball that passed is
// remembered by its sha256 (`pnpm pack` is reproducible), so `pnpm release` does not check again what the
// package checks test (or an earlier release run) already checked, byte for byte.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { root } from "./workspace.ts";

const require = createRequire(import.meta.url);
const attwManifest = require.resolve("@arethetypeswrong/cli/package.json");
const attw = join(dirname(attwManifest), (require(attwManifest) as { bin: { attw: string } }).bin.attw);

/** publint's messages about the tarball, suggestions included (none is tolerated). */
export async function publintProblems(tarball: string): Promise<string[]> {
  const bytes = readFileSync(tarball);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball: buffer }, level: "suggestion", strict: true });
  return messages.map((message) => `publint: ${formatMessage(message, pkg) ?? message.code}`);
}

/**
 * arethetypeswrong's report when it finds a problem, else nothing. Profile `node16` (node10 is not a
 * target: every package needs Node.js 22+). Our ESM-only packages are `require`d by Node.js 22+ as they
 * are, so attw's "ESM (dynamic import only)" for CommonJS callers is expected and not a problem here.
 */
export function attwProblems(tarball: string): string[] {
  const run = spawnSync(
    process.execPath,
    [attw, tarball, "--profile", "node16", "--ignore-rules", "cjs-resolves-to-esm", "--format", "ascii"],
    { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
  );
  if (run.status === 0) return [];
  return [`arethetypeswrong:\n${run.stdout}${run.stderr}`];
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** Tarballs that passed: a file (holding the tarball's name) per key, gitignored with node_modules. */
const passedDir = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "node_modules",
  ".cache",
  "package-checks",
);
/** What else decides a result: these checks' code and options, and every tool's version (the lockfile). */
const checksDigest = sha256(
  readFileSync(fileURLToPath(import.meta.url), "utf8") + readFileSync(join(root, "pnpm-lock.yaml"), "utf8"),
);

/**
 * Every problem either tool finds with the tarball. A tarball that passed is recorded; with `reuse` (the
 * default, what `pnpm release` does) one that passed before is not checked again.
 */
export async function packageProblems(tarball: string, { reuse = true } = {}): Promise<string[]> {
  const passed = join(passedDir, sha256(sha256(readFileSync(tarball)) + checksDigest));
  if (reuse && existsSync(passed)) return [];
  const problems = [...(await publintProblems(tarball)), ...attwProblems(tarball)];
  if (problems.length === 0) {
    mkdirSync(passedDir, { recursive: true });
    writeFileSync(passed, `${basename(tarball)}\n`);
  }
  return problems;
}
