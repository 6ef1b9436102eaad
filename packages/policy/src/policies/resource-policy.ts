import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  DEFAULT_ENFORCEMENT,
  type EngineValue,
  type PolicyName,
  type PolicySettings,
  policySettings,
  type ResourceKind,
  resourceKindOf,
  reveal,
  type Violation,
} from "../rules/index.js";
import { CONFIG_SCHEMAS } from "./config-schemas.js";
import { enginePropertiesOf } from "./engine-properties-of.js";

/** One ghes-oauth resource as a policy sees it. */
export interface CheckedResource {
  readonly kind: ResourceKind;
  readonly name: string;
  /** The inputs, secrets and unknowns marked. */
  readonly wire: EngineValue;
  /** The inputs, secrets revealed (to judge, never to show), unknowns marked. */
  readonly props: Readonly<Record<string, unknown>>;
}

/**
 * A policy over the ghes-oauth resources (dynamic and native alike), judging each by `check`: its
 * violations are reported with their messages; other resource types are not looked at.
 */
export function resourcePolicy<Name extends PolicyName>(
  name: Name,
  description: string,
  check: (settings: PolicySettings[Name], resource: CheckedResource) => readonly Violation[],
): ResourceValidationPolicy {
  const configSchema = CONFIG_SCHEMAS[name];
  return {
    name,
    description,
    enforcementLevel: DEFAULT_ENFORCEMENT[name],
    ...(configSchema && { configSchema }),
    validateResource: (args, reportViolation) => {
      const kind = resourceKindOf(args.type);
      if (kind === undefined) return;
      const settings = policySettings(name, args.getConfig<Record<string, unknown>>());
      const wire = enginePropertiesOf(args.props);
      const props = reveal(wire) as Record<string, unknown>;
      for (const found of check(settings, { kind, name: args.name, wire, props }))
        reportViolation(found.message);
    },
  };
}
