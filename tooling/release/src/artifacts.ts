// `pnpm release:artifacts --out DIR [--platforms linux-amd64,...]`: everything a release attaches, in DIR:
// each public package's npm tarball (as `pnpm publish` would upload it), the plugin's archives per
// platform (pulumi-resource-ghes-oauth-v<version>-<os>-<arch>.tar.gz, what a plugin download URL serves),
// the schema, and checksums.txt (sha256 of each). Run `pnpm build` first (`pnpm release` does).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeChecksums } from "./checksums.ts";
import { pack, publicPackages, root } from "./workspace.ts";

const { values } = parseArgs({ options: { out: { type: "string" }, platforms: { type: "string" } } });
if (!values.out) {
  console.error("usage: pnpm release:artifacts --out DIR [--platforms linux-amd64,linux-arm64,...]");
  process.exit(2);
}
// pnpm runs root scripts from the root; a relative DIR means relative to where the command was typed.
const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) rmSync(join(out, name), { recursive: true, force: true });

for (const pkg of publicPackages()) console.log(pack(pkg.dir, out));

const provider = join(root, "packages", "provider");
execFileSync(
  "node",
  [
    join(provider, "scripts", "build-plugins.mjs"),
    "--out",
    out,
    ...(values.platforms ? ["--platforms", values.platforms] : []),
  ],
  { stdio: "inherit" },
);

copyFileSync(join(provider, "schema.json"), join(out, "schema.json"));
console.log(join(out, "schema.json"));
console.log(await writeChecksums(out));
