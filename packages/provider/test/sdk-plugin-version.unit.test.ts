// Each generated SDK names the plugin version and download location it was made for, so the engine asks
// for exactly that plugin (and can fetch it), whatever version a user's go.mod or lockfile records for
// the SDK. Without `respectSchemaVersion` the Go and Python SDKs' pulumi-plugin.json carry no version,
// and a Go program on a replaced or pseudo-versioned module asks the engine for ghes-oauth v0.0.0.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error a plain ES module of the build scripts, without type declarations
import { defaultPluginDownloadURL, packageMetadata } from "../scripts/package-metadata.mjs";

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");
const json = (path: string) => JSON.parse(read(path));

const schema = json("schema.json");
const sdkVersion: string = json("sdk/nodejs/package.json").version;
const expected = {
  resource: true,
  name: "ghes-oauth",
  version: sdkVersion,
  server: defaultPluginDownloadURL,
};

describe("the plugin version and download URL each SDK asks the engine for", () => {
  it("the schema carries the package-level settings: the Node.js SDK's version, the project's releases", () => {
    expect(schema.version).toBe(sdkVersion);
    expect(schema.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(schema.pluginDownloadURL).toBe("github://api.github.com/ghes-oauth/ghes-oauth");
    for (const language of ["nodejs", "go", "python"]) {
      expect(schema.language[language].respectSchemaVersion, language).toBe(true);
    }
    expect(schema).toMatchObject(packageMetadata({}));
  });

  it("Go: pulumi-plugin.json and the resource defaults name the version", () => {
    expect(json("sdk/go/ghesoauth/pulumi-plugin.json")).toEqual(expected);
    const utilities = read("sdk/go/ghesoauth/internal/pulumiUtilities.go");
    expect(utilities).toContain(`version := semver.MustParse("${sdkVersion}")`);
    expect(utilities).toContain(`pulumi.PluginDownloadURL("${defaultPluginDownloadURL}")`);
  });

  it("Python: pulumi-plugin.json and the package version", () => {
    expect(json("sdk/python/pulumi_ghes_oauth/pulumi-plugin.json")).toEqual(expected);
    expect(read("sdk/python/setup.py")).toMatch(
      new RegExp(`VERSION = "${sdkVersion.replaceAll(".", "\\.")}"`),
    );
    expect(read("sdk/python/pulumi_ghes_oauth/_utilities.py")).toContain(
      `return "${defaultPluginDownloadURL}"`,
    );
  });

  it("Node.js: package.json's pulumi section and the resource defaults", () => {
    const manifest = json("sdk/nodejs/package.json");
    expect(manifest.pulumi).toEqual(expected);
    expect(manifest.dependencies["@pulumi/pulumi"]).toMatch(/^\^3\./);
    expect(read("sdk/nodejs/utilities.ts")).toContain(`pluginDownloadURL: "${defaultPluginDownloadURL}"`);
  });
});
