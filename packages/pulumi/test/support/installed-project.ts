import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A Pulumi project outside the workspace that installs @ghes-oauth/pulumi (and the workspace packages it
 * depends on) from packed tarballs, as a user's project would: node_modules paths, so the provider is serialized as it is for users,
 * and the project's own `@pulumi/pulumi` (at `pulumiVersion`) is the one copy the package's peer dependency
 * resolves to. Dependencies come from pnpm's store where it has them (--prefer-offline): the SDK versions
 * the tests use are in the workspace lockfile (see test/sdk-range/).
 */
export function createInstalledProject(files: Record<string, string>, pulumiVersion: string): string {
  const dir = mkdtempSync(join(tmpdir(), "ghes-oauth-installed-"));
  // The package and the workspace packages it depends on, each packed (none is on a registry yet).
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
        "@pulumi/pulumi": pulumiVersion,
      },
      pnpm: {
        overrides: {
          "@ghes-oauth/client": tarball("ghes-oauth-client-"),
          "@ghes-oauth/github-contract": tarball("ghes-oauth-github-contract-"),
        },
      },
    }),
  );
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  execFileSync("pnpm", ["install", "--prefer-offline", "--ignore-workspace", "--reporter=silent"], {
    cwd: dir,
    stdio: "inherit",
  });
  return dir;
}
