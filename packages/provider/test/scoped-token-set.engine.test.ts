import { readFileSync } from "node:fs";
import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import { isCredentialProbe } from "@ghes-oauth/emulator/testing";
import * as ghes from "@ghes-oauth/provider-sdk";
import * as pulumi from "@pulumi/pulumi";
import type { OutputMap } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @boundaries-ignore the dynamic resource's test harness, run against the native one
import { type EmulatorWorld, startEmulatorWorld } from "../../pulumi/test/support/emulator-world.js";
// @boundaries-ignore the dynamic resource's test harness, run against the native one
import { findLeaks } from "../../pulumi/test/support/find-leaks.js";
// @boundaries-ignore the dynamic resource's test harness, run against the native one
import { exportStackText } from "../../pulumi/test/support/pulumi-cli.js";
// @boundaries-ignore the dynamic resource's test harness, run against the native one
import { createTestStack, type TestStack } from "../../pulumi/test/support/test-stack.js";
import { pluginEnv } from "./support/plugin-env.js";

type Spec = ghes.types.input.ScopedTokenSpecArgs;
const SET_TYPE = "ghes-oauth:index:ScopedTokenSet";
const schema = JSON.parse(readFileSync(new URL("../schema.json", import.meta.url), "utf8"));
/** The `rotationTrigger` of "issue-bot", given as a secret: it must stay one in state. */
const ROTATION_SECRET = "rotation-secret-4f1c9b27e0";

// A TypeScript program on the generated Node.js SDK's ScopedTokenSet, run by the real engine, which
// starts the native plugin: an explicit Provider, a UserToken, a set of four tokens minted from it;
// changes touch only their entries, refresh drops a token revoked out of band, a typo fails preview,
// destroy revokes everything.
describe("ScopedTokenSet in the native provider (generated nodejs SDK)", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let client: OAuthAppClient;
  let seed: string;
  let scopes: Record<string, Spec>;
  let tokens: Record<string, string> = {};
  /** Every token value seen (the seed, the user pairs, the set's tokens), the client secret, the trigger. */
  const secrets = new Set<string>([ROTATION_SECRET]);

  const program = () => async () => {
    const provider = new ghes.Provider("acme-app", {
      baseUrl: world.emulator.apiUrl,
      clientId: world.app.client_id,
      clientSecret: pulumi.secret(world.app.client_secret),
    });
    const user = new ghes.UserToken("octocat", { refreshToken: seed }, { provider });
    const withSecretTrigger = Object.fromEntries(
      Object.entries(scopes).map(([name, spec]) => [
        name,
        name === "issue-bot" ? { ...spec, rotationTrigger: pulumi.secret(ROTATION_SECRET) } : spec,
      ]),
    );
    const set = new ghes.ScopedTokenSet(
      "ci",
      { accessToken: user.accessToken, scopes: withSecretTrigger, renewBefore: "1h" },
      { provider },
    );
    return {
      tokens: set.tokens,
      details: set.tokenDetails,
      scopes: set.scopes,
      accessTokenHash: set.accessTokenHash,
      userAccessToken: user.accessToken,
      userRefreshToken: user.refreshToken,
    };
  };
  const run = { onOutput: (chunk: string) => testStack.onOutput(chunk) };
  const redeploy = (next: Record<string, Spec>) => {
    scopes = next;
    testStack.setProgram(program());
  };
  const remember = (outputs: OutputMap) => {
    tokens = outputs.tokens?.value as Record<string, string>;
    for (const token of Object.values(tokens)) secrets.add(token);
    secrets.add(String(outputs.userAccessToken?.value)).add(String(outputs.userRefreshToken?.value));
  };
  const failureOf = (operation: Promise<unknown>) =>
    operation.then(
      () => "succeeded",
      (error: Error) => error.message,
    );

  /** The world's own sign-in (world.userToken), made before this stack: not the stack's to revoke. */
  let outside = new Set<string>();
  const live = async () =>
    (await world.admin.liveTokens(world.app.client_id)).filter((token) => !outside.has(token.hashed_token));
  const liveScoped = async () => (await live()).filter((token) => token.scoped);
  const calls = async (method: string, path: string) =>
    (await world.admin.requests()).filter(
      (request) => request.method === method && request.path.endsWith(path),
    );
  const scopeCalls = () => calls("POST", `/applications/${world.app.client_id}/token/scoped`);
  const deleteCalls = () => calls("DELETE", `/applications/${world.app.client_id}/token`);
  const tokenApiCalls = async () =>
    (await world.admin.requests()).filter(
      (request) =>
        request.path.includes("/applications/") ||
        (request.path.startsWith("/login/") && !isCredentialProbe(request)),
    );

  beforeAll(async () => {
    world = await startEmulatorWorld();
    outside = new Set((await world.admin.liveTokens(world.app.client_id)).map((token) => token.hashed_token));
    seed = (await world.signIn()).refreshToken ?? "";
    secrets.add(seed).add(world.app.client_secret);
    const infra = world.org.repositories.find((repository) => repository.name === "infra");
    scopes = {
      "ci-read": { target: "acme", repositories: ["api", "web"], permissions: { contents: "read" } },
      "issue-bot": { targetId: world.org.id, permissions: { issues: "write" } },
      releaser: { target: "acme", repositoryIds: [infra?.id ?? 0], permissions: { contents: "write" } },
      statuses: { target: "acme", permissions: { statuses: "write" } },
    };
    client = new OAuthAppClient(world.connection);
    testStack = await createTestStack(program(), {}, pluginEnv());
  });

  afterAll(async () => {
    testStack?.dispose();
    await client?.close();
    await world?.close();
  });

  it("preview plans one ScopedTokenSet and mints nothing", async () => {
    const preview = await testStack.stack.preview(run);
    // The stack, the provider, the UserToken, the set.
    expect(preview.changeSummary).toEqual({ create: 4 });
    expect(await scopeCalls()).toEqual([]);
  });

  it("up mints every entry in one resource: each token is live on the emulator with its own scope", async () => {
    const up = await testStack.stack.up(run);
    remember(up.outputs);
    expect(up.summary.resourceChanges).toEqual({ create: 4 });
    expect(up.outputs.tokens?.secret).toBe(true);
    expect(up.outputs.details?.secret).toBe(false);
    expect(up.outputs.scopes?.secret, "scopes holds a secret rotationTrigger").toBe(true);
    expect(Object.keys(tokens).sort()).toEqual(["ci-read", "issue-bot", "releaser", "statuses"]);
    expect((await scopeCalls()).length).toBe(4);
    expect(await liveScoped()).toHaveLength(4);

    const details = up.outputs.details?.value as Record<string, Record<string, unknown>>;
    const expected: Record<string, { permissions: Record<string, string>; selection: string }> = {
      "ci-read": { permissions: { contents: "read" }, selection: "selected" },
      "issue-bot": { permissions: { issues: "write" }, selection: "all" },
      releaser: { permissions: { contents: "write" }, selection: "selected" },
      statuses: { permissions: { statuses: "write" }, selection: "all" },
    };
    for (const [name, { permissions, selection }] of Object.entries(expected)) {
      const token = tokens[name] as string;
      expect(token, name).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
      const checked = await client.checkToken(token);
      expect(checked.installation?.permissions, name).toMatchObject(permissions);
      expect(checked.installation?.repository_selection, name).toBe(selection);
      expect(checked.installation?.account?.login, name).toBe("acme");
      expect(details[name], name).toMatchObject({
        tokenLastEight: token.slice(-8),
        hashedToken: checked.hashed_token,
        authorizationId: checked.id,
        userLogin: "octocat",
        targetLogin: "acme",
        repositorySelection: selection,
      });
      expect(Date.parse(String(details[name]?.expiresAt)), name).toBeGreaterThan(Date.now());
    }
    // What the provider returns is what the schema (and so every SDK) declares.
    const declared = schema.types["ghes-oauth:index:TokenDetails"];
    for (const entry of Object.values(details)) {
      expect(Object.keys(entry).filter((key) => !(key in declared.properties))).toEqual([]);
      expect(declared.required.filter((key: string) => !(key in entry))).toEqual([]);
    }
    const deployment = (await testStack.stack.exportStack()).deployment;
    const types = deployment.resources.map((resource: { type: string }) => resource.type);
    expect(types.filter((type: string) => type === SET_TYPE)).toHaveLength(1);
  });

  it("a changed entry re-mints only that one, in place (an update, no replacement); a reorder is no change", async () => {
    redeploy({
      ...scopes,
      "ci-read": { target: "acme", repositories: ["web", "api"], permissions: { contents: "read" } },
      releaser: { ...scopes.releaser, permissions: { contents: "write", pull_requests: "write" } } as Spec,
    });
    const before = tokens;
    await world.admin.clearRequests();
    const preview = await testStack.stack.preview(run);
    expect(preview.changeSummary).toEqual({ same: 3, update: 1 });
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 3, update: 1 });
    remember(up.outputs);
    expect((await scopeCalls()).length).toBe(1);
    expect((await deleteCalls()).length).toBe(1);
    for (const name of ["ci-read", "issue-bot", "statuses"]) expect(tokens[name], name).toBe(before[name]);
    expect(tokens.releaser).not.toBe(before.releaser);
    await expect(client.checkToken(before.releaser as string)).rejects.toBeInstanceOf(NotFoundError);
    const releaser = await client.checkToken(tokens.releaser as string);
    expect(releaser.installation?.permissions).toMatchObject({ contents: "write", pull_requests: "write" });
    expect(await liveScoped()).toHaveLength(4);
  });

  it("an added and a removed entry mint and revoke those two only", async () => {
    const { statuses: _removed, ...kept } = scopes;
    redeploy({
      ...kept,
      docs: { target: "acme", repositories: ["docs"], permissions: { contents: "read" } },
    });
    const before = tokens;
    await world.admin.clearRequests();
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 3, update: 1 });
    remember(up.outputs);
    expect((await scopeCalls()).length).toBe(1);
    expect((await deleteCalls()).length).toBe(1);
    expect(Object.keys(tokens).sort()).toEqual(["ci-read", "docs", "issue-bot", "releaser"]);
    await expect(client.checkToken(before.statuses as string)).rejects.toBeInstanceOf(NotFoundError);
    const docs = await client.checkToken(tokens.docs as string);
    expect(docs.installation?.repository_selection).toBe("selected");
    expect(await liveScoped()).toHaveLength(4);
  });

  it("refresh drops a token revoked out of band; the next up mints that entry only", async () => {
    await client.deleteToken(tokens.docs as string);
    const refreshed = await testStack.stack.refresh(run);
    expect(refreshed.summary.resourceChanges).toMatchObject({ update: 1 });
    const before = tokens;
    await world.admin.clearRequests();
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 3, update: 1 });
    remember(up.outputs);
    expect((await scopeCalls()).length).toBe(1);
    expect(tokens.docs).not.toBe(before.docs);
    for (const name of ["ci-read", "issue-bot", "releaser"]) expect(tokens[name], name).toBe(before[name]);
    await expect(client.checkToken(tokens.docs as string)).resolves.toBeDefined();
  });

  it("a misspelt entry key fails preview, naming scopes.<name>.<key>, before any token API call", async () => {
    redeploy({ ...scopes, typo: { target: "acme", permission: { contents: "read" } } as unknown as Spec });
    await world.admin.clearRequests();
    const failed = await failureOf(testStack.stack.preview(run));
    expect(failed).toContain("scopes.typo.permission: unknown key");
    expect(failed).toContain("scopes.typo.permissions: required");
    expect(findLeaks(failed, [...secrets])).toEqual([]);
    expect(await tokenApiCalls()).toEqual([]);
    const { typo: _typo, ...back } = scopes;
    redeploy(back);
  });

  it("no token, parent token, refresh token, client secret or secret trigger in state or output", async () => {
    const state = await exportStackText(testStack);
    expect(findLeaks(state, [...secrets])).toEqual([]);
    expect(findLeaks(testStack.output(), [...secrets])).toEqual([]);
    // The seed, the client secret, the trigger, the user pair, 4 + 1 (releaser) + 2 (docs) set tokens.
    expect(secrets.size).toBe(12);
    const set = JSON.parse(state).deployment.resources.find(
      (resource: { type: string }) => resource.type === SET_TYPE,
    );
    expect(Object.keys(set.outputs.tokens)).toEqual(["4dabf18193072939515e22adb298388d", "ciphertext"]);
    expect(Object.keys(set.outputs.scopes)).toEqual(["4dabf18193072939515e22adb298388d", "ciphertext"]);
    expect(Object.keys(set.outputs.tokenDetails).sort()).toEqual([
      "ci-read",
      "docs",
      "issue-bot",
      "releaser",
    ]);
    expect(set.outputs.accessTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(set.outputs).not.toHaveProperty("accessToken");
  });

  it("destroy revokes every token of the set (and the user token): none of the stack's tokens is live", async () => {
    expect(await liveScoped()).toHaveLength(4);
    const destroy = await testStack.stack.destroy(run);
    expect(destroy.summary.resourceChanges).toEqual({ delete: 4 });
    for (const [name, token] of Object.entries(tokens)) {
      await expect(client.checkToken(token), name).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await live()).toEqual([]);
    expect(findLeaks(testStack.output(), [...secrets])).toEqual([]);
  });
});
