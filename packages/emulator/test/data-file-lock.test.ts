import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../src/index.js";
import { CliProcess, runCli } from "./support/cli-process.js";
import { call } from "./support/http.js";

const directory = mkdtempSync(join(tmpdir(), "ghes-oauth-emulator-lock-"));
const holders: CliProcess[] = [];
const emulators: RunningEmulator[] = [];

afterEach(async () => {
  for (const holder of holders.splice(0)) await holder.stop("SIGKILL");
  for (const emulator of emulators.splice(0)) await emulator.close();
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function holdWithBin(dataFile: string): Promise<CliProcess> {
  const holder = await CliProcess.start(["--data-file", dataFile, "--quiet"]);
  holders.push(holder);
  return holder;
}

async function createAccount(origin: string, login: string): Promise<number> {
  return (await call("POST", `${origin}/_emulator/accounts`, { json: { login } })).status;
}

describe("one emulator per data file", () => {
  it("the bin refuses a data file another bin holds, naming the file and the holder's pid", async () => {
    const dataFile = join(directory, "bin.db");
    const holder = await holdWithBin(dataFile);
    expect(await createAccount(holder.url, "octocat")).toBe(201);

    const second = await runCli(["--data-file", dataFile, "--quiet"]);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe("");
    expect(second.stderr).toContain(dataFile);
    expect(second.stderr).toContain(`pid ${holder.child.pid}`);

    // The holder was not disturbed: it still serves, and its state is its own.
    expect(await createAccount(holder.url, "octocat")).toBe(422);
    expect(await createAccount(holder.url, "hubot")).toBe(201);
  });

  it("startEmulator refuses a data file held by the bin or by another emulator in this process", async () => {
    const dataFile = join(directory, "api.db");
    const holder = await holdWithBin(dataFile);
    await expect(startEmulator({ dataFile })).rejects.toMatchObject({
      name: "DataFileInUseError",
      code: "EMULATOR_DATA_FILE_IN_USE",
      dataFile,
      message: expect.stringContaining(`pid ${holder.child.pid}`),
    });
    await holder.stop("SIGTERM");

    const first = await startEmulator({ dataFile });
    emulators.push(first);
    await expect(startEmulator({ dataFile })).rejects.toThrow(
      `data file ${dataFile} is in use by another emulator in this process (pid ${process.pid}`,
    );
    expect((await runCli(["--data-file", dataFile, "--quiet"])).stderr).toContain(`pid ${process.pid}`);

    // Closing releases the file at once.
    await first.close();
    const next = await startEmulator({ dataFile });
    emulators.push(next);
    expect(await createAccount(next.url, "octocat")).toBe(201);
  });

  it("a holder killed with SIGKILL leaves no lock behind: the next start succeeds with the state intact", async () => {
    const dataFile = join(directory, "killed.db");
    for (let round = 0; round < 3; round++) {
      const holder = await holdWithBin(dataFile);
      // Each round's account survives; the previous rounds' accounts are still there.
      expect(await createAccount(holder.url, `user${round}`)).toBe(201);
      for (let earlier = 0; earlier < round; earlier++) {
        expect(await createAccount(holder.url, `user${earlier}`)).toBe(422);
      }
      // While it lives it is the holder, even though the killed one's record is still on disk.
      const refused = await runCli(["--data-file", dataFile, "--quiet"]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`pid ${holder.child.pid}`);
      expect(await holder.stop("SIGKILL")).toBe("SIGKILL");
    }
  });
});
