import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { BIN, baseEnv } from "./run-cli.js";

const PTY_RUNNER = fileURLToPath(new URL("./pty-run.py", import.meta.url));

export interface PtySession {
  /** Everything the command wrote to the terminal so far (stdout and stderr together). */
  output(): string;
  /** Resolves with the first match of `pattern` in the output, as soon as it appears. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Types text into the terminal. */
  type(text: string): void;
  exited: Promise<{ code: number | null; output: string }>;
}

/** Runs the built bin under a real pseudo-terminal (Python's pty module), so isTTY is true everywhere. */
export function runInPty(args: readonly string[], env: Record<string, string | undefined> = {}): PtySession {
  const child = spawn("python3", [PTY_RUNNER, process.execPath, BIN, ...args], {
    env: { ...baseEnv(), TERM: "xterm", ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let output = "";
  const waiters: { pattern: RegExp; resolve: (match: RegExpExecArray) => void }[] = [];
  const settle = () => {
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(output);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
    settle();
  });
  const exited = new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      child.stdin.end();
      for (const waiter of waiters) waiter.pattern.lastIndex = 0;
      resolve({ code, output });
    });
  });
  return {
    output: () => output,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const match = pattern.exec(output);
        if (match) return resolve(match);
        waiters.push({ pattern, resolve });
        void exited.then(() => {
          if (waiters.some((waiter) => waiter.pattern === pattern))
            reject(new Error(`the command exited before printing ${pattern}; output:\n${output}`));
        });
      });
    },
    type: (text) => {
      child.stdin.write(text);
    },
    exited,
  };
}
