import { CONNECTION_HELP, EXIT_HELP } from "../args/common-options.js";
import { EXIT_CODES } from "../exit-codes.js";
import { readOneToken } from "../input/read-one-token.js";
import { emitNewToken } from "../output/emit-new-token.js";
import { describeValid } from "../output/token-description.js";
import { fingerprint } from "../tokens/fingerprint.js";
import { defineCommand } from "./command.js";
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

export const resetCommand = defineCommand({
  name: "reset",
  summary: "replace one token with a new one (the old one stops working)",
  help: HELP,
  options: ONE_OFF_OPTIONS,
  connection: "required",
  failure: reportOneOffFailure,
  async run({ io, values, positionals, client }) {
    const token = await readOneToken(io, positionals, "reset");
    const authorization = await client().resetToken(token);
    emitNewToken(io, describeValid(fingerprint(authorization.token), authorization), authorization.token, {
      json: values.json === true,
      showToken: values["show-token"] === true,
    });
    return EXIT_CODES.ok;
  },
});
