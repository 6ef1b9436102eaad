import { type SeededEmulator, startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CredentialsUnverifiedError,
  GhesOAuthError,
  InvalidCredentialsError,
  OAuthAppClient,
  type OAuthAppClientOptions,
} from "../src/index.js";
import { CLIENT_WORLD } from "./support/fixtures.js";
import { oauthErrorBody } from "./support/oauth-fixtures.js";
import { closedPort, type StubAnswer, startStubServer } from "./support/stub-server.js";

/** The credential proof: a code exchange with a made-up code, against the emulator's web host. */
let emulator: SeededEmulator;
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  emulator = await startSeededEmulator({ world: CLIENT_WORLD });
});
afterAll(async () => {
  for (const each of open) await each.close();
  await emulator?.close();
});

function clientOf(options: Partial<OAuthAppClientOptions>): OAuthAppClient {
  const client = new OAuthAppClient({ ...emulator.connection, retry: false, ...options });
  open.push(client);
  return client;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: Error) => error,
  );
}

const liveTokenCount = async () => (await emulator.admin.liveTokens(emulator.app.client_id)).length;

describe("OAuthAppClient#verifyCredentials", () => {
  it("resolves for the app's own client ID and secret, and mints nothing", async () => {
    const before = await liveTokenCount();
    await emulator.admin.clearRequests();
    await expect(clientOf({}).verifyCredentials()).resolves.toBeUndefined();
    expect(await liveTokenCount()).toBe(before);
    const sent = (await emulator.admin.requests()).map((request) => `${request.method} ${request.path}`);
    expect(sent).toEqual(["POST /login/oauth/access_token"]);
  });

  it("names the base URL, web URL and client ID of a wrong secret, never the secret, and says what to do", async () => {
    const wrongSecret = "0123456789abcdef0123456789abcdef01234567";
    const error = await rejection(clientOf({ clientSecret: wrongSecret }).verifyCredentials());
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error).toBeInstanceOf(GhesOAuthError);
    expect(error.message).toContain(emulator.apiUrl);
    expect(error.message).toContain(emulator.app.client_id);
    expect(error.message).toMatch(/incorrect_client_credentials/);
    expect(error.message).toMatch(/current client ID and secret/);
    expect(error).toMatchObject({ baseUrl: emulator.apiUrl, clientId: emulator.app.client_id });
    const everything = JSON.stringify({
      ...error,
      message: error.message,
      stack: error.stack,
      cause: error.cause,
    });
    expect(everything).not.toContain(wrongSecret);
    expect(everything).not.toContain(emulator.app.client_secret);
  });

  it("refuses another app's client ID with this secret, an unknown client ID, and an old (rotated) secret", async () => {
    const other = await emulator.admin.createApp({ name: "other-app" });
    const unknownId = await rejection(clientOf({ clientId: "Iv1.0000000000000000" }).verifyCredentials());
    const otherId = await rejection(clientOf({ clientId: other.client_id }).verifyCredentials());
    const oldSecret = other.client_secret;
    await emulator.admin.rotateClientSecret(other.client_id);
    const rotated = await rejection(
      clientOf({ clientId: other.client_id, clientSecret: oldSecret }).verifyCredentials(),
    );
    for (const error of [unknownId, otherId, rotated]) expect(error).toBeInstanceOf(InvalidCredentialsError);
  });

  it("cannot prove anything when the web host is unreachable, fails or answers oddly", async () => {
    const port = await closedPort();
    const unreachable = await rejection(
      clientOf({ baseUrl: `http://127.0.0.1:${port}/api/v3` }).verifyCredentials(),
    );
    expect(unreachable).toBeInstanceOf(CredentialsUnverifiedError);
    expect(unreachable.message).toMatch(/could not verify the client credentials/);
    expect(unreachable.message).toContain(`127.0.0.1:${port}`);

    const answers: StubAnswer[] = [
      { status: 503, body: "{}" },
      { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ ok: true }) },
      {
        status: 200,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(oauthErrorBody("unsupported_grant_type")),
      },
      { status: 200, headers: { "content-type": "text/html" }, body: "<html>sign in</html>" },
    ];
    for (const answer of answers) {
      const stub = await startStubServer(() => answer);
      open.push(stub);
      const error = await rejection(clientOf({ baseUrl: stub.apiUrl }).verifyCredentials());
      expect(error).toBeInstanceOf(CredentialsUnverifiedError);
      expect(error).not.toBeInstanceOf(InvalidCredentialsError);
      expect(stub.requests.map((request) => request.path)).toEqual(["/login/oauth/access_token"]);
    }
  });

  it("sends a fresh made-up code each time, with the client ID and secret in the form body", async () => {
    const stub = await startStubServer(() => ({
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(oauthErrorBody("bad_verification_code")),
    }));
    open.push(stub);
    const client = clientOf({ baseUrl: stub.apiUrl, clientId: "Iv1.probe", clientSecret: "probe-secret" });
    await client.verifyCredentials();
    await client.verifyCredentials();
    const forms = stub.requests.map((request) => new URLSearchParams(request.body));
    expect(forms.map((form) => [form.get("client_id"), form.get("client_secret")])).toEqual([
      ["Iv1.probe", "probe-secret"],
      ["Iv1.probe", "probe-secret"],
    ]);
    const codes = forms.map((form) => form.get("code"));
    expect(codes[0]).toMatch(/^[0-9a-f]{20}$/);
    expect(codes[1]).not.toBe(codes[0]);
    expect(forms[0]?.get("grant_type")).toBeNull();
  });
});
