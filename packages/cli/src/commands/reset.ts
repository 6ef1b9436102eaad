import { CONNECTION_HELP, EXIT_HELP } from "../args/common-options.js";
import { parseCommandArgs } from "../args/parse-command-args.js";
import { createClient } from "../connection/create-client.js";
import { resolveConnection } from "../connection/resolve-connection.js";
import { EXIT_CODES } from "../exit-codes.js";
import { readOneToken } from "../input/read-one-token.js";
import { emitNewToken } from "../output/emit-new-token.js";
import { describeValid } from "../output/token-description.js";
import { fingerprint } from "../tokens/fingerprint.js";
import type { Command } from "./command.js";
import { ONE_OFF_OPTIONS } from "./one-off-options.js";
import { reportOneOffFailure } from "./report-one-off-failure.js";

const HELP = `Usage: ghes-oauth reset [--json] [--show-token] [FILE|-]

Resets one token (read from FILE or stdin): GitHub issues a new token for the same grant and the old one
stops working at once. Describes the new token as check does; the token itself goes only to a stdout
that is not a terminal (NEW=$(ghes-oauth reset < old)), or to the terminal with --show-token.

Options:
  --json          one JSON object: the description, plus token under the rule above
  --show-token    print the new token on a terminal too
  -h, --help      show this help

${CONNECTION_HELP}

${EXIT_HELP} A token GitHub does not know (404) is a failure here.`;

export const resetCommand: Command = {
  name: "reset",
  summary: "replace one token with a new one (the old one stops working)",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("reset", argv, ONE_OFF_OPTIONS);
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return EXIT_CODES.ok;
    }
    const connection = await resolveConnection(io, values);
    const token = await readOneToken(io, positionals, "reset");
    const client = createClient(connection);
    try {
      const authorization = await client.resetToken(token);
      emitNewToken(io, describeValid(fingerprint(authorization.token), authorization), authorization.token, {
        json: values.json === true,
        showToken: values["show-token"] === true,
      });
      return EXIT_CODES.ok;
    } catch (error) {
      return reportOneOffFailure(io, "reset", error);
    } finally {
      await client.close();
    }
  },
};
