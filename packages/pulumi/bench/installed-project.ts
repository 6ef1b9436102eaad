import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A Pulumi project outside the workspace that installs @ghes-oauth/pulumi (and the client) from packed
 * tarballs, as a user's project would: node_modules paths, so the provider is serialized as it is for users.
 * Dependencies come from pnpm's store where it has them (--prefer-offline).
 */
export function createInstalledProject(runnerSource: string): string {
  const dir = mkdtempSync(join(tmpdir(), "ghes-oauth-installed-"));
  for (const name of ["@ghes-oauth/github-contract", "@ghes-oauth/client", "@ghes-oauth/pulumi"]) {
    execFileSync("pnpm", ["--filter", name, "pack", "--pack-destination", dir], { stdio: "ignore" });
  }
  const tarball = (prefix: string) => `file:./${readdirSync(dir).find((file) => file.startsWith(prefix))}`;
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "installed-project",
      private: true,
      type: "module",
      dependencies: {
        "@ghes-oauth/pulumi": tarball("ghes-oauth-pulumi-"),
        "@pulumi/pulumi": "3.259.0",
      },
      pnpm: {
        overrides: {
          "@ghes-oauth/client": tarball("ghes-oauth-client-"),
          "@ghes-oauth/github-contract": tarball("ghes-oauth-github-contract-"),
        },
      },
    }),
  );
  writeFileSync(join(dir, "runner.mjs"), runnerSource);
  execFileSync("pnpm", ["install", "--prefer-offline", "--ignore-workspace", "--reporter=silent"], {
    cwd: dir,
    stdio: "inherit",
  });
  return dir;
}
