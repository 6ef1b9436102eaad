// The checks every published package passes before a release: publint (the package.json and the files it
// names agree, nothing missing) and arethetypeswrong (its types resolve as TypeScript resolves them under
// `node16` and `bundler`), both run on the tarball that would be published.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

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

/** Every problem either tool finds with the tarball. */
export async function packageProblems(tarball: string): Promise<string[]> {
  return [...(await publintProblems(tarball)), ...attwProblems(tarball)];
}
