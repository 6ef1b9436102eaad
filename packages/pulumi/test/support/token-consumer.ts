import * as pulumi from "@pulumi/pulumi";

/** Where the consumer checks the values it is given: the app's check endpoint. */
export interface ConsumerConnection {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

interface ConsumerState extends ConsumerConnection {
  tokens: Record<string, string>;
  /** Values this consumer still held, found revoked when its own update began (summed over updates). */
  heldInvalid: number;
  /** Values it was given that were already revoked (summed over creates and updates). */
  givenInvalid: number;
  updates: number;
}

// The provider is serialized into the engine's plugin (closure serialization): it uses globals only.
async function invalidAmong(connection: ConsumerConnection, tokens: Record<string, string>): Promise<number> {
  const auth = Buffer.from(`${connection.clientId}:${connection.clientSecret}`).toString("base64");
  let invalid = 0;
  for (const token of Object.values(tokens)) {
    const answer = await fetch(`${connection.baseUrl}/applications/${connection.clientId}/token`, {
      method: "POST",
      headers: { authorization: `Basic ${auth}`, "content-type": "application/json" },
      body: JSON.stringify({ access_token: token }),
    });
    await answer.arrayBuffer();
    if (answer.status === 404) invalid++;
    else if (answer.status !== 200) throw new Error(`consumer: checking a token answered ${answer.status}`);
  }
  return invalid;
}

const consumerProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: ConsumerState) {
    const givenInvalid = await invalidAmong(inputs, inputs.tokens);
    return { id: "consumer", outs: { ...inputs, heldInvalid: 0, givenInvalid, updates: 0 } };
  },
  async diff(_id: string, olds: ConsumerState, news: ConsumerState) {
    return { changes: JSON.stringify(olds.tokens) !== JSON.stringify(news.tokens) };
  },
  async update(_id: string, olds: ConsumerState, news: ConsumerState) {
    // What a real consumer (an Actions secret, a Kubernetes secret) held until this moment.
    const heldInvalid = await invalidAmong(news, olds.tokens);
    const givenInvalid = await invalidAmong(news, news.tokens);
    return {
      outs: {
        ...news,
        heldInvalid: (olds.heldInvalid ?? 0) + heldInvalid,
        givenInvalid: (olds.givenInvalid ?? 0) + givenInvalid,
        updates: (olds.updates ?? 0) + 1,
      },
    };
  },
};

/**
 * A resource that consumes tokens (as an Actions or Kubernetes secret would): at each update it checks
 * on the server the values it held until then and the ones it is given, and counts the revoked ones.
 */
export class TokenConsumer extends pulumi.dynamic.Resource {
  declare readonly heldInvalid: pulumi.Output<number>;
  declare readonly givenInvalid: pulumi.Output<number>;
  declare readonly updates: pulumi.Output<number>;

  constructor(
    name: string,
    args: { tokens: pulumi.Input<Record<string, pulumi.Input<string>>>; connection: ConsumerConnection },
  ) {
    super(
      consumerProvider,
      name,
      {
        ...args.connection,
        clientSecret: pulumi.secret(args.connection.clientSecret),
        tokens: pulumi.secret(args.tokens),
        heldInvalid: undefined,
        givenInvalid: undefined,
        updates: undefined,
      },
      { additionalSecretOutputs: ["tokens", "clientSecret"] },
    );
  }
}
