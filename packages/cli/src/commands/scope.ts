import type { ScopeTokenInput } from "@ghes-oauth/client";
import { CONNECTION_HELP, EXIT_HELP } from "../args/common-options.js";
import { EXIT_CODES } from "../exit-codes.js";
import { readOneToken } from "../input/read-one-token.js";
import { emitNewToken } from "../output/emit-new-token.js";
import { describeValid } from "../output/token-description.js";
import { fingerprint } from "../tokens/fingerprint.js";
import { UsageError } from "../usage-error.js";
import { defineCommand } from "./command.js";
import { ONE_OFF_OPTIONS } from "./one-off-options.js";
import { reportOneOffFailure } from "./report-one-off-failure.js";
import { judgeByPolicyFile, SCOPE_POLICY_HELP } from "./scope-policy.js";

const HELP = `Usage: ghes-oauth scope (--target LOGIN | --target-id ID)
                        [--repositories a,b | --repository-ids 1,2]
                        [--permission NAME=LEVEL]... [--policy FILE] [--json] [--show-token] [FILE|-]

Creates a scoped token from one user token (read from FILE or stdin): a NEW token limited to the app's
installation on the target account, to the given repositories and permissions. The original token
stays valid. Describes the new token as check does; the token itself goes only to a stdout that is not
a terminal, or to the terminal with --show-token.

Options:
  --target LOGIN            the user or organization the app is installed on
  --target-id ID            the same, by account ID
  --repositories a,b        repository names (default: all the installation can reach)
  --repository-ids 1,2      repository IDs instead of names
  --permission NAME=LEVEL   e.g. contents=read; repeat for several (default: the installation's)
${SCOPE_POLICY_HELP}
  --json                    one JSON object: the description, plus token under the rule above
  --show-token              print the new token on a terminal too
  -h, --help                show this help

${CONNECTION_HELP}

${EXIT_HELP}`;

export const scopeCommand = defineCommand({
  name: "scope",
  summary: "mint a scoped token (one installation, chosen repositories and permissions)",
  help: HELP,
  options: {
    ...ONE_OFF_OPTIONS,
    target: { type: "string" },
    "target-id": { type: "string" },
    repositories: { type: "string" },
    "repository-ids": { type: "string" },
    permission: { type: "string", multiple: true },
    policy: { type: "string" },
  },
  connection: "required",
  async prepare({ io, values }) {
    const request = scopeRequest(values);
    if (values.policy !== undefined) await judgeByPolicyFile(io, values.policy, request);
    return request;
  },
  failure: reportOneOffFailure,
  async run({ io, values, positionals, prepared: request, client }) {
    const accessToken = await readOneToken(io, positionals, "scope");
    const scoped = await client().scopeToken({ accessToken, ...request });
    emitNewToken(io, describeValid(fingerprint(scoped.token), scoped), scoped.token, {
      json: values.json === true,
      showToken: values["show-token"] === true,
    });
    return EXIT_CODES.ok;
  },
});

interface ScopeFlags {
  target?: string | undefined;
  "target-id"?: string | undefined;
  repositories?: string | undefined;
  "repository-ids"?: string | undefined;
  permission?: string[] | undefined;
}

/** The flags as the client's input; the pair rules (target xor target-id, ...) are judged by the client. */
function scopeRequest(values: ScopeFlags): Omit<ScopeTokenInput, "accessToken"> {
  const request: {
    target?: string;
    targetId?: number;
    repositories?: string[];
    repositoryIds?: number[];
    permissions?: Record<string, string>;
  } = {};
  if (values.target !== undefined) request.target = values.target;
  if (values["target-id"] !== undefined)
    request.targetId = positiveInteger("--target-id", values["target-id"]);
  if (values.repositories !== undefined) request.repositories = list("--repositories", values.repositories);
  if (values["repository-ids"] !== undefined)
    request.repositoryIds = list("--repository-ids", values["repository-ids"]).map((id) =>
      positiveInteger("--repository-ids", id),
    );
  if (values.permission !== undefined) request.permissions = permissions(values.permission);
  return request as Omit<ScopeTokenInput, "accessToken">;
}

function list(flag: string, value: string): string[] {
  const items = value.split(",").map((item) => item.trim());
  if (items.some((item) => item === ""))
    throw new UsageError(`${flag} takes a comma-separated list, e.g. a,b`, "scope");
  return items;
}

function positiveInteger(flag: string, value: string): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new UsageError(`${flag} takes positive whole numbers`, "scope");
  return parsed;
}

function permissions(entries: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of entries) {
    const match = /^([a-z_]+)=([a-z]+)$/.exec(entry.trim());
    if (!match) throw new UsageError("--permission takes NAME=LEVEL, e.g. contents=read", "scope");
    const [, name, level] = match as unknown as [string, string, string];
    if (name in result) throw new UsageError(`--permission ${name} is given twice`, "scope");
    result[name] = level;
  }
  return result;
}
