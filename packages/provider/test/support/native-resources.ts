import * as ghes from "@ghes-oauth/provider-sdk";
import * as pulumi from "@pulumi/pulumi";
// @boundaries-ignore the dynamic resource's shared suites, run against the native one
import type * as suites from "../../../pulumi/test/suites/resources-under-test.js";
import { secretOutputsOf } from "../../dist/index.js";
import { pluginEnv } from "./plugin-env.js";

type DeclaredScopedToken = suites.DeclaredScopedToken;
type DeclaredUserToken = suites.DeclaredUserToken;
type ResourcesUnderTest = suites.ResourcesUnderTest;

export const SCOPED_TOKEN = "ghes-oauth:index:ScopedToken";
export const USER_TOKEN = "ghes-oauth:index:UserToken";
const OUTPUTS: Record<string, string[]> = {
  [SCOPED_TOKEN]: [
    "token",
    "tokenLastEight",
    "hashedToken",
    "expiresAt",
    "authorizationId",
    "userLogin",
    "targetLogin",
    "repositorySelection",
    "grantedPermissions",
  ],
  [USER_TOKEN]: ["accessToken", "expiresAt", "refreshTokenExpiresAt", "userLogin", "seedHash"],
};
/** The inputs the generated SDKs wrap in `pulumi.secret`. */
export const SECRET_INPUTS: Record<string, string[]> = {
  [SCOPED_TOKEN]: ["accessToken", "connection"],
  [USER_TOKEN]: ["refreshToken", "connection"],
};

/**
 * A native resource declared as the generated SDKs declare it (secret inputs wrapped, every output
 * registered, the schema's secret outputs marked), minus their client-side checks (required properties,
 * known keys only). The provider's own check then meets every invalid argument set, as it would from a
 * program in any language that got past its SDK.
 */
class UncheckedResource extends pulumi.CustomResource {
  constructor(type: string, name: string, args: Record<string, unknown>) {
    const inputs: Record<string, unknown> = { ...args };
    for (const key of SECRET_INPUTS[type] ?? []) {
      if (inputs[key] !== undefined) inputs[key] = pulumi.secret(inputs[key]);
    }
    for (const key of OUTPUTS[type] ?? []) inputs[key] ??= undefined;
    super(type, name, inputs, { additionalSecretOutputs: secretOutputsOf(type) });
  }
}

const stateTypes = { scopedToken: SCOPED_TOKEN, userToken: USER_TOKEN };

/** The native provider, resources declared past the SDKs' checks (for the bad-input suites). */
export const uncheckedNativeResources: ResourcesUnderTest = {
  name: "native provider",
  scopedToken: (name, args) =>
    new UncheckedResource(SCOPED_TOKEN, name, args) as unknown as DeclaredScopedToken,
  userToken: (name, args) => new UncheckedResource(USER_TOKEN, name, args) as unknown as DeclaredUserToken,
  env: pluginEnv,
  stateTypes,
};

/** The native provider through the generated Node.js SDK, as a user's program declares it. */
export const sdkNativeResources: ResourcesUnderTest = {
  name: "native provider, Node.js SDK",
  scopedToken: (name, args) => new ghes.ScopedToken(name, args as unknown as ghes.ScopedTokenArgs),
  userToken: (name, args) => new ghes.UserToken(name, args as unknown as ghes.UserTokenArgs),
  env: pluginEnv,
  stateTypes,
};
