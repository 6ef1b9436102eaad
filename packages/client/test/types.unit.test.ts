import { describe, expectTypeOf, it } from "vitest";
import type {
  Authorization,
  DeviceCode,
  OAuthAppClient,
  OAuthErrorCode,
  Permissions,
  ScopedAuthorization,
  ScopeTokenInput,
  UserTokenGrant,
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

  it("types the OAuth grants as the contract says (snake_case, nullable absolute expiries)", () => {
    expectTypeOf<ReturnType<OAuthAppClient["refreshToken"]>>().toEqualTypeOf<Promise<UserTokenGrant>>();
    expectTypeOf<ReturnType<OAuthAppClient["exchangeWebFlowCode"]>>().toEqualTypeOf<
      Promise<UserTokenGrant>
    >();
    expectTypeOf<ReturnType<OAuthAppClient["exchangeDeviceCode"]>>().toEqualTypeOf<Promise<UserTokenGrant>>();
    expectTypeOf<ReturnType<OAuthAppClient["waitForDeviceAuthorization"]>>().toEqualTypeOf<
      Promise<UserTokenGrant>
    >();
    expectTypeOf<ReturnType<OAuthAppClient["createDeviceCode"]>>().toEqualTypeOf<Promise<DeviceCode>>();
    expectTypeOf<UserTokenGrant["access_token"]>().toEqualTypeOf<string>();
    expectTypeOf<UserTokenGrant["refresh_token"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<UserTokenGrant["expires_in"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<UserTokenGrant["expires_at"]>().toEqualTypeOf<string | null>();
    expectTypeOf<UserTokenGrant["refresh_token_expires_at"]>().toEqualTypeOf<string | null>();
    expectTypeOf<DeviceCode["interval"]>().toEqualTypeOf<number>();
    expectTypeOf<DeviceCode["expires_at"]>().toEqualTypeOf<string>();
    expectTypeOf<"bad_refresh_token">().toExtend<OAuthErrorCode>();
  });
});
