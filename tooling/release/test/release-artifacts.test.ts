// `pnpm release:artifacts --out DIR` writes what a release attaches: every public package's npm tarball
// (workspace ranges rewritten to versions), the plugin archive of every platform named as the engine
// downloads it, holding the standalone executable, the schema, and checksums.txt over all of them.
// The run builds them once (support/shared-artifacts.ts); the package checks use the same npm tarballs.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { publicPackages, root } from "../src/workspace.ts";
import { releaseArtifacts, tarballName } from "./support/shared-artifacts.ts";

let out: string;
const schema = JSON.parse(readFileSync(join(root, "packages/provider/schema.json"), "utf8"));
const archives = ["darwin-amd64", "linux-amd64", "linux-arm64", "windows-amd64"].map(
  (platform) => `pulumi-resource-ghes-oauth-v${schema.version}-${platform}.tar.gz`,
);
const tarballs = publicPackages().map(tarballName);

beforeAll(() => {
  out = releaseArtifacts();
}, 600_000);

describe("pnpm release:artifacts --out DIR", () => {
  it("writes the npm tarballs, the plugin archives, the schema and checksums.txt, nothing else", () => {
    expect(readdirSync(out).sort()).toEqual(
      [...tarballs, ...archives, "checksums.txt", "schema.json"].sort(),
    );
    expect(JSON.parse(readFileSync(join(out, "schema.json"), "utf8"))).toEqual(schema);
    const sizes = Object.fromEntries(readdirSync(out).map((name) => [name, statSync(join(out, name)).size]));
    console.log(`artifact sizes (bytes): ${JSON.stringify(sizes, null, 2)}`);
  });

  it("checksums.txt holds the sha256 of every other file, and sha256sum -c verifies them", () => {
    const listed = readFileSync(join(out, "checksums.txt"), "utf8").trim().split("\n");
    expect(listed.map((line) => line.split(/\s+/)[1]).sort()).toEqual(
      [...tarballs, ...archives, "schema.json"].sort(),
    );
    for (const line of listed) expect(line).toMatch(/^[0-9a-f]{64} {2}\S+$/);
    expect(execFileSync("sha256sum", ["-c", "checksums.txt"], { cwd: out, encoding: "utf8" })).not.toContain(
      "FAILED",
    );
  });

  it.each(archives)("%s holds the plugin executable, alone, for its platform", (archive) => {
    const entries = execFileSync("tar", ["-tzvf", join(out, archive)], { encoding: "utf8" })
      .trim()
      .split("\n");
    expect(entries).toHaveLength(1);
    const executable = archive.includes("windows")
      ? "pulumi-resource-ghes-oauth.exe"
      : "pulumi-resource-ghes-oauth";
    expect(entries[0]).toMatch(new RegExp(`^-rwxr-xr-x .* ${executable.replace(".", "\\.")}$`));
  });

  it("the npm tarballs name their workspace dependencies by version, never workspace:", () => {
    for (const tarball of tarballs) {
      const manifest = execFileSync("tar", ["-xzOf", join(out, tarball), "package/package.json"], {
        encoding: "utf8",
      });
      expect(manifest, tarball).not.toContain("workspace:");
    }
    const client = JSON.parse(
      execFileSync(
        "tar",
        ["-xzOf", join(out, tarballs.find((t) => t.includes("-client-")) ?? ""), "package/package.json"],
        {
          encoding: "utf8",
        },
      ),
    );
    expect(client.dependencies["@ghes-oauth/github-contract"]).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
