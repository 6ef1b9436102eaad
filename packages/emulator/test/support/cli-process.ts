import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/ghes-oauth-emulator.js", import.meta.url));

/** The real `ghes-oauth-emulator` bin running as a child process. */
export class CliProcess {
  stdout = "";
  stderr = "";

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly apiUrl: string,
  ) {}

  get url(): string {
    return new URL(this.apiUrl).origin;
  }

  static async start(args: string[]): Promise<CliProcess> {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const apiUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no API URL printed; stderr: ${stderr}`)), 15_000);
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const newline = stdout.indexOf("\n");
        if (newline >= 0) {
          clearTimeout(timer);
          resolve(stdout.slice(0, newline));
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code} before printing the API URL; stderr: ${stderr}`));
      });
    });
    const cli = new CliProcess(child, apiUrl);
    cli.stdout = stdout;
    cli.stderr = stderr;
    child.stdout.on("data", (chunk) => {
      cli.stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      cli.stderr += chunk;
    });
    return cli;
  }

  /** Sends `signal` and resolves with the exit code (or the signal that ended it). */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | NodeJS.Signals | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return this.child.exitCode ?? this.child.signalCode;
    }
    const exited = once(this.child, "exit");
    this.child.kill(signal);
    const [code, killedBy] = (await exited) as [number | null, NodeJS.Signals | null];
    return code ?? killedBy;
  }
}

/** Runs the bin to completion (for --help and bad flags). */
export async function runCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args]);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}
