// The checks can fail: a package whose manifest names a missing file, and one whose types describe the
// wrong module format under node16, are each reported.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { attwProblems, publintProblems } from "../src/package-checks.ts";

const work = mkdtempSync(join(tmpdir(), "ghes-oauth-broken-package-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Packs a package made of `files` (paths -> contents) with `npm pack`; returns the tarball. */
function tarballOf(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], {
    cwd: dir,
    encoding: "utf8",
  });
  return join(work, tarball.trim());
}

describe("the package checks", () => {
  it("publint reports an export that names a file the package lacks", async () => {
    const tarball = tarballOf("missing-file", {
      "package.json": JSON.stringify({
        name: "missing-file",
        version: "1.0.0",
        type: "module",
        exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
      }),
      "dist/index.js": "export const a = 1;\n",
    });
    expect((await publintProblems(tarball)).join("\n")).toContain("dist/index.d.ts");
  });

  it("arethetypeswrong reports types that masquerade as CommonJS for an ES module under node16", () => {
    const tarball = tarballOf("false-cjs", {
      "package.json": JSON.stringify({
        name: "false-cjs",
        version: "1.0.0",
        exports: { ".": { types: "./index.d.ts", import: "./index.mjs", require: "./index.js" } },
      }),
      "index.mjs": "export const a = 1;\n",
      "index.js": "exports.a = 1;\n",
      "index.d.ts": "export declare const a: number;\n",
    });
    expect(attwProblems(tarball).join("\n")).toMatch(/Masquerading as CJS/);
  });
});
