// The provider's operations, called in-process as the engine calls them, against the emulator: a 404 of
// the token API counts as "gone" only once the connection's credentials are proven (GitHub answers 404 to
// a wrong client secret as to a revoked token), and every operation has a deadline. The same through the
// real engine: credential-proof.engine.test.ts.
import { createServer, type Server, type Socket } from "node:net";
import { OAuthAppClient } from "@ghes-oauth/client";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as scopedToken from "../dist/runtime/scoped-token/index.js";
import * as tokenSet from "../dist/runtime/token-set/index.js";
import * as userToken from "../dist/runtime/user-token/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";

const WRONG_SECRET = "0badc0ffee0badc0ffee0badc0ffee0badc0ffee";
const ENV = ["GHES_OAUTH_BASE_URL", "GHES_OAUTH_CLIENT_ID", "GHES_OAUTH_CLIENT_SECRET"];

let world: EmulatorWorld;
let client: OAuthAppClient;

beforeAll(async () => {
  world = await startEmulatorWorld();
  client = new OAuthAppClient(world.connection);
});
afterAll(async () => {
  await client?.close();
  await world?.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
  scopedToken.configureFromStack({ get: () => undefined });
});

async function mint(): Promise<string> {
  const minted = await client.scopeToken({
    accessToken: world.userToken,
    target: "acme",
    permissions: { contents: "read" },
  });
  return minted.token;
}

async function isLive(token: string): Promise<boolean> {
  return client.checkToken(token).then(
    () => true,
    () => false,
  );
}

async function failure(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "succeeded",
    (error: Error) => error.message,
  );
}

const wrong = () => ({ ...world.connection, clientSecret: WRONG_SECRET });

function expectNamesTheConnection(message: string, origin: RegExp) {
  expect(message).toContain(world.emulator.apiUrl);
  expect(message).toContain(world.app.client_id);
  expect(message).toMatch(/incorrect_client_credentials/);
  expect(message).toMatch(origin);
  expect(message).toMatch(/state was left as it was/);
  expect(message).not.toContain(WRONG_SECRET);
  expect(message).not.toContain(world.app.client_secret);
}

describe("a wrong client secret: nothing is taken for gone", () => {
  it("ScopedToken read and delete fail naming the connection argument; the token stays live and in state", async () => {
    const token = await mint();
    const props = { token, connection: wrong() } as never;
    const read = await failure(scopedToken.read("1", props));
    expect(read).toMatch(/^refreshing the ScopedToken stopped/);
    expectNamesTheConnection(read, /from the resource's `connection` argument/);
    const deleted = await failure(scopedToken.delete("1", props));
    expect(deleted).toMatch(/destroying the ScopedToken stopped/);
    expectNamesTheConnection(deleted, /connection` argument/);
    expect(await isLive(token)).toBe(true);
  });

  it("a stale GHES_OAUTH_CLIENT_SECRET in the environment is named, with the fix", async () => {
    const token = await mint();
    vi.stubEnv("GHES_OAUTH_BASE_URL", world.emulator.apiUrl);
    vi.stubEnv("GHES_OAUTH_CLIENT_ID", world.app.client_id);
    vi.stubEnv("GHES_OAUTH_CLIENT_SECRET", WRONG_SECRET);
    const read = await failure(scopedToken.read("1", { token } as never));
    expectNamesTheConnection(read, /clientSecret from env GHES_OAUTH_CLIENT_SECRET/);
    expect(read).toMatch(/set GHES_OAUTH_CLIENT_SECRET to the app's current client secret/);
    expect(await isLive(token)).toBe(true);
  });

  it("a wrong ghes-oauth:clientSecret in stack config is named, with the pulumi config fix", async () => {
    const token = await mint();
    for (const name of ENV) vi.stubEnv(name, undefined);
    const config: Record<string, string> = {
      "ghes-oauth:baseUrl": world.emulator.apiUrl,
      "ghes-oauth:clientId": world.app.client_id,
      "ghes-oauth:clientSecret": WRONG_SECRET,
    };
    scopedToken.configureFromStack({ get: (key) => config[key] });
    const deleted = await failure(scopedToken.delete("1", { token } as never));
    expectNamesTheConnection(deleted, /clientSecret from stack config ghes-oauth:clientSecret/);
    expect(deleted).toContain("pulumi config set --secret ghes-oauth:clientSecret");
    expect(await isLive(token)).toBe(true);
  });

  it("ScopedTokenSet read, delete and diff fail; both tokens stay live", async () => {
    const tokens = { a: await mint(), b: await mint() };
    const props = { tokens, tokenDetails: {}, scopes: {}, connection: wrong() } as never;
    expectNamesTheConnection(await failure(tokenSet.read("set", props)), /connection` argument/);
    const deleted = await failure(tokenSet.delete("set", props));
    expect(deleted).toMatch(/revoking scoped tokens failed for 2 of 2 tokens/);
    expectNamesTheConnection(deleted, /connection` argument/);
    expectNamesTheConnection(await failure(tokenSet.diff(props, props)), /connection` argument/);
    expect(await isLive(tokens.a)).toBe(true);
    expect(await isLive(tokens.b)).toBe(true);
  });

  it("UserToken delete and read fail instead of reading a 404 as revoked", async () => {
    const pair = await world.signIn("octocat");
    const props = {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      expiresAt: "2099-01-01T00:00:00Z",
      connection: wrong(),
    } as never;
    expectNamesTheConnection(await failure(userToken.delete("u", props)), /connection` argument/);
    expectNamesTheConnection(await failure(userToken.read("u", props)), /connection` argument/);
    expect(await isLive(pair.accessToken)).toBe(true);
  });

  it("ScopedToken diff fails at up and preview instead of reporting the token unchanged", async () => {
    const token = await mint();
    const olds = { token, connection: wrong() };
    const message = await failure(scopedToken.diff(olds, { connection: wrong() }));
    expect(message).toMatch(/^diffing the ScopedToken stopped/);
    expectNamesTheConnection(message, /connection` argument/);
  });
});

describe("with proven credentials a 404 still means gone", () => {
  it("read drops a revoked token, delete of a revoked token succeeds, and the set drops its revoked entry", async () => {
    const revoked = await mint();
    const kept = await mint();
    await client.deleteToken(revoked);
    const connection = world.connection;
    expect(await scopedToken.read("1", { token: revoked, connection } as never)).toEqual({});
    await expect(scopedToken.delete("1", { token: revoked, connection } as never)).resolves.toBeUndefined();
    const set = await tokenSet.read("set", {
      tokens: { revoked, kept },
      tokenDetails: { revoked: {}, kept: {} },
      scopes: {},
      connection,
    } as never);
    expect(Object.keys((set.props as { tokens: object }).tokens)).toEqual(["kept"]);
    await tokenSet.delete("set", { tokens: { revoked, kept }, connection } as never);
    expect(await isLive(kept)).toBe(false);
  });
});

describe("every operation has a deadline", () => {
  let hung: Server;
  const sockets: Socket[] = [];
  let port = 0;

  beforeAll(async () => {
    // Accepts connections and never answers.
    hung = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    port = (hung.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => hung.close(resolve));
  });

  it("a server that never answers fails the operation, naming it and the host, within the deadline", async () => {
    vi.stubEnv("GHES_OAUTH_OPERATION_TIMEOUT", "2s");
    const connection = {
      baseUrl: `http://127.0.0.1:${port}/api/v3`,
      clientId: "Iv1.hung",
      clientSecret: WRONG_SECRET,
    };
    const started = Date.now();
    const read = await failure(scopedToken.read("1", { token: "ghu_x", connection } as never));
    const deleted = await failure(tokenSet.delete("s", { tokens: { a: "ghu_x" }, connection } as never));
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(read).toMatch(/^refreshing a ScopedToken did not finish within 2s/);
    expect(read).toContain(`127.0.0.1:${port}`);
    expect(read).toContain("GHES_OAUTH_OPERATION_TIMEOUT");
    expect(deleted).toContain("deleting a ScopedTokenSet did not finish within 2s");
    expect(deleted).not.toContain(WRONG_SECRET);
  });
});
