import { loadDescription, openapiPackageVersion } from "@ghes-oauth/github-contract-generator";
import { describe, expect, it } from "vitest";
import {
  API_VERSIONS,
  DEFAULT_API_VERSION,
  isApiVersion,
  isPermissionName,
  OPENAPI_PACKAGE_VERSION,
  PERMISSION_NAMES,
  permissionLevels,
  permissionNamesOf,
  permissionVersions,
} from "../src/index.js";

type AppPermissions = { properties: Record<string, { enum: string[] }> };

/** Straight from the description, without the generator: the scope endpoint's `app-permissions`. */
function appPermissions(version: string): Record<string, string[]> {
  const { spec } = loadDescription(version);
  const schemas = (spec.components as { schemas: Record<string, AppPermissions> }).schemas;
  const properties = schemas["app-permissions"]?.properties ?? {};
  return Object.fromEntries(Object.entries(properties).map(([name, { enum: levels }]) => [name, levels]));
}

describe("the permission catalogue", () => {
  it("was generated from the installed @octokit/openapi, for the four supported descriptions", () => {
    expect(OPENAPI_PACKAGE_VERSION).toBe(openapiPackageVersion());
    expect(API_VERSIONS).toEqual(["ghes-3.17", "ghes-3.18", "ghes-3.19", "api.github.com"]);
    expect(DEFAULT_API_VERSION).toBe("ghes-3.19");
    expect(isApiVersion("ghes-3.18")).toBe(true);
    expect(isApiVersion("ghes-3.2")).toBe(false);
  });

  it.each(API_VERSIONS)("%s: exactly the names and levels of app-permissions", (version) => {
    const expected = appPermissions(version);
    expect(permissionNamesOf(version)).toEqual(Object.keys(expected).sort());
    for (const [name, levels] of Object.entries(expected)) {
      expect(isPermissionName(name)).toBe(true);
      if (isPermissionName(name)) {
        expect(permissionLevels(name), name).toEqual(levels);
        expect(permissionVersions(name)).toContain(version);
      }
    }
  });

  it("has the sizes GitHub documents: 55 (3.17, 3.18, github.com), 57 (3.19), 59 in all", () => {
    const sizes = Object.fromEntries(
      API_VERSIONS.map((version) => [version, permissionNamesOf(version).length]),
    );
    expect(sizes).toEqual({ "ghes-3.17": 55, "ghes-3.18": 55, "ghes-3.19": 57, "api.github.com": 55 });
    expect(PERMISSION_NAMES).toHaveLength(59);
  });

  it("knows the permissions current servers added and drops the ones they removed", () => {
    for (const name of ["codespaces", "dependabot_secrets", "discussions", "merge_queues", "attestations"]) {
      expect(isPermissionName(name), name).toBe(true);
    }
    expect(isPermissionName("team_discussions")).toBe(false);
    expect(isPermissionName("content_references")).toBe(false);
    expect(permissionVersions("enterprise_organization_installations")).toEqual(["ghes-3.19"]);
    expect(permissionLevels("workflows")).toEqual(["write"]);
    expect(permissionLevels("organization_plan")).toEqual(["read"]);
    expect(permissionLevels("repository_projects")).toEqual(["read", "write", "admin"]);
  });
});
