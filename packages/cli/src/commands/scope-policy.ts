import { readFile } from "node:fs/promises";
import type { ScopeTokenInput } from "@ghes-oauth/client";
import { judgeScopeRequest, PolicyConfigError, readPolicyConfig } from "@ghes-oauth/policy/rules";
import type { Io } from "../io.js";
import { UsageError } from "../usage-error.js";

export const SCOPE_POLICY_HELP = `  --policy FILE             judge the request by a @ghes-oauth/policy config file (the policy pack's,
                            as for pulumi --policy-pack-config) before any request: a mandatory
                            violation refuses it (exit 2), an advisory one is a warning`;

/**
 * Judges a scope request by the policy pack's rules and a policy config file, before any request:
 * mandatory violations refuse (a UsageError, exit 2), advisory ones go to stderr as warnings.
 */
export async function judgeByPolicyFile(
  io: Io,
  file: string,
  request: Omit<ScopeTokenInput, "accessToken">,
): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UsageError(
      `--policy: cannot read ${file}; give the path of a policy config JSON file`,
      "scope",
    );
  }
  let judgement: ReturnType<typeof judgeScopeRequest>;
  try {
    const config = readPolicyConfig(JSON.parse(text));
    judgement = judgeScopeRequest(config, { subject: "ghes-oauth scope", propertyPrefix: "", ...request });
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`--policy: ${file} is not valid JSON`, "scope");
    if (error instanceof PolicyConfigError) throw new UsageError(`--policy: ${error.message}`, "scope");
    throw error;
  }
  for (const found of judgement.advisory)
    io.stderr.write(`warning [advisory] ${found.policy}: ${found.message}\n`);
  if (judgement.mandatory.length === 0) return;
  const lines = judgement.mandatory.map((found) => `  [mandatory] ${found.policy}: ${found.message}`);
  throw new UsageError(`refused by the policy in ${file}, nothing was sent:\n${lines.join("\n")}`, "scope");
}
