import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Runs the real `pulumi` CLI found on PATH and returns its stdout. */
export async function pulumiCli(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<string> {
  const { stdout } = await execFileAsync("pulumi", [...args, "--non-interactive"], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}
