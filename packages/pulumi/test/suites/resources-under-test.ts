import type * as pulumi from "@pulumi/pulumi";

/** The outputs the shared suites read from a declared ScopedToken. */
export interface DeclaredScopedToken {
  token: pulumi.Output<string>;
  tokenLastEight: pulumi.Output<string>;
  targetLogin: pulumi.Output<string>;
  repositorySelection: pulumi.Output<string>;
  hashedToken: pulumi.Output<string>;
}

/** The outputs the shared suites read from a declared UserToken. */
export interface DeclaredUserToken {
  accessToken: pulumi.Output<string>;
  refreshToken: pulumi.Output<string>;
  userLogin: pulumi.Output<string>;
}

/**
 * One implementation of the resources for the shared engine suites (./bad-input.suite.ts,
 * ./secrets.suite.ts): this package's dynamic resources, or the native
 * provider of @ghes-oauth/provider.
 */
export interface ResourcesUnderTest {
  /** Shown in the suite's title, e.g. `dynamic resource`. */
  name: string;
  /** Declares a ScopedToken in the running program, passing `args` on as they are (invalid ones too). */
  scopedToken(name: string, args: Record<string, unknown>): DeclaredScopedToken;
  /** Declares a UserToken the same way. */
  userToken(name: string, args: Record<string, unknown>): DeclaredUserToken;
  /** Environment for the stack's engine (e.g. where it finds the provider plugin). */
  env?: () => Record<string, string>;
  /** Resources a first preview creates besides the stack and the tokens (e.g. a default provider). */
  extraCreates?: number;
  /** The resource types as the state records them. */
  stateTypes: { scopedToken: string; userToken: string };
}
