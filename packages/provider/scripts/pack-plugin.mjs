// Packs the plugin as `pulumi plugin install resource ghes-oauth <version> --file <tarball>` takes it:
// pulumi-resource-ghes-oauth at the root, beside the built provider and its production dependencies
// (pnpm deploy). Needs Node.js 22+ on PATH where it runs. Prints the tarball's path.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(packageDir, "schema.json"), "utf8"));
const outDir = join(packageDir, "dist-plugin");
const tarball = join(outDir, `pulumi-resource-ghes-oauth-v${version}.tar.gz`);

const staging = mkdtempSync(join(tmpdir(), "ghes-oauth-plugin-"));
try {
  execFileSync(
    "pnpm",
    [
      "--config.node-linker=hoisted",
      "--filter",
      "@ghes-oauth/provider",
      "deploy",
      "--prefer-offline",
      "--prod",
      "--legacy",
      join(staging, "plugin"),
    ],
    { cwd: packageDir, stdio: ["ignore", "ignore", "inherit"] },
  );
  const launcher = join(staging, "plugin", "pulumi-resource-ghes-oauth");
  writeFileSync(
    launcher,
    [
      "#!/bin/sh",
      "# The ghes-oauth resource plugin, as `pulumi plugin install --file` unpacked it. Needs Node.js 22+.",
      'here="$(dirname "$(readlink -f "$0")")"',
      'exec node "$here/dist/main.js" "$@"',
      "",
    ].join("\n"),
  );
  chmodSync(launcher, 0o755);
  mkdirSync(outDir, { recursive: true });
  rmSync(tarball, { force: true });
  execFileSync("tar", ["--hard-dereference", "-czf", tarball, "-C", join(staging, "plugin"), "."]);
  console.log(tarball);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
