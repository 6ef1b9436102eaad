import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestStack } from "./test-stack.js";

const execFileAsync = promisify(execFile);

/** `pulumi stack export` through the real CLI, without --show-secrets: what is at rest. */
export async function exportStackText(testStack: TestStack): Promise<string> {
  const { stdout } = await execFileAsync(
    "pulumi",
    ["stack", "export", "--stack", "test", "--non-interactive"],
    {
      cwd: testStack.workDir,
      env: { ...process.env, ...testStack.env },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return stdout;
}
