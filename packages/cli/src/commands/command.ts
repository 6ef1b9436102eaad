import type { OAuthAppClient, OAuthAppClientOptions } from "@ghes-oauth/client";
import { CONNECTION_OPTIONS } from "../args/common-options.js";
import { type CommandOptions, type ParsedCommandArgs, parseCommandArgs } from "../args/parse-command-args.js";
import type { Connection } from "../connection/connection.js";
import { createClient } from "../connection/create-client.js";
import { type ConnectionFlags, resolveConnection } from "../connection/resolve-connection.js";
import { EXIT_CODES, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";

/** One subcommand: its help text and what it does with its own arguments. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[], io: Io): Promise<ExitCode>;
}

type Values<O extends CommandOptions> = ParsedCommandArgs<typeof CONNECTION_OPTIONS & O>["values"];

/**
 * Whether the command talks to the API: always, never, or as its flags say (e.g. not with `--dry-run`).
 * Unless never, the connection flags are among its options.
 */
type ConnectionMode<O extends CommandOptions> = "required" | "none" | ((values: Values<O>) => boolean);

/** What a command's steps see: its parsed arguments, the streams, and (once resolved) the connection. */
export interface ArgumentsContext<O extends CommandOptions> {
  readonly io: Io;
  readonly values: Values<O>;
  readonly positionals: readonly string[];
}

export interface RunContext<O extends CommandOptions, P, M extends ConnectionMode<O>>
  extends ArgumentsContext<O> {
  /** What `prepare` returned. */
  readonly prepared: P;
  readonly connection: M extends "required" ? Connection : Connection | undefined;
  /**
   * The API client, created at the first call (so a bad input the command reads first is reported before
   * a bad client setting) and closed by the skeleton when the command ends, however it ends.
   */
  client(options?: Pick<OAuthAppClientOptions, "retry">): OAuthAppClient;
  /** Closes the client now, when the command must know its requests are over before it goes on. */
  closeClient(): Promise<void>;
}

export interface CommandSpec<O extends CommandOptions, P, M extends ConnectionMode<O>> {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  /** The command's own flags (`--help` is added, and the connection flags unless `connection` is "none"). */
  readonly options: O;
  readonly connection: M;
  /** Judges the command's own flags before the connection is resolved, so no secret is asked for in vain. */
  prepare?(context: ArgumentsContext<O>): P | Promise<P>;
  run(context: RunContext<O, P, M>): Promise<ExitCode>;
  /** The exit code (and message) for an error thrown once the client exists; others reach `main`. */
  failure?(io: Io, command: string, error: unknown): ExitCode;
}

/**
 * A subcommand from the parts that are its own. The skeleton parses the arguments, answers `--help`,
 * runs `prepare`, resolves the connection, runs the command, reports a failure of its API session
 * through `failure` and closes the client.
 */
export function defineCommand<
  const O extends CommandOptions,
  P = undefined,
  const M extends ConnectionMode<O> = ConnectionMode<O>,
>(spec: CommandSpec<O, P, M>): Command {
  const { name, summary, help } = spec;
  const options = spec.connection === "none" ? spec.options : { ...CONNECTION_OPTIONS, ...spec.options };
  return {
    name,
    summary,
    help,
    async run(argv, io) {
      const { values, positionals } = parseCommandArgs(name, argv, options) as ParsedCommandArgs<
        typeof CONNECTION_OPTIONS & O
      >;
      if ((values as { help?: boolean }).help) {
        io.stdout.write(`${help}\n`);
        return EXIT_CODES.ok;
      }
      const prepared = (await spec.prepare?.({ io, values, positionals })) as P;
      const connects =
        typeof spec.connection === "function" ? spec.connection(values) : spec.connection === "required";
      const connection = connects ? await resolveConnection(io, values as ConnectionFlags) : undefined;
      let client: OAuthAppClient | undefined;
      let closed: Promise<void> | undefined;
      const closeClient = () => {
        closed ??= client?.close();
        return closed ?? Promise.resolve();
      };
      const context = {
        io,
        values,
        positionals,
        prepared,
        connection: connection as RunContext<O, P, M>["connection"],
        client(clientOptions: Pick<OAuthAppClientOptions, "retry"> = {}) {
          if (!connection) throw new Error(`ghes-oauth ${name} asked for a client without a connection`);
          client ??= createClient(connection, clientOptions);
          return client;
        },
        closeClient,
      };
      try {
        return await spec.run(context);
      } catch (error) {
        if (client && spec.failure) return spec.failure(io, name, error);
        throw error;
      } finally {
        await closeClient();
      }
    },
  };
}
