import { readFileSync } from "node:fs";
import * as scopedToken from "@ghes-oauth/pulumi/provider-runtime";
import * as scopedTokenSet from "@ghes-oauth/pulumi/token-set-runtime";
import * as userToken from "@ghes-oauth/pulumi/user-token-runtime";
import { describe, expect, it } from "vitest";
import { resourceTypes, secretOutputsOf } from "../dist/index.js";

interface Spec {
  description?: string;
  properties?: Record<string, Spec>;
  inputProperties?: Record<string, Spec>;
}
const schema = JSON.parse(readFileSync(new URL("../schema.json", import.meta.url), "utf8"));

/** What the shared runtime's check says a resource accepts (it lists them for an unknown key). */
async function acceptedBy(
  runtime: typeof scopedToken | typeof userToken | typeof scopedTokenSet,
): Promise<string[]> {
  const { failures } = await runtime.check({}, { notAProperty: 1 });
  const reason = failures?.find((failure) => failure.reason.startsWith("notAProperty:"))?.reason ?? "";
  return (/accepts (.*)$/.exec(reason)?.[1] ?? "").split(", ");
}

describe("schema.json", () => {
  it("declares the resources the provider serves", () => {
    expect(resourceTypes).toEqual(Object.keys(schema.resources));
    expect(resourceTypes).toEqual([
      "ghes-oauth:index:ScopedToken",
      "ghes-oauth:index:ScopedTokenSet",
      "ghes-oauth:index:UserToken",
    ]);
  });

  it("ScopedToken's inputs are exactly what the shared runtime accepts", async () => {
    const inputs = Object.keys(schema.resources["ghes-oauth:index:ScopedToken"].inputProperties);
    expect(inputs.sort()).toEqual((await acceptedBy(scopedToken)).sort());
  });

  it("UserToken's inputs are exactly what the shared runtime accepts", async () => {
    const inputs = Object.keys(schema.resources["ghes-oauth:index:UserToken"].inputProperties);
    expect(inputs.sort()).toEqual((await acceptedBy(userToken)).sort());
  });

  it("ScopedTokenSet's inputs are exactly what the shared runtime accepts", async () => {
    const inputs = Object.keys(schema.resources["ghes-oauth:index:ScopedTokenSet"].inputProperties);
    expect(inputs.sort()).toEqual((await acceptedBy(scopedTokenSet)).sort());
  });

  it("ScopedTokenSet's entries take exactly the keys the shared runtime accepts", async () => {
    const keys = Object.keys(schema.types["ghes-oauth:index:ScopedTokenSpec"].properties);
    const { failures } = await scopedTokenSet.check(
      {},
      { accessToken: "ghu_x", scopes: { probe: { notAKey: 1, permissions: { contents: "read" } } } },
    );
    const reason = failures?.find((failure) => failure.reason.includes("notAKey"))?.reason ?? "";
    expect(keys.sort()).toEqual((/accepts (.*)$/.exec(reason)?.[1] ?? "").split(", ").sort());
    expect(
      schema.resources["ghes-oauth:index:ScopedTokenSet"].inputProperties.scopes.additionalProperties,
    ).toEqual({
      $ref: "#/types/ghes-oauth:index:ScopedTokenSpec",
    });
  });

  it("marks the tokens and the connection secret, as the dynamic resources do", () => {
    expect(secretOutputsOf("ghes-oauth:index:UserToken").sort()).toEqual([
      "accessToken",
      "connection",
      "refreshToken",
    ]);
    // The parent token is a secret input; the outputs keep only its digest (accessTokenHash).
    expect(secretOutputsOf("ghes-oauth:index:ScopedToken").sort()).toEqual(["connection", "token"]);
    expect(secretOutputsOf("ghes-oauth:index:ScopedTokenSet").sort()).toEqual([
      "connection",
      "pendingRevocation",
      "tokens",
    ]);
    const set = schema.resources["ghes-oauth:index:ScopedTokenSet"].inputProperties;
    expect(set.accessToken.secret).toBe(true);
    expect(set.connection.secret).toBe(true);
    expect(schema.resources["ghes-oauth:index:ScopedToken"].inputProperties.accessToken.secret).toBe(true);
    expect(schema.provider.inputProperties.clientSecret.secret).toBe(true);
    expect(schema.config.variables.clientSecret.secret).toBe(true);
  });

  it("describes every resource, type and property (the docs are generated from it)", () => {
    const missing: string[] = [];
    const walk = (where: string, spec: Spec) => {
      if (!spec.description) missing.push(where);
      for (const group of ["properties", "inputProperties"] as const) {
        for (const [name, property] of Object.entries(spec[group] ?? {})) {
          if (!property.description) missing.push(`${where}.${group}.${name}`);
        }
      }
    };
    for (const [type, spec] of Object.entries<Spec>(schema.resources)) walk(type, spec);
    for (const [type, spec] of Object.entries<Spec>(schema.types)) walk(type, spec);
    walk("provider", schema.provider);
    for (const [name, spec] of Object.entries<Spec>(schema.config.variables)) {
      if (!spec.description) missing.push(`config.${name}`);
    }
    expect(missing).toEqual([]);
  });

  it("never sets an env default on the client secret (the Node.js SDK would store it in clear)", () => {
    expect(schema.provider.inputProperties.clientSecret.defaultInfo).toBeUndefined();
    const sdk = readFileSync(new URL("../sdk/nodejs/provider.ts", import.meta.url), "utf8");
    expect(sdk).not.toContain(`getEnv("GHES_OAUTH_CLIENT_SECRET")`);
    expect(sdk).toContain(`getEnv("GHES_OAUTH_BASE_URL")`);
  });
});
