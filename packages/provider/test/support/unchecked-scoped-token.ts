import * as pulumi from "@pulumi/pulumi";
import { secretOutputsOf } from "../../dist/index.js";

const TYPE = "ghes-oauth:index:ScopedToken";
const OUTPUTS = [
  "token",
  "tokenLastEight",
  "hashedToken",
  "expiresAt",
  "authorizationId",
  "userLogin",
  "targetLogin",
  "repositorySelection",
  "grantedPermissions",
];

/**
 * The native ScopedToken declared as the generated SDKs declare it (secret inputs wrapped, every output
 * registered, the schema's secret outputs marked), minus their client-side checks (required properties,
 * known keys only). The provider's own check then meets every invalid argument set, as it would from a
 * program in any language that got past its SDK.
 */
export class UncheckedScopedToken extends pulumi.CustomResource {
  declare readonly token: pulumi.Output<string>;
  declare readonly tokenLastEight: pulumi.Output<string>;
  declare readonly hashedToken: pulumi.Output<string>;
  declare readonly targetLogin: pulumi.Output<string>;
  declare readonly repositorySelection: pulumi.Output<string>;

  constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
    const secret = (value: unknown) => (value === undefined ? undefined : pulumi.secret(value));
    super(
      TYPE,
      name,
      {
        ...args,
        accessToken: secret(args.accessToken),
        connection: secret(args.connection),
        ...Object.fromEntries(OUTPUTS.map((output) => [output, undefined])),
      },
      pulumi.mergeOptions(opts, { additionalSecretOutputs: secretOutputsOf(TYPE) }),
    );
  }
}
