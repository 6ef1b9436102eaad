import type * as pulumi from "@pulumi/pulumi";

/** The outputs the shared suites read from a declared ScopedToken. */
export interface DeclaredScopedToken {
  token: pulumi.Output<string>;
  tokenLastEight: pulumi.Output<string>;
  targetLogin: pulumi.Output<string>;
  repositorySelection: pulumi.Output<string>;
  hashedToken: pulumi.Output<string>;
}

/**
 * One implementation of ScopedToken for the shared suites (./bad-input.suite.ts, ./secrets.suite.ts):
 * the dynamic resource of this package, or the native provider of @ghes-oauth/provider.
 */
export interface ScopedTokenUnderTest {
  /** Shown in the suite's title, e.g. `dynamic resource`. */
  name: string;
  /** Declares a ScopedToken in the running program, passing `args` on as they are (invalid ones too). */
  declare(name: string, args: Record<string, unknown>): DeclaredScopedToken;
  /** Environment for the stack's engine (e.g. where it finds the provider plugin). */
  env?: () => Record<string, string>;
  /** Resources a first preview creates besides the stack and the tokens (e.g. a default provider). */
  extraCreates?: number;
  /** The resource type as the state records it. */
  stateType: string;
}
