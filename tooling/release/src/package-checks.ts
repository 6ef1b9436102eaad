// The checks every published package passes before a release: publint (the package.json and the files it
// names agree, nothing missing) and arethetypeswrong (its types resolve as TypeScript resolves them under
// `node16` and `bundler`), both run on the tarball that would be published. A tarball that passed is
// remembered by its contents, so what one run of the checks passed (the package checks test, `pnpm
// release`) is not checked again with the same files, checks and lockfile.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
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
 * What the checks see of a tarball: each file's path, executable bit and bytes, in path order. Not the
 * tarball's own bytes: `pnpm pack` writes the same files in varying order.
 */
function contentDigest(tarball: string): string {
  const dir = mkdtempSync(join(tmpdir(), "ghes-oauth-checked-"));
  try {
    execFileSync("tar", ["-xzf", tarball, "-C", dir]);
    const hash = createHash("sha256");
    for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
      const stats = lstatSync(join(dir, file));
      if (stats.isDirectory()) continue;
      hash.update(`${file}\0${stats.isFile() ? stats.mode & 0o111 : "not a file"}\0${stats.size}\0`);
      if (stats.isFile()) hash.update(readFileSync(join(dir, file)));
    }
    return hash.digest("hex");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every problem either tool finds with the tarball. A tarball that passed is recorded by its contents;
 * one whose contents passed before is not checked again (the package checks test and `pnpm release` in the
 * registry test each check the same seven packages).
 */
export async function packageProblems(tarball: string): Promise<string[]> {
  const passed = join(passedDir, sha256(contentDigest(tarball) + checksDigest));
  if (existsSync(passed)) return [];
  const problems = [...(await publintProblems(tarball)), ...attwProblems(tarball)];
  if (problems.length === 0) {
    mkdirSync(passedDir, { recursive: true });
    writeFileSync(passed, `${basename(tarball)}\n`);
  }
  return problems;
}
