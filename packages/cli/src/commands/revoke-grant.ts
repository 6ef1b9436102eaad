import { NotFoundError } from "@ghes-oauth/client";
import { CONNECTION_HELP, EXIT_HELP } from "../args/common-options.js";
import { proveCredentials } from "../connection/prove-credentials.js";
import { EXIT_CODES } from "../exit-codes.js";
import { readOneToken } from "../input/read-one-token.js";
import { fingerprint } from "../tokens/fingerprint.js";
import { defineCommand } from "./command.js";
import { reportOneOffFailure } from "./report-one-off-failure.js";

const HELP = `Usage: ghes-oauth revoke-grant [--json] [FILE|-]

Deletes the app's grant for the user of one token (read from FILE or stdin): every token of that user
for this app stops working, scoped tokens included, and the user must authorize the app again.
404 counts as already gone once the app's client ID and secret are proven (a wrong secret gets 404
too); when they are refused, or cannot be proven, it exits 1 saying so.

Options:
  --json          one JSON object: {token_last_eight, hashed_token, result: revoked | already_gone}
  -h, --help      show this help

${CONNECTION_HELP}

${EXIT_HELP}`;

export const revokeGrantCommand = defineCommand({
  name: "revoke-grant",
  summary: "revoke every token of one token's user for this app",
  help: HELP,
  options: { json: { type: "boolean" } },
  connection: "required",
  failure: reportOneOffFailure,
  async run({ io, values, positionals, client }) {
    const token = await readOneToken(io, positionals, "revoke-grant");
    const api = client();
    let result: "revoked" | "already_gone" = "revoked";
    try {
      await api.deleteAuthorization(token);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      // A wrong secret gets 404 too: "already gone" only with proven credentials.
      await proveCredentials(api);
      result = "already_gone";
    }
    const print = fingerprint(token);
    if (values.json) io.stdout.write(`${JSON.stringify({ ...print, result })}\n`);
    else
      io.stdout.write(
        result === "revoked"
          ? `grant revoked: every token of this user for the app (…${print.token_last_eight}) is gone\n`
          : `already gone: GitHub does not know the token …${print.token_last_eight}\n`,
      );
    return EXIT_CODES.ok;
  },
});
