import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { CHECKSUMS } from "../../src/checksums.ts";
import { type PublicPackage, root } from "../../src/workspace.ts";

/**
 * The output of `pnpm release:artifacts --out DIR`, run once per test run (files run one at a time) in the
 * run's directory and shared: the artifacts test checks what it wrote, the package checks run on its npm
 * tarballs (the same `pnpm pack` output). A run that failed left no checksums.txt, so the next file retries.
 */
export function releaseArtifacts(): string {
  const out = join(inject("releaseRunDir"), "artifacts");
  if (!existsSync(join(out, CHECKSUMS))) {
    execFileSync("pnpm", ["release:artifacts", "--out", out], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
  }
  return out;
}

/** The npm tarball's name that `pnpm pack` gives `pkg`. */
export function tarballName(pkg: Pick<PublicPackage, "name" | "version">): string {
  return `${pkg.name.replace("@", "").replace("/", "-")}-${pkg.version}.tgz`;
}
