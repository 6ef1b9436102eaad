// Every pending changeset must parse as Changesets reads it, naming only published workspace packages:
// `changeset version` stops on the first file that does not (a formatter once rewrote their front matter).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import parseChangeset from "@changesets/parse";
import { describe, expect, it } from "vitest";
import { workspacePackages } from "../src/workspace-imports.js";

const root = join(import.meta.dirname, "..", "..", "..");
const folder = join(root, ".changeset");
const changesets = readdirSync(folder).filter((file) => file.endsWith(".md") && file !== "README.md");
const providerSdk = JSON.parse(readFileSync(join(root, "packages/provider/sdk/nodejs/package.json"), "utf8"));
const published = new Set([
  ...workspacePackages(root)
    .filter((pkg) => !pkg.private)
    .map((pkg) => pkg.name),
  // The native provider's generated Node.js SDK, a workspace package inside packages/provider.
  providerSdk.name as string,
]);

describe("pending changesets", () => {
  it("are read from the repository's .changeset folder", () => {
    expect(existsSync(join(folder, "config.json"))).toBe(true);
  });

  it.each(changesets)("%s parses, with a bump for published packages and a summary", (file) => {
    const { releases, summary } = parseChangeset(readFileSync(join(folder, file), "utf8"));
    expect(releases.length).toBeGreaterThan(0);
    for (const release of releases) {
      expect(published).toContain(release.name);
      expect(["patch", "minor", "major"]).toContain(release.type);
    }
    expect(summary.trim()).not.toBe("");
  });
});
