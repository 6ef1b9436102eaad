import type { components } from "@octokit/openapi-types";
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { Authorization, ScopedInstallation, SimpleUser } from "../src/index.js";
import type {
  authorizationSchema,
  scopedInstallationSchema,
  simpleUserSchema,
} from "../src/schemas/index.js";

type Schemas = components["schemas"];

/** Octokit types int64 ids as `number | bigint`; JSON.parse only ever gives numbers. */
type Json<T> = T extends bigint ? never : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
/** The named fields of a loose zod object, without its pass-through index signature. */
type Named<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
/** `true`, or a compile error saying where `Actual` does not fit `Expected`. */
type Fits<Expected, Actual extends Expected> = Actual extends Expected ? true : never;

type OpenApiAuthorization = Json<Schemas["authorization"]>;
type OpenApiInstallation = Json<NonNullable<Schemas["nullable-scoped-installation"]>>;
type OpenApiUser = Json<Schemas["simple-user"]>;
type Nested = "app" | "user" | "installation";

// Compile-time checks (`pnpm typecheck`) against the types Octokit generates from GitHub's OpenAPI
// description: they break when GitHub's `authorization` and the client's response types drift apart.
describe("response types against @octokit/openapi-types", () => {
  it("the authorization names exactly GitHub's fields", () => {
    expectTypeOf<keyof Named<Authorization>>().toEqualTypeOf<keyof OpenApiAuthorization>();
  });

  it("its scalar fields have GitHub's types, nullability included", () => {
    expectTypeOf<Omit<Named<Authorization>, Nested>>().toEqualTypeOf<Omit<OpenApiAuthorization, Nested>>();
    expectTypeOf<Named<Authorization["app"]>>().toEqualTypeOf<OpenApiAuthorization["app"]>();
  });

  it("every authorization GitHub may send passes the client's validation", () => {
    expectTypeOf<Fits<z.input<typeof authorizationSchema>, OpenApiAuthorization>>().toEqualTypeOf<true>();
    expectTypeOf<Fits<z.input<typeof scopedInstallationSchema>, OpenApiInstallation>>().toEqualTypeOf<true>();
    expectTypeOf<Fits<z.input<typeof simpleUserSchema>, OpenApiUser>>().toEqualTypeOf<true>();
  });

  it("the scoped installation names exactly GitHub's fields, with its repository_selection", () => {
    expectTypeOf<keyof Named<ScopedInstallation>>().toEqualTypeOf<keyof OpenApiInstallation>();
    expectTypeOf<ScopedInstallation["repository_selection"]>().toEqualTypeOf<
      OpenApiInstallation["repository_selection"]
    >();
    expectTypeOf<ScopedInstallation["single_file_name"]>().toEqualTypeOf<
      OpenApiInstallation["single_file_name"]
    >();
  });

  it("the user's identifying fields are GitHub's", () => {
    type Identity = "login" | "id" | "node_id" | "type";
    expectTypeOf<Pick<SimpleUser, Identity>>().toEqualTypeOf<Pick<OpenApiUser, Identity>>();
  });
});
