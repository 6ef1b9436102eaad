import { NotFoundError, type OAuthAppClient } from "@ghes-oauth/client";
import { CONNECTION_HELP, EXIT_HELP } from "../args/common-options.js";
import { integerFlag } from "../args/parse-command-args.js";
import { proveCredentials } from "../connection/prove-credentials.js";
import { EXIT_CODES } from "../exit-codes.js";
import { classifyText, type InputLine } from "../input/classify-line.js";
import { readInput } from "../input/read-input.js";
import type { Io } from "../io.js";
import { describeError } from "../output/describe-error.js";
import { StreamingTable } from "../output/table.js";
import {
  describeInvalid,
  describeValid,
  formatPermissions,
  type TokenDescription,
} from "../output/token-description.js";
import { runBounded } from "../run-bounded.js";
import { terminalSafe } from "../terminal/terminal-safe.js";
import { defineCommand } from "./command.js";

const HELP = `Usage: ghes-oauth check [--json] [--concurrency N] [FILE|-]

Checks tokens, one per line, from FILE or stdin (blank lines and # comments are skipped) and says for
each whether it is live, whose it is, when it expires and what a scoped token can reach. Never prints a
token: only its last eight characters and its sha256 (GitHub's hashed_token).

Options:
  --json              one JSON object per line (NDJSON) as results arrive:
                      {line, token_last_eight, hashed_token, status, user, expires_at, scoped,
                       repository_selection, permissions}; status is valid | invalid | error, and a
                      line that cannot be a token gives {line, status: "malformed", error}
  --concurrency N     checks in flight at once (1-64, default 8)
  -h, --help          show this help

Without --json the results are a table. "invalid" means GitHub answered 404: the token is unknown,
revoked or expired, or the app's client ID/secret are not the ones that issued it (GitHub does not tell
these apart); so before the first check the app's client ID and secret are proven once on the web
host (POST /login/oauth/access_token with a made-up code, minting nothing). When they are refused, or
the web host cannot be reached, check stops with exit 1 before reporting any token.

${CONNECTION_HELP}

${EXIT_HELP} Invalid tokens and malformed lines are results, not failures; exit 1 means a check itself
failed (network, server error).`;

type CheckRecord =
  | ({ line: number } & TokenDescription)
  | { line: number; token_last_eight: string; hashed_token: string; status: "error"; error: string }
  | { line: number; status: "malformed"; error: string };

export const checkCommand = defineCommand({
  name: "check",
  summary: "audit tokens: live or not, whose, expiry, what they can reach",
  help: HELP,
  options: { json: { type: "boolean" }, concurrency: { type: "string" } },
  connection: "required",
  prepare: ({ values }) => ({ concurrency: integerFlag("concurrency", values.concurrency, 8, 1, 64) }),
  async run({ io, values, positionals, prepared: { concurrency }, client }) {
    const lines = classifyText(await readInput(io, positionals, "check"));
    const api = client();
    const sink = values.json ? ndjsonSink(io) : tableSink(io);
    let failed = 0;
    // "invalid" (404) means something only with proven credentials: a wrong secret gets 404 too.
    if (lines.some((line) => line.kind === "token")) await proveCredentials(api);
    await runBounded(lines, concurrency, async (input) => {
      const record = await checkLine(api, input);
      if (record.status === "error") failed++;
      sink(record);
    });
    return failed > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
  },
});

async function checkLine(client: OAuthAppClient, input: InputLine): Promise<CheckRecord> {
  if (input.kind === "malformed") return { line: input.line, status: "malformed", error: input.reason };
  try {
    const authorization = await client.checkToken(input.token);
    return { line: input.line, ...describeValid(input.fingerprint, authorization) };
  } catch (error) {
    if (error instanceof NotFoundError) return { line: input.line, ...describeInvalid(input.fingerprint) };
    return { line: input.line, ...input.fingerprint, status: "error", error: describeError(error) };
  }
}

function ndjsonSink(io: Io) {
  return (record: CheckRecord) => {
    io.stdout.write(`${JSON.stringify(record)}\n`);
    if (record.status === "malformed")
      io.stderr.write(`line ${record.line}: ${terminalSafe(record.error)}\n`);
  };
}

function tableSink(io: Io) {
  const table = new StreamingTable(
    io.stdout,
    ["LINE", "LAST EIGHT", "STATUS", "USER", "EXPIRES AT", "SCOPED", "REPOS", "PERMISSIONS"],
    [6, 10, 9, 16, 20, 6, 8],
  );
  table.header();
  return (record: CheckRecord) => {
    if (record.status === "malformed") {
      table.row([String(record.line), "-", "malformed", record.error]);
      return;
    }
    if (record.status === "error") {
      table.row([String(record.line), record.token_last_eight, "error", record.error]);
      return;
    }
    table.row([
      String(record.line),
      record.token_last_eight,
      record.status,
      record.user ?? "-",
      record.expires_at ?? (record.status === "valid" ? "never" : "-"),
      record.scoped ? "yes" : "no",
      record.repository_selection ?? "-",
      formatPermissions(record.permissions),
    ]);
  };
}
