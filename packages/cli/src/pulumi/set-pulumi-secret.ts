import { spawn } from "node:child_process";

export interface PulumiTarget {
  readonly key: string;
  readonly stack?: string | undefined;
  readonly cwd?: string | undefined;
}

/**
 * `pulumi config set --secret KEY` with the value on stdin, never in argv (ps would show it). Pulumi
 * encrypts it with the stack's secrets provider. Pulumi's own output is passed through to stderr.
 */
export async function setPulumiSecret(target: PulumiTarget, value: string, stderr: NodeJS.WritableStream) {
  const args = ["config", "set", "--secret", target.key];
  if (target.stack) args.push("--stack", target.stack);
  if (target.cwd) args.push("--cwd", target.cwd);
  const child = spawn("pulumi", args, {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  child.stdin.on("error", () => {}); // pulumi exiting early closes the pipe; its exit code says why
  child.stdin.end(value);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new PulumiConfigError(
          error.code === "ENOENT"
            ? "the pulumi CLI is not on PATH"
            : `could not start pulumi (${error.code})`,
        ),
      ),
    );
    child.once("close", resolve);
  });
  if (output.includes(value)) output = "(pulumi's output is withheld: it repeated the value)";
  if (code !== 0)
    throw new PulumiConfigError(
      `pulumi config set --secret ${target.key} failed (exit ${code}): ${output.trim()}`,
    );
  if (output.trim()) stderr.write(`${output.trim()}\n`);
}

export class PulumiConfigError extends Error {
  override name = "PulumiConfigError";
}
