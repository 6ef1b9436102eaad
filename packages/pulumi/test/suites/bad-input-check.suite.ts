import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  inputNames,
  type ResourceContract,
  scopedTokenContract,
  userTokenContract,
} from "../../src/contract/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "../support/emulator-world.js";
import type { Lifecycle } from "../support/lifecycle.js";
import { type Args, scopedTokenCases, userTokenCases } from "./bad-input-cases.js";

type Resource = "scopedToken" | "userToken";
type Failure = { property: string; reason: string };

/** One implementation's check, driven in-process (test/support/lifecycle.ts), for the bad-input cases. */
export interface CheckSubject {
  /** Shown in the suite's title, e.g. `dynamic resources`. */
  name: string;
  /** A resource of `world`'s stack (its connection in the stack's config), as this implementation runs it. */
  lifecycle(resource: Resource, world: EmulatorWorld): Lifecycle;
  /** The resource types as the engine prints them. */
  types: Record<Resource, string>;
  /** The inputs the program's declaration always makes secret (the class's or SDK's `pulumi.secret`). */
  secretInputs: Record<Resource, readonly string[]>;
}

const contracts: Record<Resource, ResourceContract> = {
  scopedToken: scopedTokenContract,
  userToken: userTokenContract,
};

/**
 * What `pulumi preview` prints for check failures: the engine's "<type> resource '<name>' has a problem:
 * <reason>", or, when a failure names a `property`, "...: property <property> value <value> has a
 * problem: <reason>" with the value of that input (printed even when it is a secret).
 */
export function engineMessage(type: string, inputs: Args, failures: readonly Failure[]): string {
  return failures
    .map(({ property, reason }) =>
      property === ""
        ? `${type} resource 'bad' has a problem: ${reason}`
        : `${type} resource 'bad': property ${property} value ${JSON.stringify(inputs[property])} has a problem: ${reason}`,
    )
    .join("\n");
}

/**
 * The failures whose `property` the engine must not be pointed at (it would print that value): a
 * property the declaration makes secret, one whose value holds a secret, or a key the resource does not
 * know (a misspelt one holds anything).
 */
function pointedAtHidden(
  failures: readonly Failure[],
  resource: Resource,
  subject: CheckSubject,
  inputs: Args,
  secrets: readonly string[],
): string[] {
  return failures
    .map((failure) => failure.property)
    .filter(
      (property) =>
        property !== "" &&
        (subject.secretInputs[resource].includes(property) ||
          !inputNames(contracts[resource]).includes(property) ||
          secrets.some((secret) => JSON.stringify(inputs[property] ?? null).includes(secret))),
    );
}

/**
 * The plain (not secret-wrapped) invalid arguments of ./bad-input-cases.ts, judged by `subject`'s check
 * in-process with the engine's calling conventions: each fails at preview, the printed message names the
 * property and shows no secret, no failure points the engine at a secret value or an unknown key, and no
 * API call is made. The engine's own printing of secret values is ./bad-input.suite.ts's.
 */
export function describeBadInputChecks(subject: CheckSubject): void {
  describe(`invalid arguments fail at check, before any API call (${subject.name}, in-process)`, () => {
    let world: EmulatorWorld;
    let seed: string;
    const secrets = () => [seed, world.userToken, world.app.client_secret];

    beforeAll(async () => {
      world = await startEmulatorWorld();
      seed = (await world.signIn()).refreshToken ?? "";
    });

    afterAll(async () => {
      await world?.close();
    });

    /** Previews `args` as `resource`: the failures and the message the engine would print. */
    async function previewOf(resource: Resource, args: Args) {
      await world.admin.clearRequests();
      const { failures } = await subject.lifecycle(resource, world).preview(args);
      expect(failures.length, "preview should fail").toBeGreaterThan(0);
      const calls = (await world.admin.requests()).filter(
        (request) => request.path.startsWith("/login/") || request.path.includes("/applications/"),
      );
      expect(calls, "no API call").toEqual([]);
      const message = engineMessage(subject.types[resource], args, failures);
      // Named by index, not quoted: a failing test prints no secret either.
      for (const [index, secret] of secrets().entries()) {
        expect(message.includes(secret), `known secret #${index} in the message`).toBe(false);
      }
      expect(pointedAtHidden(failures, resource, subject, args, secrets()), "property points at").toEqual([]);
      return message;
    }

    const names = (property: string) => new RegExp(`property ${property}\\b|has a problem: ${property}[.:]`);

    it.each(scopedTokenCases)("ScopedToken: $name -> names $property", async ({ args, property }) => {
      expect(await previewOf("scopedToken", args(world))).toMatch(names(property));
    });

    it.each(userTokenCases)("$name -> names $property", async ({ resource, args, property, says }) => {
      const message = await previewOf(resource, args(world, seed));
      expect(message).toMatch(names(property));
      if (says) expect(message).toMatch(says);
    });
  });
}
