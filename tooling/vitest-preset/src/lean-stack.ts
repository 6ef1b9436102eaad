import type {
  DestroyOptions,
  EngineEvent,
  OutputMap,
  PulumiCommand as PulumiCommandType,
  RefreshOptions,
  Stack,
  UpdateKind,
  UpdateSummary,
  UpOptions,
} from "@pulumi/pulumi/automation/index.js";
import { PulumiCommand } from "@pulumi/pulumi/automation/index.js";

// The Automation API's bookkeeping after each operation costs three more CLI runs: `stack output` twice
// (masked, then with secrets) after every up, and `stack history` after every up, refresh and destroy.
// Each is a CLI start and, with --show-secrets, a passphrase key derivation (PBKDF2, 10^6 rounds): about
// 1 CPU-second per up, a fifth of an engine test's CPU on a 2-core runner. The same facts are already at
// hand: the operation's own summary event, and one `stack export`, whose secret envelopes say which
// outputs are secret.

/** The engine's mark of a secret value in exported state. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isSecretEnvelope(value: Json): value is { [key: string]: Json } {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    value[SECRET_SIG_KEY] === SECRET_SIG
  );
}

/** A value of exported state with every secret envelope opened (`--show-secrets` puts the plaintext in it). */
function reveal(value: Json): Json {
  if (isSecretEnvelope(value)) {
    const plaintext = value.plaintext;
    return reveal(typeof plaintext === "string" ? (JSON.parse(plaintext) as Json) : (value.value ?? null));
  }
  if (Array.isArray(value)) return value.map(reveal);
  if (value !== null && typeof value === "object") {
    const entries: [string, Json][] = Object.entries(value as { [key: string]: Json });
    return Object.fromEntries(entries.map(([key, item]) => [key, reveal(item)]));
  }
  return value;
}

/**
 * The stack's outputs as `Stack.outputs()` gives them (a value and whether it is secret), read from one
 * `pulumi stack export --show-secrets`: the root stack resource's outputs, a top-level secret envelope
 * marking a secret output (as `stack output` prints `[secret]` for it).
 */
export function outputsOfDeployment(deployment: { deployment?: { resources?: unknown[] } }): OutputMap {
  const resources = (deployment.deployment?.resources ?? []) as {
    type?: string;
    outputs?: Record<string, Json>;
  }[];
  const root = resources.find((resource) => resource.type === "pulumi:pulumi:Stack");
  return Object.fromEntries(
    Object.entries(root?.outputs ?? {}).map(([key, value]) => [
      key,
      { value: reveal(value), secret: isSecretEnvelope(value) },
    ]),
  );
}

let sharedCommand: Promise<PulumiCommandType> | undefined;

/**
 * The `pulumi` on PATH, asked for its version once per test process rather than once per workspace (pass
 * it as `LocalWorkspace`'s `pulumiCommand`).
 */
export function pulumiCommand(): Promise<PulumiCommandType> {
  sharedCommand ??= PulumiCommand.get();
  return sharedCommand;
}

/**
 * Makes `stack`'s up, refresh and destroy skip the Automation API's bookkeeping runs: their `summary` comes
 * from the operation's own summary event (kind, result and resource changes, as `stack history` would give
 * them) and `up`'s outputs from one `stack export`. Everything else of the stack is unchanged. Returns `stack`.
 */
export function leanStack<T extends Stack>(stack: T): T {
  let lastSummary: UpdateSummary | undefined;

  function tracking<O extends { onEvent?: (event: EngineEvent) => void }>(kind: UpdateKind, options?: O): O {
    lastSummary = undefined;
    const startTime = new Date();
    return {
      ...(options ?? ({} as O)),
      onEvent: (event: EngineEvent) => {
        if (event.summaryEvent) {
          lastSummary = {
            kind,
            startTime,
            endTime: new Date(),
            message: "",
            environment: {},
            config: {},
            result: "succeeded",
            resourceChanges: event.summaryEvent.resourceChanges as UpdateSummary["resourceChanges"],
          } as UpdateSummary;
        }
        options?.onEvent?.(event);
      },
    };
  }

  const up = stack.up.bind(stack);
  const refresh = stack.refresh.bind(stack);
  const destroy = stack.destroy.bind(stack);
  const info = stack.info.bind(stack);
  stack.up = (options?: UpOptions) => up(tracking("update", options));
  stack.refresh = (options?: RefreshOptions) => refresh(tracking("refresh", options));
  stack.destroy = (options?: DestroyOptions) => destroy(tracking("destroy", options));
  // Called by up, refresh and destroy once the operation has succeeded and its events are all in; the
  // stock `stack history` only if the engine sent no summary event.
  stack.info = async (showSecrets?: boolean) => lastSummary ?? info(showSecrets);
  stack.outputs = async () => outputsOfDeployment(await stack.exportStack());
  return stack;
}
