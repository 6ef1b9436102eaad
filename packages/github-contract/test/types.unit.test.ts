import { describe, expectTypeOf, it } from "vitest";
import type { PermissionLevel, PermissionName, Permissions, RepositorySelection } from "../src/index.js";

describe("the contract's types", () => {
  it("type each permission with its own levels", () => {
    expectTypeOf<Permissions["workflows"]>().toEqualTypeOf<"write" | undefined>();
    expectTypeOf<Permissions["organization_plan"]>().toEqualTypeOf<"read" | undefined>();
    expectTypeOf<Permissions["repository_projects"]>().toEqualTypeOf<
      "read" | "write" | "admin" | undefined
    >();
    expectTypeOf<PermissionLevel>().toEqualTypeOf<"read" | "write" | "admin">();
    expectTypeOf<"dependabot_secrets">().toExtend<PermissionName>();
    expectTypeOf<"team_discussions">().not.toExtend<PermissionName>();
    expectTypeOf<RepositorySelection>().toEqualTypeOf<"all" | "selected">();
  });
});
