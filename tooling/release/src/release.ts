// `pnpm release [changeset publish flags]`: builds, checks, then publishes every public package whose
// version is not on the registry yet (Changesets), to the registry npm's configuration names (the
// `registry` setting, or a scope's `@ghes-oauth:registry`, with its auth token). With git tags on (the
// default), also tags the Go SDK's module version, `packages/provider/sdk/go/ghesoauth/v<version>`.
// Versions come first: `pnpm version-packages` (changeset version, then the SDKs regenerated).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageProblems } from "./package-checks.ts";
import { pack, publicPackages, root } from "./workspace.ts";

const flags = process.argv.slice(2);
const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: root, stdio: "inherit" });

run("pnpm", ["exec", "turbo", "run", "build", "sdk:check", "--output-logs=errors-only"]);

const packed = mkdtempSync(join(tmpdir(), "ghes-oauth-release-check-"));
try {
  const problems = [];
  for (const pkg of publicPackages()) {
    const found = await packageProblems(pack(pkg.dir, packed));
    problems.push(...found.map((problem) => `${pkg.name}@${pkg.version}: ${problem}`));
  }
  if (problems.length > 0) {
    console.error(`release: the packages are not fit to publish:\n${problems.join("\n")}`);
    process.exit(1);
  }
} finally {
  rmSync(packed, { recursive: true, force: true });
}

run("pnpm", ["exec", "changeset", "publish", ...flags]);

if (!flags.includes("--no-git-tag")) {
  const goModule = "packages/provider/sdk/go/ghesoauth";
  const sdk = publicPackages().find((pkg) => pkg.name === "@ghes-oauth/provider-sdk");
  const tag = `${goModule}/v${sdk?.version}`;
  const existing = execFileSync("git", ["tag", "--list", tag], { cwd: root, encoding: "utf8" }).trim();
  if (!existing) run("git", ["tag", tag]);
  console.log(
    `release: Go SDK tagged ${tag}; push the tags: git push --follow-tags && git push origin ${tag}`,
  );
}
