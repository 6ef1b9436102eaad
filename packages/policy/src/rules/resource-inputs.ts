import { isUnknown, type Maybe, type ScopeRequest } from "./model.js";

export const RESOURCE_KINDS = ["ScopedToken", "ScopedTokenSet", "UserToken"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

// The dynamic resources register as `pulumi-nodejs:dynamic/ghes-oauth:<Kind>`, the native ones as
// `ghes-oauth:index:<Kind>`.
const RESOURCE_TYPE =
  /^(?:pulumi-nodejs:dynamic\/ghes-oauth|ghes-oauth:index):(ScopedToken|ScopedTokenSet|UserToken)$/;

/** Which ghes-oauth resource a Pulumi type token is, dynamic or native; undefined for any other type. */
export function resourceKindOf(type: string): ResourceKind | undefined {
  return RESOURCE_TYPE.exec(type)?.[1] as ResourceKind | undefined;
}

/** How messages name a resource: `ScopedToken "ci-read"`. */
export function subjectOf(kind: ResourceKind, name: string): string {
  return `${kind} "${name}"`;
}

type Props = Readonly<Record<string, unknown>>;

function scopeOf(subject: string, propertyPrefix: string, spec: Props): ScopeRequest {
  const pick = (key: string) => (spec[key] === undefined || spec[key] === null ? {} : { [key]: spec[key] });
  return {
    subject,
    propertyPrefix,
    ...pick("target"),
    ...pick("targetId"),
    ...pick("repositories"),
    ...pick("repositoryIds"),
    ...pick("permissions"),
  } as ScopeRequest;
}

/**
 * The scoped tokens a resource asks for, from its inputs (secrets revealed, unknowns marked): one for a
 * ScopedToken, one per entry of a ScopedTokenSet (named by entry), none for a UserToken. Unknown `scopes`
 * (at preview) give none; an unknown entry gives none for that entry.
 */
export function scopeRequestsOf(kind: ResourceKind, name: string, props: Props): ScopeRequest[] {
  const subject = subjectOf(kind, name);
  if (kind === "ScopedToken") return [scopeOf(subject, "", props)];
  if (kind !== "ScopedTokenSet") return [];
  const scopes = props.scopes as Maybe<Props> | undefined;
  if (scopes === undefined || isUnknown(scopes) || typeof scopes !== "object" || scopes === null) return [];
  return Object.entries(scopes).flatMap(([entry, spec]) =>
    isUnknown(spec) || typeof spec !== "object" || spec === null
      ? []
      : [scopeOf(`${subject} entry "${entry}"`, `scopes.${entry}.`, spec as Props)],
  );
}

/** How many scoped tokens a resource mints: 1, a set's entry count, or unknown at preview. */
export function mintedCountOf(kind: ResourceKind, props: Props): number | undefined {
  if (kind === "ScopedToken") return 1;
  if (kind !== "ScopedTokenSet") return 0;
  const scopes = props.scopes;
  if (scopes === undefined || isUnknown(scopes) || typeof scopes !== "object" || scopes === null)
    return undefined;
  return Object.keys(scopes).length;
}
