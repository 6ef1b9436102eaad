import * as pulumi from "@pulumi/pulumi";

export interface GreetingArgs {
  name: pulumi.Input<string>;
  secret: pulumi.Input<string>;
}

// The smallest dynamic resource that still exercises the engine: provider serialization, a plain
// output, and a secret output that must be encrypted in state.
const greetingProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return {
      id: `greeting-${inputs.name}`,
      outs: { message: `hello ${inputs.name}`, secretEcho: inputs.secret },
    };
  },
  async delete() {},
};

export class Greeting extends pulumi.dynamic.Resource {
  declare readonly message: pulumi.Output<string>;
  declare readonly secretEcho: pulumi.Output<string>;

  constructor(name: string, args: GreetingArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      greetingProvider,
      name,
      { ...args, message: undefined, secretEcho: undefined },
      { ...opts, additionalSecretOutputs: ["secretEcho"] },
    );
  }
}
