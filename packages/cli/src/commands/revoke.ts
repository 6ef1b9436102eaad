import type { OAuthAppClient } from "@ghes-oauth/client";
import { CONNECTION_HELP, EXIT_HELP } from "../args/common-options.js";
import { durationFlag } from "../args/duration-flag.js";
import { integerFlag } from "../args/parse-command-args.js";
import type { Connection } from "../connection/connection.js";
import { proveCredentials } from "../connection/prove-credentials.js";
import { EXIT_CODES } from "../exit-codes.js";
import { classifyText } from "../input/classify-line.js";
import { readInput } from "../input/read-input.js";
import type { Io } from "../io.js";
import { Journal, type JournalEntry, type JournalResult, readJournalOutcomes } from "../revoke/journal.js";
import { RateLimitGate } from "../revoke/rate-limit-gate.js";
import { revokeToken } from "../revoke/revoke-token.js";
import { describeSeconds, WaitTooLongError } from "../revoke/wait-too-long.js";
import { runBounded } from "../run-bounded.js";
import { ProgressBar } from "../terminal/progress-bar.js";
import { terminalSafe } from "../terminal/terminal-safe.js";
import type { TokenFingerprint } from "../tokens/fingerprint.js";
import { defineCommand } from "./command.js";

const HELP = `Usage: ghes-oauth revoke [--json] [--journal FILE] [--concurrency N] [--max-wait DURATION] [--dry-run] [FILE|-]

Revokes every token in FILE or stdin (one per line; blank lines and # comments are skipped) through the
app's own DELETE /applications/{client_id}/token, the only revocation GHES accepts for ghu_/ghr_ tokens.
404 counts as already gone, except for a refresh token (ghr_): the endpoint answers 404 for those
live or not, so they are reported failed with the way out (revoke-grant). Rate limits are honoured
(Retry-After, x-ratelimit-reset): every worker pauses for as long as the server asks, and says so, up to
--max-wait; a longer wait stops the run cleanly (exit 1, the journal intact) with the time to resume.

Options:
  --journal FILE      append each outcome to FILE (NDJSON of sha256 token hashes, never token values;
                      fsync'd before the outcome is reported). Rerun with the same FILE to resume: tokens
                      it records as revoked or already gone are skipped (and reported from the journal),
                      failed ones are tried again. Safe to kill at any moment.
  --concurrency N     revocations in flight at once (1-256, default 8)
  --max-wait DURATION the longest rate-limit wait sat out, in all for one token too (e.g. 90s, 30m, 2h;
                      default 1h, at most 7d); past it the run stops and says when to rerun
  --dry-run           report what would be revoked; no API call, nothing written, no secret needed
  --json              one JSON object per input line (NDJSON) as results arrive:
                      {line, token_last_eight, hashed_token, result, from_journal?, error?}; result is
                      revoked | already_gone | failed | would_revoke, or malformed (with error) for a
                      line that cannot be a token
  -h, --help          show this help

Ends with: revoked N, already gone M, failed K (on stdout; on stderr with --json). A progress bar
(done/total, rate, ETA) is drawn on stderr when it is a terminal.

${CONNECTION_HELP}

Before any token is revoked or journalled, the app's client ID and secret are proven once on the web
host (POST /login/oauth/access_token with a made-up code; nothing is minted): GitHub answers 404 to a
wrong secret exactly as to a revoked token, so a 404 counts as "already gone" only with proven
credentials. A failed proof stops the run with exit 1 before any revocation. The journal records the
base URL, the client ID and a keyed fingerprint of the secret (HMAC with a random per-journal salt,
never the secret); a rerun with other credentials refuses that journal (exit 2).

${EXIT_HELP} Exit 0 means no token failed and at least one was revoked (or all were done by an earlier
run); exit 1 also when every token tried answered 404 and none was revoked (the tokens are gone, or
another app issued them). Malformed lines are reported with their line numbers but are not tokens, so
they do not fail the run.`;

const NOTHING_REVOKED =
  "nothing was revoked: every token answered 404. The app's credentials were proven, so GitHub does not know these tokens for this app: they were revoked or expired before, or another app (another client ID) issued them. Check that --client-id is the issuing app's; ghes-oauth check shows each token's status";

// The client sits out only waits of a second or less itself; longer ones go through the shared gate,
// which holds every worker, reports the wait and stops past --max-wait.
const CLIENT_MAX_WAIT_MS = 1000;

type RevokeRecord =
  | ({
      line: number;
      result: JournalResult | "would_revoke";
      from_journal?: true;
      error?: string;
    } & TokenFingerprint)
  | { line: number; result: "malformed"; error: string };

interface Tally {
  revoked: number;
  already_gone: number;
  failed: number;
  would_revoke: number;
  malformed: number;
  from_journal: number;
}

export const revokeCommand = defineCommand({
  name: "revoke",
  summary: "bulk-revoke tokens, resumable through a journal",
  help: HELP,
  options: {
    json: { type: "boolean" },
    journal: { type: "string" },
    concurrency: { type: "string" },
    "max-wait": { type: "string" },
    "dry-run": { type: "boolean" },
  },
  connection: (values) => values["dry-run"] !== true,
  prepare: ({ values }) => ({
    concurrency: integerFlag("concurrency", values.concurrency, 8, 1, 256),
    maxWaitSeconds: durationFlag("max-wait", values["max-wait"], 3600, 1, 7 * 86_400),
  }),
  async run({
    io,
    values,
    positionals,
    prepared: { concurrency, maxWaitSeconds },
    connection,
    client: api,
    closeClient,
  }) {
    const dryRun = values["dry-run"] === true;
    const lines = classifyText(await readInput(io, positionals, "revoke"));

    const { client, journal } = connection
      ? await provenStart(
          connection,
          () => api({ retry: { maxDelayMs: CLIENT_MAX_WAIT_MS } }),
          lines.some((line) => line.kind === "token"),
          values.journal,
        )
      : { client: undefined, journal: undefined };
    const recorded = values.journal && dryRun ? await readJournalOutcomes(values.journal) : undefined;
    const previous = (hash: string): JournalEntry | undefined => {
      const entry = journal ? journal.outcome(hash) : recorded?.get(hash);
      return entry && entry.result !== "failed" ? entry : undefined;
    };

    const tally: Tally = {
      revoked: 0,
      already_gone: 0,
      failed: 0,
      would_revoke: 0,
      malformed: 0,
      from_journal: 0,
    };
    const report = reporter(io, values.json === true, tally);
    const pending: { line: number; token: string; fingerprint: TokenFingerprint }[] = [];
    for (const input of lines) {
      if (input.kind === "malformed") {
        report({ line: input.line, result: "malformed", error: input.reason });
        continue;
      }
      const done = previous(input.fingerprint.hashed_token);
      if (done) report({ line: input.line, ...input.fingerprint, result: done.result, from_journal: true });
      else if (dryRun) report({ line: input.line, ...input.fingerprint, result: "would_revoke" });
      else pending.push(input);
    }

    let goneNow = 0;
    let stopped: WaitTooLongError | undefined;
    if (client && pending.length > 0) {
      const gate = new RateLimitGate(maxWaitSeconds);
      const progress = io.stderr.isTTY ? new ProgressBar(io.stderr, pending.length, "revoking") : undefined;
      report.attach(progress);
      // A worker moves on to its next token as soon as the API answered; the outcome is reported only
      // once the journal has it on disk (batched fsync), so what was reported is never lost.
      const reported: Promise<void>[] = [];
      let journalFailure: { error: unknown } | undefined;
      try {
        await runBounded(pending, concurrency, async ({ line, token, fingerprint }) => {
          if (journalFailure) throw journalFailure.error;
          const outcome = await revokeToken(client, token, gate, (seconds) =>
            report.note(`rate limited: every worker pauses ${describeSeconds(seconds)} as the server asked`),
          );
          if (outcome.result === "already_gone") goneNow++;
          const written = journal
            ? journal.append({
                hashed_token: fingerprint.hashed_token,
                result: outcome.result,
                at: new Date().toISOString(),
                ...(outcome.error ? { error: outcome.error } : {}),
              })
            : Promise.resolve();
          reported.push(
            written.then(
              () => {
                report({ line, ...fingerprint, ...outcome });
                progress?.tick();
              },
              (error: unknown) => {
                journalFailure ??= { error };
              },
            ),
          );
        });
        await Promise.all(reported);
        if (journalFailure) throw journalFailure.error;
      } catch (error) {
        if (!(error instanceof WaitTooLongError)) throw error;
        // The outcomes already answered are still reported and journalled; nothing else is started.
        await Promise.all(reported);
        if (journalFailure) throw journalFailure.error;
        stopped = error;
      } finally {
        progress?.finish();
        report.attach(undefined);
        await closeClient();
        await journal?.close();
      }
    } else {
      await closeClient();
      await journal?.close();
    }

    const summary = formatSummary(tally, dryRun);
    (values.json ? io.stderr : io.stdout).write(`${summary}\n`);
    if (stopped) {
      const left = pending.length - (tally.revoked + tally.already_gone + tally.failed - tally.from_journal);
      const when = stopped.resumeAt ? `after ${stopped.resumeAt.toISOString()}` : "later";
      io.stderr.write(
        `ghes-oauth revoke: stopped: ${stopped.message}; ${left} tokens not tried yet. ${
          journal
            ? `The journal ${values.journal} holds every outcome so far: rerun ${when} with the same --journal to resume.`
            : `Rerun ${when}; with --journal FILE a rerun skips what is already done.`
        }\n`,
      );
      return EXIT_CODES.failed;
    }
    if (tally.failed > 0) return EXIT_CODES.failed;
    if (pending.length > 0 && goneNow === pending.length) {
      io.stderr.write(`ghes-oauth revoke: ${NOTHING_REVOKED}\n`);
      return EXIT_CODES.failed;
    }
    return EXIT_CODES.ok;
  },
});

/**
 * The client, proven before anything is journalled or revoked (with a wrong secret every token answers
 * 404), and the journal opened for these credentials. Nothing to revoke: no client.
 */
async function provenStart(
  connection: Connection,
  createClient: () => OAuthAppClient,
  hasTokens: boolean,
  journalPath: string | undefined,
): Promise<{ client: OAuthAppClient | undefined; journal: Journal | undefined }> {
  const client = hasTokens ? createClient() : undefined;
  if (client) await proveCredentials(client);
  const journal = journalPath ? await Journal.open(journalPath, connection) : undefined;
  return { client, journal };
}

function reporter(io: Io, json: boolean, tally: Tally) {
  let progress: ProgressBar | undefined;
  const note = (text: string) => {
    const message = terminalSafe(text);
    return progress ? progress.note(message) : io.stderr.write(`${message}\n`);
  };
  const report = (record: RevokeRecord) => {
    tally[record.result]++;
    if ("from_journal" in record) tally.from_journal++;
    if (json) io.stdout.write(`${JSON.stringify(record)}\n`);
    if (record.result === "malformed") note(`line ${record.line}: ${record.error}`);
    else if (record.result === "failed")
      note(`line ${record.line} (…${record.token_last_eight}): ${record.error}`);
  };
  return Object.assign(report, {
    note,
    attach(bar: ProgressBar | undefined) {
      progress = bar;
    },
  });
}

function formatSummary(tally: Tally, dryRun: boolean): string {
  const parts = [`revoked ${tally.revoked}, already gone ${tally.already_gone}, failed ${tally.failed}`];
  if (dryRun) parts.push(`would revoke ${tally.would_revoke}`);
  if (tally.from_journal > 0) parts.push(`${tally.from_journal} of them recorded by an earlier run`);
  if (tally.malformed > 0) parts.push(`${tally.malformed} malformed lines`);
  return parts.join("; ");
}
