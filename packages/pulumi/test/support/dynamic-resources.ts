import { ScopedToken, type ScopedTokenArgs, UserToken, type UserTokenArgs } from "../../dist/index.js";
import type { ResourcesUnderTest } from "../suites/resources-under-test.js";

/** This package's dynamic resources, for the shared suites. */
export const dynamicResources: ResourcesUnderTest = {
  name: "dynamic resources",
  scopedToken: (name, args) => new ScopedToken(name, args as unknown as ScopedTokenArgs),
  userToken: (name, args) => new UserToken(name, args as unknown as UserTokenArgs),
  stateTypes: {
    scopedToken: "pulumi-nodejs:dynamic/ghes-oauth:ScopedToken",
    userToken: "pulumi-nodejs:dynamic/ghes-oauth:UserToken",
  },
};
