import type { OAuthAppClient } from "@ghes-oauth/client";
import { describe, expect, it } from "vitest";
import { defineCommand } from "../dist/commands/command.js";
import { EXIT_CODES, type Io, UsageError } from "../dist/index.js";

// The skeleton every command is built on: the order of its steps, and the client it owns.

const CONNECTION_ENV = {
  GHES_OAUTH_BASE_URL: "http://127.0.0.1:9",
  GHES_OAUTH_CLIENT_ID: "Iv1.skeleton",
  GHES_OAUTH_CLIENT_SECRET: "skeleton-secret",
};

function capture(env: NodeJS.ProcessEnv = {}) {
  const written = { stdout: "", stderr: "" };
  const stream = (name: "stdout" | "stderr") =>
    ({
      isTTY: false,
      write: (text: string) => {
        written[name] += text;
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const io: Io = { stdin: process.stdin, stdout: stream("stdout"), stderr: stream("stderr"), env };
  return { io, written };
}

async function closedAfterwards(client: OAuthAppClient | undefined): Promise<boolean> {
  if (!client) return false;
  return client.checkToken(`ghu_${"a".repeat(36)}`).then(
    () => false,
    (error: Error) => /closed|destroyed/i.test(`${error.name} ${error.message}`),
  );
}

type ProbeSpec = Partial<Parameters<typeof defineCommand>[0]> &
  Pick<Parameters<typeof defineCommand>[0], "run">;

/** A command named `probe` needing a connection, with no flags or help of its own unless `spec` says so. */
function probe(spec: ProbeSpec) {
  return defineCommand({
    name: "probe",
    summary: "a probe",
    help: "",
    options: {},
    connection: "required",
    ...spec,
  });
}

describe("defineCommand", () => {
  it("answers --help itself, before any step of the command", async () => {
    const steps: string[] = [];
    const command = probe({
      help: "Usage: ghes-oauth probe",
      prepare: () => steps.push("prepare"),
      run: async () => {
        steps.push("run");
        return EXIT_CODES.ok;
      },
    });
    const { io, written } = capture();
    expect(await command.run(["--help"], io)).toBe(EXIT_CODES.ok);
    expect(written.stdout).toBe("Usage: ghes-oauth probe\n");
    expect(steps).toEqual([]);
  });

  it("judges the command's own flags before the connection: a bad flag is reported, not a missing URL", async () => {
    const command = probe({
      options: { level: { type: "string" } },
      prepare({ values }) {
        if (values.level !== "ok") throw new UsageError("--level takes ok", "probe");
      },
      run: async () => EXIT_CODES.ok,
    });
    await expect(command.run(["--level", "bad"], capture().io)).rejects.toThrow("--level takes ok");
    await expect(command.run(["--level", "ok"], capture().io)).rejects.toThrow("missing --base-url");
  });

  it("gives run the prepared values and the connection, and closes the client it created", async () => {
    let seen: OAuthAppClient | undefined;
    const command = probe({
      options: { level: { type: "string" } },
      prepare: ({ values }) => ({ level: values.level }),
      async run({ prepared, connection, client, positionals }) {
        expect(prepared).toEqual({ level: "3" });
        expect(positionals).toEqual(["FILE"]);
        expect(connection).toMatchObject({ clientId: "Iv1.skeleton", clientSecret: "skeleton-secret" });
        seen = client();
        expect(client()).toBe(seen);
        return EXIT_CODES.ok;
      },
    });
    expect(await command.run(["--level", "3", "FILE"], capture(CONNECTION_ENV).io)).toBe(EXIT_CODES.ok);
    expect(await closedAfterwards(seen)).toBe(true);
  });

  it("reports an error of the API session through `failure` and still closes the client", async () => {
    let seen: OAuthAppClient | undefined;
    const command = probe({
      async run({ client }) {
        seen = client();
        throw new Error("the server said no");
      },
      failure(io, name, error) {
        io.stderr.write(`ghes-oauth ${name}: ${(error as Error).message}\n`);
        return EXIT_CODES.failed;
      },
    });
    const { io, written } = capture(CONNECTION_ENV);
    expect(await command.run([], io)).toBe(EXIT_CODES.failed);
    expect(written.stderr).toBe("ghes-oauth probe: the server said no\n");
    expect(await closedAfterwards(seen)).toBe(true);
  });

  it("leaves an error thrown before the client exists (bad input) to main, not to `failure`", async () => {
    const failures: unknown[] = [];
    const command = probe({
      run: async () => {
        throw new UsageError("no token in the input", "probe");
      },
      failure(_io, _name, error) {
        failures.push(error);
        return EXIT_CODES.failed;
      },
    });
    await expect(command.run([], capture(CONNECTION_ENV).io)).rejects.toBeInstanceOf(UsageError);
    expect(failures).toEqual([]);
  });

  it("resolves no connection when the flags say so, and takes the connection flags all the same", async () => {
    const command = probe({
      options: { "dry-run": { type: "boolean" } },
      connection: (values) => values["dry-run"] !== true,
      async run({ connection, client, values }) {
        expect(connection).toBeUndefined();
        expect(values["base-url"]).toBe("https://unused.example");
        expect(() => client()).toThrow("without a connection");
        return EXIT_CODES.ok;
      },
    });
    const { io } = capture();
    expect(await command.run(["--dry-run", "--base-url", "https://unused.example"], io)).toBe(EXIT_CODES.ok);
    await expect(command.run([], io)).rejects.toThrow("missing --base-url");
  });
});
