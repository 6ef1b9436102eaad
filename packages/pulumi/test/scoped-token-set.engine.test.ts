import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import type { OutputMap } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedTokenSet, type ScopedTokenSpec } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { findLeaks } from "./support/find-leaks.js";
import { exportStackText } from "./support/pulumi-cli.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

const HOUR = 3600;

const firstScopes: Record<string, ScopedTokenSpec> = {
  "ci-read": { target: "acme", repositories: ["api", "web"], permissions: { contents: "read" } },
  "issue-bot": { target: "acme", permissions: { issues: "write", metadata: "read" } },
  releaser: { target: "acme", repositories: ["infra"], permissions: { contents: "write" } },
  docs: { target: "acme", repositories: ["docs"], permissions: { contents: "read" } },
  statuses: { target: "acme", permissions: { statuses: "write" } },
};

describe("ScopedTokenSet under the real engine", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let client: OAuthAppClient;
  let parent: string;
  let scopes = firstScopes;
  let tokens: Record<string, string> = {};
  const seen = new Set<string>();

  const program = () => async () => {
    const set = new ScopedTokenSet("ci", { accessToken: parent, scopes, renewBefore: "1h" });
    return { tokens: set.tokens, details: set.tokenDetails, ciRead: set.token("ci-read") };
  };
  const run = { onOutput: (chunk: string) => testStack.onOutput(chunk) };
  const redeploy = (next: Record<string, ScopedTokenSpec>) => {
    scopes = next;
    testStack.setProgram(program());
  };
  const liveScoped = async () =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => token.scoped);
  const calls = async (method: string, path: string) =>
    (await world.admin.requests()).filter(
      (request) => request.method === method && request.path.endsWith(path),
    );
  const scopeCalls = () => calls("POST", `/applications/${world.app.client_id}/token/scoped`);
  const deleteCalls = () => calls("DELETE", `/applications/${world.app.client_id}/token`);
  const remember = (outputs: OutputMap) => {
    tokens = outputs.tokens?.value as Record<string, string>;
    for (const token of Object.values(tokens)) seen.add(token);
  };

  beforeAll(async () => {
    world = await startEmulatorWorld();
    parent = world.userToken;
    client = new OAuthAppClient(world.connection);
    testStack = await createTestStack(program(), world.connectionConfig);
  });

  afterAll(async () => {
    testStack?.dispose();
    await client?.close();
    await world?.close();
  });

  it("preview plans one create and mints nothing", async () => {
    const preview = await testStack.stack.preview(run);
    expect(preview.changeSummary).toEqual({ create: 2 });
    expect(await scopeCalls()).toEqual([]);
  });

  it("up mints every entry in one resource: each token works with its own scope", async () => {
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    expect(up.outputs.tokens?.secret).toBe(true);
    expect(up.outputs.ciRead?.secret).toBe(true);
    remember(up.outputs);
    expect(Object.keys(tokens).sort()).toEqual(Object.keys(firstScopes).sort());
    expect(up.outputs.ciRead?.value).toBe(tokens["ci-read"]);
    expect(await liveScoped()).toHaveLength(5);
    const ci = await client.checkToken(tokens["ci-read"] as string);
    expect(ci.installation?.permissions).toMatchObject({ contents: "read" });
    expect(ci.installation?.repository_selection).toBe("selected");
    const bot = await client.checkToken(tokens["issue-bot"] as string);
    expect(bot.installation?.permissions).toMatchObject({ issues: "write" });
    const details = up.outputs.details?.value as Record<string, Record<string, unknown>>;
    expect(up.outputs.details?.secret).toBe(false);
    expect(details.releaser).toMatchObject({
      tokenLastEight: (tokens.releaser as string).slice(-8),
      targetLogin: "acme",
      userLogin: "octocat",
      repositorySelection: "selected",
    });
    expect(Date.parse(String(details.releaser?.expiresAt))).toBeGreaterThan(Date.now());
  });

  it("state and output hold no token, parent token or client secret in clear", async () => {
    const state = await exportStackText(testStack);
    const secrets = [...seen, parent, world.app.client_secret];
    expect(findLeaks(state, secrets)).toEqual([]);
    expect(findLeaks(testStack.output(), secrets)).toEqual([]);
    const set = JSON.parse(state).deployment.resources.find((resource: { type: string }) =>
      resource.type.endsWith("ghes-oauth:ScopedTokenSet"),
    );
    expect(Object.keys(set.outputs.tokens)).toEqual(["4dabf18193072939515e22adb298388d", "ciphertext"]);
    expect(set.inputs.__provider).toContain("@ghes-oauth/pulumi/token-set-runtime");
  });

  it("refresh with no drift changes nothing: every token checked, none minted", async () => {
    await world.admin.clearRequests();
    const refreshed = await testStack.stack.refresh(run);
    expect(refreshed.summary.resourceChanges).toEqual({ same: 2 });
    expect((await calls("POST", `/applications/${world.app.client_id}/token`)).length).toBe(5);
    expect(await scopeCalls()).toEqual([]);
  });

  it("a change to some entries mints and revokes those only: changed, added, removed; a reorder is no change", async () => {
    const { releaser: _removed, ...kept } = firstScopes;
    redeploy({
      ...kept,
      "ci-read": { ...firstScopes["ci-read"], repositories: ["web", "api"] } as ScopedTokenSpec,
      "issue-bot": { target: "acme", permissions: { issues: "read" } },
      deployer: { target: "acme", repositories: ["infra"], permissions: { workflows: "write" } },
    });
    const before = tokens;
    await world.admin.clearRequests();
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    remember(up.outputs);
    expect((await scopeCalls()).length).toBe(2);
    expect((await deleteCalls()).length).toBe(2);
    expect(tokens["ci-read"]).toBe(before["ci-read"]);
    expect(tokens.docs).toBe(before.docs);
    expect(tokens.statuses).toBe(before.statuses);
    expect(tokens["issue-bot"]).not.toBe(before["issue-bot"]);
    expect(tokens.releaser).toBeUndefined();
    await expect(client.checkToken(before["issue-bot"] as string)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.checkToken(before.releaser as string)).rejects.toBeInstanceOf(NotFoundError);
    const deployer = await client.checkToken(tokens.deployer as string);
    expect(deployer.installation?.permissions).toMatchObject({ workflows: "write" });
    expect(await liveScoped()).toHaveLength(5);
  });

  it("a new parent accessToken alone updates state only: no token minted or revoked", async () => {
    parent = (await world.admin.issueUserToken({ client_id: world.app.client_id, login: "octocat" })).token;
    testStack.setProgram(program());
    const before = tokens;
    await world.admin.clearRequests();
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(await scopeCalls()).toEqual([]);
    expect(await deleteCalls()).toEqual([]);
    remember(up.outputs);
    expect(tokens).toEqual(before);
    const again = await testStack.stack.up(run);
    expect(again.summary.resourceChanges).toEqual({ same: 2 });
  });

  it("refresh drops a token revoked out of band; the next up mints that entry only", async () => {
    await client.deleteToken(tokens.docs as string);
    const refreshed = await testStack.stack.refresh(run);
    expect(refreshed.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    const before = tokens;
    await world.admin.clearRequests();
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    remember(up.outputs);
    expect((await scopeCalls()).length).toBe(1);
    expect(tokens.docs).not.toBe(before.docs);
    expect(tokens.statuses).toBe(before.statuses);
    await expect(client.checkToken(tokens.docs as string)).resolves.toBeDefined();
  });

  it("within renewBefore of expiry (the emulator's clock), preview plans and up renews every entry, new first", async () => {
    await world.admin.advanceClock(7.5 * HOUR);
    // The parent expires after 8 hours too: a refreshed one, as a UserToken would pass on.
    parent = (await world.admin.issueUserToken({ client_id: world.app.client_id, login: "octocat" })).token;
    testStack.setProgram(program());
    await world.admin.clearRequests();
    const preview = await testStack.stack.preview(run);
    expect(preview.changeSummary).toEqual({ same: 1, update: 1 });
    expect(await scopeCalls()).toEqual([]);
    const before = tokens;
    const up = await testStack.stack.up(run);
    remember(up.outputs);
    expect((await scopeCalls()).length).toBe(5);
    for (const name of Object.keys(before)) {
      expect(tokens[name]).not.toBe(before[name]);
      await expect(client.checkToken(before[name] as string)).rejects.toBeInstanceOf(NotFoundError);
      await expect(client.checkToken(tokens[name] as string)).resolves.toBeDefined();
    }
    const requests = await world.admin.requests();
    const lastMint = requests.findLastIndex((request) => request.path.endsWith("/token/scoped"));
    const firstRevoke = requests.findIndex((request) => request.method === "DELETE");
    expect(firstRevoke).toBeGreaterThan(lastMint);
  });

  it("an entry the server refuses fails the up, names the entry, leaves no new token alive and the old ones in place", async () => {
    const before = tokens;
    const liveBefore = (await liveScoped()).length;
    redeploy({
      ...scopes,
      extra: { target: "acme", permissions: { members: "read" } },
      nowhere: { target: "no-such-org", permissions: { contents: "read" } },
    });
    const failed = await testStack.stack.up(run).then(
      () => "succeeded",
      (error: Error) => error.message,
    );
    expect(failed).toContain('"nowhere" (new)');
    expect(failed).toContain("1 of 2 tokens");
    expect(findLeaks(failed, [...seen, parent])).toEqual([]);
    expect((await liveScoped()).length).toBe(liveBefore);
    for (const name of Object.keys(before)) {
      await expect(client.checkToken(before[name] as string)).resolves.toBeDefined();
    }
    const { extra: _extra, nowhere: _nowhere, ...back } = scopes;
    redeploy(back);
  });

  it("a misspelt entry key fails preview, naming the entry and the key, before any API call", async () => {
    redeploy({ ...scopes, typo: { target: "acme", permission: { contents: "read" } } as never });
    await world.admin.clearRequests();
    const failed = await testStack.stack.preview(run).then(
      () => "succeeded",
      (error: Error) => error.message,
    );
    expect(failed).toContain("scopes.typo.permission: unknown key");
    expect(failed).toContain("scopes.typo.permissions: required");
    expect(await scopeCalls()).toEqual([]);
    const { typo: _typo, ...back } = scopes;
    redeploy(back);
  });

  it("a revocation that fails once the replacement exists is kept, encrypted, and retried at the next up", async () => {
    const before = tokens;
    redeploy({
      ...scopes,
      docs: { target: "acme", repositories: ["docs"], permissions: { contents: "write" } },
    });
    await world.admin.setFaults({ status: 500, methods: ["DELETE"] });
    const up = await testStack.stack.up(run);
    await world.admin.clearFaults();
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    remember(up.outputs);
    expect(tokens.docs).not.toBe(before.docs);
    await expect(client.checkToken(before.docs as string)).resolves.toBeDefined();
    const state = await exportStackText(testStack);
    const set = JSON.parse(state).deployment.resources.find((resource: { type: string }) =>
      resource.type.endsWith("ghes-oauth:ScopedTokenSet"),
    );
    expect(Object.keys(set.outputs.pendingRevocation)).toEqual([
      "4dabf18193072939515e22adb298388d",
      "ciphertext",
    ]);
    expect(findLeaks(state, [...seen, parent])).toEqual([]);

    await world.admin.clearRequests();
    const retried = await testStack.stack.up(run);
    expect(retried.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(await scopeCalls()).toEqual([]);
    await expect(client.checkToken(before.docs as string)).rejects.toBeInstanceOf(NotFoundError);
    const after = JSON.parse(await exportStackText(testStack)).deployment.resources.find(
      (resource: { type: string }) => resource.type.endsWith("ghes-oauth:ScopedTokenSet"),
    );
    expect(after.outputs.pendingRevocation).toBeUndefined();
    expect((await testStack.stack.up(run)).summary.resourceChanges).toEqual({ same: 2 });
  });

  it("a destroy that cannot revoke fails and keeps the set in state; the next destroy finishes", async () => {
    await world.admin.setFaults({ status: 500, methods: ["DELETE"] });
    const failed = await testStack.stack.destroy(run).then(
      () => "succeeded",
      (error: Error) => error.message,
    );
    await world.admin.clearFaults();
    expect(failed).toContain("revoking scoped tokens failed for 5 of 5 tokens");
    expect(findLeaks(failed, [...seen, parent])).toEqual([]);
    const state = JSON.parse(await exportStackText(testStack)).deployment.resources ?? [];
    expect(
      state.some((resource: { type: string }) => resource.type.endsWith("ghes-oauth:ScopedTokenSet")),
    ).toBe(true);
    expect(await liveScoped()).toHaveLength(5);
  });

  it("destroy revokes every token of the set", async () => {
    const destroy = await testStack.stack.destroy(run);
    expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
    expect(await liveScoped()).toEqual([]);
    for (const token of Object.values(tokens)) {
      await expect(client.checkToken(token)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(client.checkToken(parent)).resolves.toBeDefined();
    expect(findLeaks(testStack.output(), [...seen, parent, world.app.client_secret])).toEqual([]);
  });
});
