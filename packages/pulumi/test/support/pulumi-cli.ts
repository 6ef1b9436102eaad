import { pulumiCli } from "@ghes-oauth/vitest-preset/pulumi-cli";
import type { TestStack } from "./test-stack.js";

/** `pulumi stack export` through the real CLI, without --show-secrets: what is at rest. */
export function exportStackText(testStack: TestStack): Promise<string> {
  return pulumiCli(["stack", "export", "--stack", "test"], { cwd: testStack.workDir, env: testStack.env });
}
