import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic/index.js";
import type { z } from "zod";
import { SECRET_INPUTS_KEY } from "../../secret-inputs-key.js";
import { nearestName } from "./nearest-name.js";
import { containsSecret, isSecretValue, revealSecrets } from "./secret-value.js";
import { containsUnknown } from "./unknown-value.js";

/** What a resource accepts, for {@link checkResourceInputs}. */
export interface ResourceInputRules {
  /** The resource's name in messages, e.g. `ScopedToken`. */
  resource: string;
  /** Every property the resource accepts; any other key is reported, with the nearest name. */
  properties: readonly string[];
  /** Properties the resource's constructor always wraps in `pulumi.secret`. */
  secretProperties: readonly string[];
  /** Validates the known inputs; each issue's path starts with the property it is about. */
  schema: z.ZodType;
  /** Properties judged together ("give one of a and b"): not judged while either is unknown. */
  pairs?: readonly (readonly [string, string])[];
  /**
   * Properties the engine is never pointed at even when they hold no secret: the engine would print the
   * whole value, e.g. every entry of a map, including whatever a misspelt key inside one holds.
   */
  neverShown?: readonly string[];
  /**
   * Maps whose keys are the program's data (permission names, entry names): when such a map is itself
   * a secret, its failures are counted, not named, since their paths and messages quote the keys.
   */
  keyedProperties?: readonly string[];
}

/**
 * Validates a dynamic resource's inputs without calling any API, reporting every mistake at once. Each
 * reason starts with the property (path) it is about and says how to fix it; no value is ever echoed.
 * Properties not known yet (preview) are judged once they are.
 *
 * The engine prints the value of a failure's `property` next to the reason, even a secret one, and it
 * does not tell the provider which inputs were secrets (it unwraps them). So `property` is only set
 * when the value provably is not a secret: the inputs carry Pulumi's secret markers (seen on a property
 * that is always secret), the property is a known, non-secret one, and its value holds no marker.
 * Otherwise `property` is empty and the engine prints the reason alone.
 */
export function checkResourceInputs(
  withHint: Record<string, unknown>,
  rules: ResourceInputRules,
): CheckResult {
  const declaredSecret = new Set(secretInputsOf(withHint));
  const news = withoutSecretInputsHint(withHint);
  const given = Object.keys(news).filter((key) => key !== "__provider");
  const inputs = Object.fromEntries(given.map((key) => [key, revealSecrets(news[key])]));
  const unknown = new Set(given.filter((key) => containsUnknown(inputs[key])));
  const partner = partnersOf(rules.pairs ?? []);
  const markersArrive = rules.secretProperties.some((key) => isSecretValue(news[key]));
  // A pair's failure ("give target or targetId, not both") is about both values: not shown when either is secret.
  const showable = (property: string) =>
    markersArrive &&
    rules.properties.includes(property) &&
    !rules.secretProperties.includes(property) &&
    !(rules.neverShown ?? []).includes(property) &&
    !declaredSecret.has(property) &&
    !containsSecret(news[property]) &&
    !containsSecret(news[partner.get(property) ?? ""]);

  const failures: CheckFailure[] = given
    .filter((key) => !rules.properties.includes(key))
    .map((key) => ({ property: "", reason: unknownPropertyReason(key, rules) }));

  const known = Object.fromEntries(Object.entries(inputs).filter(([key]) => !unknown.has(key)));
  const result = rules.schema.safeParse(known);
  // A secret property's issues name keys it holds (a permission name, an entry name): only counted.
  const hidden = new Map<string, { unknownNames: number; other: number }>();
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.map(String);
    const property = path[0] ?? "";
    if (unknown.has(property) || unknown.has(partner.get(property) ?? "")) continue;
    const secretMap =
      (rules.keyedProperties ?? []).includes(property) &&
      (declaredSecret.has(property) || isSecretValue(news[property]));
    if (secretMap) {
      const counts = hidden.get(property) ?? { unknownNames: 0, other: 0 };
      if (issue.message.startsWith("unknown permission")) counts.unknownNames++;
      else counts.other++;
      hidden.set(property, counts);
      continue;
    }
    if (showable(property)) {
      const where = path.length > 1 ? `${path.join(".")}: ` : "";
      failures.push({ property, reason: `${where}${issue.message}` });
    } else {
      failures.push({ property: "", reason: `${path.join(".") || "inputs"}: ${issue.message}` });
    }
  }

  for (const [property, counts] of hidden)
    failures.push({ property: "", reason: secretPropertyReason(property, counts) });
  return failures.length > 0 ? { inputs: news, failures } : { inputs: news };
}

function secretPropertyReason(property: string, counts: { unknownNames: number; other: number }): string {
  const parts = [
    ...(counts.unknownNames > 0
      ? [`${counts.unknownNames} unknown permission name${counts.unknownNames === 1 ? "" : "s"}`]
      : []),
    ...(counts.other > 0 ? [`${counts.other} other problem${counts.other === 1 ? "" : "s"}`] : []),
  ];
  return `${property}: ${parts.join(" and ")}; not named because ${property} is a secret: check its keys and levels against the permission catalogue (or validate the map without pulumi.secret)`;
}

function secretInputsOf(news: Record<string, unknown>): string[] {
  const hint = revealSecrets(news[SECRET_INPUTS_KEY]);
  return Array.isArray(hint) ? hint.filter((name): name is string => typeof name === "string") : [];
}

function withoutSecretInputsHint(news: Record<string, unknown>): Record<string, unknown> {
  if (!(SECRET_INPUTS_KEY in news)) return news;
  const { [SECRET_INPUTS_KEY]: _hint, ...rest } = news;
  return rest;
}

function unknownPropertyReason(key: string, rules: ResourceInputRules): string {
  const nearest = nearestName(key, rules.properties);
  const hint = nearest === undefined ? ";" : `; did you mean ${nearest}?`;
  return `${key}: unknown property${hint} ${rules.resource} accepts ${rules.properties.join(", ")}`;
}

function partnersOf(pairs: readonly (readonly [string, string])[]): Map<string, string> {
  return new Map(pairs.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]));
}
