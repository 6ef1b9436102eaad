import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliProcess } from "./support/cli-process.js";
import { call } from "./support/http.js";
import { TestEmulator } from "./support/world.js";

const directory = mkdtempSync(join(tmpdir(), "ghes-oauth-tls-"));
const certFile = join(directory, "cert.pem");
const keyFile = join(directory, "key.pem");
let cert: string;
let key: string;

beforeAll(() => {
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-days",
      "1",
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ],
    { stdio: "ignore" },
  );
  cert = readFileSync(certFile, "utf8");
  key = readFileSync(keyFile, "utf8");
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("HTTPS", () => {
  it("serves the API over TLS with the given certificate", async () => {
    const dispatcher = new Agent({ connect: { ca: cert } });
    const emulator = await TestEmulator.start({ tls: { cert, key } }, dispatcher);
    try {
      expect(emulator.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      await emulator.account("octocat");
      const app = await emulator.app("tls");
      const token = await emulator.issueToken(app, "octocat");
      const result = await emulator.api("POST", `/applications/${app.client_id}/token`, app, {
        json: { access_token: token },
      });
      expect(result.status).toBe(200);
      expect(result.body.url).toMatch(/^https:\/\//);
      // Without trusting the throwaway CA the connection is refused.
      await expect(call("GET", `${emulator.url}/_emulator/faults`)).rejects.toThrow();
    } finally {
      await dispatcher.close();
      await emulator.close();
    }
  });

  it("the bin serves HTTPS with --tls-cert and --tls-key", async () => {
    const cli = await CliProcess.start(["--tls-cert", certFile, "--tls-key", keyFile, "--quiet"]);
    const dispatcher = new Agent({ connect: { ca: cert } });
    try {
      expect(cli.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      const result = await call("GET", `${cli.url}/_emulator/faults`, { dispatcher });
      expect(result.status).toBe(200);
    } finally {
      await dispatcher.close();
      await cli.stop();
    }
  });
});
