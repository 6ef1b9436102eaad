import { afterEach, describe, expect, it } from "vitest";
import { CliProcess, runCli } from "./support/cli-process.js";
import { call } from "./support/http.js";

let running: CliProcess | undefined;

afterEach(async () => {
  await running?.stop("SIGKILL");
  running = undefined;
});

describe("the ghes-oauth-emulator bin", () => {
  it("--help describes the flags and exits 0", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    for (const flag of [
      "--port",
      "--host",
      "--data-file",
      "--api-version",
      "--tls-cert",
      "--tls-key",
      "--quiet",
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it("rejects unknown flags and bad ports with exit code 2", async () => {
    expect((await runCli(["--nope"])).code).toBe(2);
    expect((await runCli(["--port", "70000"])).code).toBe(2);
    expect((await runCli(["--tls-cert", "x.pem"])).code).toBe(2);
    const badVersion = await runCli(["--api-version", "ghes-3.2"]);
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toContain("ghes-3.17, ghes-3.18, ghes-3.19, api.github.com");
  });

  it("serves the --api-version asked for and names it at start-up", async () => {
    running = await CliProcess.start(["--api-version", "ghes-3.17", "--quiet"]);
    await expect.poll(() => running?.stdout).toContain("API version ghes-3.17: 55 scoped-token permissions");
    const defaulted = await CliProcess.start(["--quiet"]);
    try {
      await expect
        .poll(() => defaulted.stdout)
        .toContain("API version ghes-3.19: 57 scoped-token permissions");
    } finally {
      await defaulted.stop("SIGKILL");
    }
  });

  it("prints the API URL first, binds 127.0.0.1, and exits 0 on SIGTERM and SIGINT", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      running = await CliProcess.start([]);
      expect(running.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      expect((await call("GET", `${running.url}/_emulator/faults`)).status).toBe(200);
      expect(await running.stop(signal)).toBe(0);
    }
  });

  it("honours --port", async () => {
    const probe = await CliProcess.start([]);
    const port = Number(new URL(probe.apiUrl).port);
    await probe.stop();
    running = await CliProcess.start(["--port", String(port)]);
    expect(running.apiUrl).toBe(`http://127.0.0.1:${port}/api/v3`);
  });
});
