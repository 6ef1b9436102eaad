import type { Permissions } from "@ghes-oauth/client";
import type * as pulumi from "@pulumi/pulumi";
import { describe, expectTypeOf, it } from "vitest";
import type { ScopedTokenArgs } from "../dist/index.js";

describe("ScopedTokenArgs types", () => {
  it("permissions is the generated catalogue: every current name, each with its own levels", () => {
    expectTypeOf<ScopedTokenArgs["permissions"]>().toEqualTypeOf<pulumi.Input<Permissions>>();
    const current: ScopedTokenArgs["permissions"] = {
      dependabot_secrets: "write",
      environments: "write",
      organization_custom_properties: "admin",
      workflows: "write",
    };
    // @ts-expect-error workflows is write-only
    const readWorkflows: ScopedTokenArgs["permissions"] = { workflows: "read" };
    // @ts-expect-error no current description has team_discussions
    const dropped: ScopedTokenArgs["permissions"] = { team_discussions: "read" };
    void [current, readWorkflows, dropped];
    expectTypeOf<ScopedTokenArgs["allowUnknownPermissions"]>().toEqualTypeOf<
      pulumi.Input<boolean> | undefined
    >();
  });
});
