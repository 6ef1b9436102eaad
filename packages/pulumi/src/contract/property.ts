/** A property's type as the Pulumi package schema writes it. */
export type SchemaType =
  | { readonly type: "string" | "integer" | "number" | "boolean" }
  | { readonly type: "array"; readonly items: SchemaType }
  | { readonly type: "object"; readonly additionalProperties: SchemaType }
  | { readonly $ref: string }
  | { readonly oneOf: readonly SchemaType[] };

/** One property of a resource, an object type or the provider's settings. */
export interface PropertySpec {
  readonly type: SchemaType;
  /** Documentation: the schema's description, and so every SDK's doc comment. */
  readonly description: string;
  /** Kept only encrypted in state, whatever program or SDK set it. */
  readonly secret?: boolean;
  readonly required?: boolean;
  /** A change of it mints a replacement (the new token first, then the old one is revoked). */
  readonly replaceOnChanges?: boolean;
  /** A map from permission name to level: the schema documents the permission catalogue's names. */
  readonly permissionMap?: boolean;
  /** Environment variables the SDKs read a missing value from (the schema's `defaultInfo`). */
  readonly defaultFromEnv?: readonly string[];
}

/** An input; unless `state` says otherwise, state keeps it as given (an echoed output). */
export interface InputSpec extends PropertySpec {
  /**
   * `false`: state does not keep it (it keeps something derived, such as a digest). A string: the echoed
   * output's description (default "The `name` argument.").
   */
  readonly state?: false | string;
}

/** Marks where an echoed input sits among a resource's outputs (otherwise echoes follow the outputs). */
export const ECHOED = "echoed" as const;

/** One resource: its type token, documentation, inputs and outputs. */
export interface ResourceContract {
  /** The schema token, e.g. `ghes-oauth:index:ScopedToken`; its last part is the resource's name. */
  readonly token: string;
  readonly description: string;
  readonly inputs: Readonly<Record<string, InputSpec>>;
  /** The outputs besides the echoed inputs, in the schema's order. */
  readonly outputs: Readonly<Record<string, PropertySpec | typeof ECHOED>>;
}

/** An object type the resources share (the schema's `types`). */
export interface ObjectTypeContract {
  readonly token: string;
  readonly description: string;
  readonly properties: Readonly<Record<string, PropertySpec>>;
}

/** The provider's settings: `provider.inputProperties`, and the stack config (`config.variables`). */
export interface ProviderContract {
  readonly description: string;
  readonly inputs: Readonly<Record<string, PropertySpec & { readonly configDescription: string }>>;
}
