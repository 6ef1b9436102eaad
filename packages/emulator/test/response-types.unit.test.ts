import type { components } from "@octokit/openapi-types";
import { describe, expectTypeOf, it } from "vitest";
import type { AuthorizationJson } from "../src/api/token-service.js";

type Schemas = components["schemas"];
/** `true`, or a compile error saying where `Actual` does not fit `Expected`. */
type Fits<Expected, Actual extends Expected> = Actual extends Expected ? true : never;
type Installation = NonNullable<Extract<AuthorizationJson, { installation: unknown }>["installation"]>;

// Compile-time checks (`pnpm typecheck`): the bodies the emulator renders are typed from its code and
// must fit the types Octokit generates from GitHub's OpenAPI description (api.github.com).
describe("the emulator's response bodies, against @octokit/openapi-types", () => {
  it("an authorization (check, reset, scope) is GitHub's `authorization`", () => {
    expectTypeOf<Fits<Schemas["authorization"], AuthorizationJson>>().toEqualTypeOf<true>();
  });

  it("a scoped token's installation is GitHub's `scoped-installation`", () => {
    expectTypeOf<
      Fits<NonNullable<Schemas["nullable-scoped-installation"]>, Installation>
    >().toEqualTypeOf<true>();
  });

  it("the user is GitHub's `simple-user`", () => {
    expectTypeOf<Fits<Schemas["simple-user"], AuthorizationJson["user"]>>().toEqualTypeOf<true>();
  });
});
