import { describe, expectTypeOf, it } from "vitest";
import type {
  Authorization,
  OAuthAppClient,
  Permissions,
  ScopedAuthorization,
  ScopeTokenInput,
} from "../src/index.js";

describe("public types", () => {
  it("types scope input permissions by name and level", () => {
    expectTypeOf<ScopeTokenInput["permissions"]>().toEqualTypeOf<Permissions | undefined>();
    expectTypeOf<Permissions["workflows"]>().toEqualTypeOf<"write" | undefined>();
    expectTypeOf<Permissions["repository_projects"]>().toEqualTypeOf<
      "read" | "write" | "admin" | undefined
    >();
    expectTypeOf<Permissions["dependabot_secrets"]>().toEqualTypeOf<"read" | "write" | undefined>();
    expectTypeOf<Permissions["organization_custom_properties"]>().toEqualTypeOf<
      "read" | "write" | "admin" | undefined
    >();
    // @ts-expect-error unknown permission names do not type-check
    const unknownName: Permissions = { isues: "read" };
    // @ts-expect-error a 2022 name no current description has
    const dropped: Permissions = { team_discussions: "read" };
    void dropped;
    // @ts-expect-error workflows is write-only
    const readWorkflows: Permissions = { workflows: "read" };
    void unknownName;
    void readWorkflows;
  });

  it("types the responses", () => {
    expectTypeOf<ReturnType<OAuthAppClient["checkToken"]>>().toEqualTypeOf<Promise<Authorization>>();
    expectTypeOf<ReturnType<OAuthAppClient["scopeToken"]>>().toEqualTypeOf<Promise<ScopedAuthorization>>();
    expectTypeOf<ReturnType<OAuthAppClient["deleteToken"]>>().toEqualTypeOf<Promise<void>>();
    expectTypeOf<Authorization["token"]>().toEqualTypeOf<string>();
    expectTypeOf<Authorization["note"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ScopedAuthorization["installation"]["repository_selection"]>().toEqualTypeOf<
      "all" | "selected"
    >();
  });
});
