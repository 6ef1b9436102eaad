// Every published package, packed as `pnpm publish` packs it, passes publint and arethetypeswrong, and
// has a real version; the generated Node.js SDK of the native provider is among them. The tarballs are the
// run's `pnpm release:artifacts` ones (its `pnpm pack` of each package), built once for the run. Contents
// that passed the checks earlier (in `pnpm release` of the registry test) are not checked twice.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packageProblems } from "../src/package-checks.ts";
import { publicPackages } from "../src/workspace.ts";
import { releaseArtifacts, tarballName } from "./support/shared-artifacts.ts";

const packages = publicPackages();
let artifacts: string;
beforeAll(() => {
  artifacts = releaseArtifacts();
}, 600_000);

describe("published packages", () => {
  it("are the libraries, the CLI, the emulator, the policy pack and the provider's Node.js SDK", () => {
    expect(packages.map((pkg) => pkg.name)).toEqual([
      "@ghes-oauth/cli",
      "@ghes-oauth/client",
      "@ghes-oauth/emulator",
      "@ghes-oauth/github-contract",
      "@ghes-oauth/policy",
      "@ghes-oauth/provider-sdk",
      "@ghes-oauth/pulumi",
    ]);
    for (const pkg of packages) expect(pkg.version, pkg.name).not.toBe("0.0.0");
  });

  it.each(packages.map((pkg) => [pkg.name, pkg] as const))(
    "%s passes publint and arethetypeswrong",
    async (_, pkg) => {
      expect(await packageProblems(join(artifacts, tarballName(pkg)))).toEqual([]);
    },
  );
});
