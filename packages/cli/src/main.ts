import { checkCommand } from "./commands/check.js";
import type { Command } from "./commands/command.js";
import { loginCommand } from "./commands/login.js";
import { resetCommand } from "./commands/reset.js";
import { revokeCommand } from "./commands/revoke.js";
import { revokeGrantCommand } from "./commands/revoke-grant.js";
import { scopeCommand } from "./commands/scope.js";
import { EXIT_CODES, type ExitCode } from "./exit-codes.js";
import { type Io, processIo } from "./io.js";
import { describeError } from "./output/describe-error.js";
import { PromptInterrupted } from "./terminal/prompt-hidden.js";
import { terminalSafe } from "./terminal/terminal-safe.js";
import { UsageError } from "./usage-error.js";
import { VERSION } from "./version.js";

export const COMMANDS: readonly Command[] = [
  loginCommand,
  checkCommand,
  revokeCommand,
  revokeGrantCommand,
  resetCommand,
  scopeCommand,
];

const HELP = `Usage: ghes-oauth <command> [options]

Sign in, audit and incident response for GitHub Enterprise Server (and github.com) OAuth/GitHub App
user tokens, through the app's own token API.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(14)}${command.summary}`).join("\n")}

Run ghes-oauth <command> --help for its options. Every command takes the connection from
--base-url/--client-id (or env GHES_OAUTH_BASE_URL/GHES_OAUTH_CLIENT_ID) and the client secret from
env GHES_OAUTH_CLIENT_SECRET, --client-secret-file FILE, or a hidden prompt on a terminal.

  -h, --help      show this help
  -v, --version   print the version

Exit codes: 0 done, 1 the operation (or some token) failed, 2 usage or input error.`;

/** Runs one command line (without the `node` and script arguments) and resolves with its exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_CODES.ok;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const command = COMMANDS.find((candidate) => candidate.name === rest[0]);
    io.stdout.write(`${command ? command.help : HELP}\n`);
    return EXIT_CODES.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(
      `ghes-oauth: ${name === undefined ? "missing command" : `unknown command ${name}`}\n\n${HELP}\n`,
    );
    return EXIT_CODES.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(
        `ghes-oauth ${command.name}: ${terminalSafe(error.message)}\nRun ghes-oauth ${error.command ?? command.name} --help for usage.\n`,
      );
      return EXIT_CODES.usage;
    }
    if (error instanceof PromptInterrupted) return EXIT_CODES.interrupted;
    io.stderr.write(`ghes-oauth ${command.name}: ${terminalSafe(describeError(error))}\n`);
    return EXIT_CODES.failed;
  }
}
