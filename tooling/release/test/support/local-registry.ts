import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface LocalRegistry {
  /** e.g. `http://127.0.0.1:PORT/` */
  url: string;
  /** An npm auth token of a user who may publish. */
  token: string;
  /** An npmrc that makes this registry npm's registry, with the token: what a CI job's npmrc holds. */
  npmrc: string;
  close(): Promise<void>;
}

/**
 * Verdaccio (from npm) on a free loopback port, in a child process, with its storage and users in a temp
 * directory. It proxies nothing: it holds only what is published to it.
 */
export async function startLocalRegistry(): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "ghes-oauth-registry-"));
  const config = join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${join(dir, "storage")}`,
      "auth:",
      `  htpasswd: { file: ${join(dir, "htpasswd")}, max_users: 10 }`,
      "uplinks: {}",
      "packages:",
      "  '**': { access: $all, publish: $authenticated }",
      "log: { type: stdout, format: json, level: error }",
      "",
    ].join("\n"),
  );
  const server: ChildProcess = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const { runServer } = await import("verdaccio");
       const app = await runServer(${JSON.stringify(config)});
       const server = app.listen(0, "127.0.0.1", () => console.log("listening " + server.address().port));`,
    ],
    { cwd: packageDir, stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise<string>((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`verdaccio exited (${code}) before listening`)));
    createInterface({ input: server.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
  const url = `http://127.0.0.1:${port}/`;
  const close = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const response = await fetch(`${url}-/user/org.couchdb.user:releaser`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "releaser", password: "releaser-password", type: "user" }),
    });
    const { token } = (await response.json()) as { token?: string };
    if (!response.ok || !token) throw new Error(`verdaccio: adding a user answered HTTP ${response.status}`);
    const npmrc = join(dir, "npmrc");
    writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    return { url, token, npmrc, close };
  } catch (error) {
    await close();
    throw error;
  }
}
