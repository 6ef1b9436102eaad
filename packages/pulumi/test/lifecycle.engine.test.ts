import { NotFoundError, OAuthAppClient } from "@ghes-oauth/client";
import type * as pulumi from "@pulumi/pulumi";
import type { OutputMap } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScopedToken } from "../dist/index.js";
import { type EmulatorWorld, startEmulatorWorld } from "./support/emulator-world.js";
import { createTestStack, type TestStack } from "./support/test-stack.js";

interface TokenSpec {
  name: string;
  permissions: Record<string, string>;
  repositories?: string[];
  rotationTrigger?: string;
}

function programFor(world: EmulatorWorld, specs: TokenSpec[]) {
  return async () => {
    const outputs: Record<string, pulumi.Output<unknown>> = {};
    for (const spec of specs) {
      const token = new ScopedToken(spec.name, {
        accessToken: world.userToken,
        target: "acme",
        repositories: spec.repositories,
        permissions: spec.permissions as never,
        rotationTrigger: spec.rotationTrigger,
      });
      outputs[`${spec.name}Token`] = token.token;
      outputs[`${spec.name}Hash`] = token.hashedToken;
      outputs[`${spec.name}Id`] = token.authorizationId;
    }
    return outputs;
  };
}

const scopedHashes = async (world: EmulatorWorld) =>
  (await world.admin.liveTokens(world.app.client_id)).filter((t) => t.scoped).map((t) => t.hashed_token);

describe("ScopedToken lifecycle under the real engine", () => {
  let world: EmulatorWorld;
  let testStack: TestStack;
  let client: OAuthAppClient;
  let outputs: OutputMap;
  let specs: TokenSpec[] = [
    { name: "ciRead", permissions: { contents: "read" }, repositories: ["api", "web"] },
    { name: "issueBot", permissions: { issues: "write", metadata: "read" } },
    { name: "releaser", permissions: { contents: "write", pull_requests: "write" }, repositories: ["infra"] },
  ];
  const run = { onOutput: (chunk: string) => testStack.onOutput(chunk) };
  const redeploy = (next: TokenSpec[]) => {
    specs = next;
    testStack.setProgram(programFor(world, specs));
  };

  beforeAll(async () => {
    world = await startEmulatorWorld();
    client = new OAuthAppClient(world.connection);
    testStack = await createTestStack(programFor(world, specs), world.connectionConfig);
  });

  afterAll(async () => {
    testStack?.dispose();
    await client?.close();
    await world?.close();
  });

  it("preview plans the creates and mints nothing", async () => {
    const preview = await testStack.stack.preview(run);
    expect(preview.changeSummary).toEqual({ create: 4 });
    expect(await scopedHashes(world)).toEqual([]);
    const calls = (await world.admin.requests()).filter((r) => r.path.includes("/applications/"));
    expect(calls).toEqual([]);
  });

  it("up mints one scoped token per resource", async () => {
    const result = await testStack.stack.up(run);
    expect(result.summary.resourceChanges).toEqual({ create: 4 });
    outputs = result.outputs;
    const live = await scopedHashes(world);
    expect(live).toHaveLength(3);
    for (const spec of specs) {
      expect(outputs[`${spec.name}Token`]?.secret).toBe(true);
      expect(outputs[`${spec.name}Token`]?.value).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
      expect(live).toContain(outputs[`${spec.name}Hash`]?.value);
    }
    const ci = await client.checkToken(outputs.ciReadToken?.value);
    expect(ci.installation?.permissions).toMatchObject({ contents: "read" });
    expect(ci.installation?.repository_selection).toBe("selected");
    // The user's own token stays valid: a scoped token is a new one.
    await expect(client.checkToken(world.userToken)).resolves.toMatchObject({ user: { login: "octocat" } });
  });

  it("refresh with no drift changes nothing", async () => {
    const result = await testStack.stack.refresh(run);
    expect(result.summary.resourceChanges).toEqual({ same: 4 });
    expect(await scopedHashes(world)).toHaveLength(3);
  });

  it("an out-of-band revoke is dropped by refresh and re-minted by up", async () => {
    await client.deleteToken(outputs.issueBotToken?.value);
    const refreshed = await testStack.stack.refresh(run);
    expect(refreshed.summary.resourceChanges).toEqual({ same: 3, delete: 1 });
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 3, create: 1 });
    expect(up.outputs.issueBotToken?.value).not.toBe(outputs.issueBotToken?.value);
    expect(await scopedHashes(world)).toContain(up.outputs.issueBotHash?.value);
    outputs = up.outputs;
  });

  it("a permissions change replaces the token: the new one first, then the old one revoked", async () => {
    const before = outputs.ciReadToken?.value as string;
    redeploy(
      specs.map((s) =>
        s.name === "ciRead" ? { ...s, permissions: { contents: "read", statuses: "read" } } : s,
      ),
    );
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 3, replace: 1 });
    const after = up.outputs.ciReadToken?.value as string;
    expect(after).not.toBe(before);
    await expect(client.checkToken(before)).rejects.toBeInstanceOf(NotFoundError);
    const fresh = await client.checkToken(after);
    expect(fresh.installation?.permissions).toMatchObject({ contents: "read", statuses: "read" });
    const createdAt = testStack.output().lastIndexOf("ciRead creating replacement");
    const deletedAt = testStack.output().lastIndexOf("ciRead deleting original");
    expect(createdAt).toBeGreaterThan(-1);
    expect(deletedAt).toBeGreaterThan(createdAt);
    outputs = up.outputs;
  });

  it("a rotationTrigger change updates in place with a new token value", async () => {
    const before = outputs.releaserToken?.value as string;
    redeploy(specs.map((s) => (s.name === "releaser" ? { ...s, rotationTrigger: "2026-11" } : s)));
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 3, update: 1 });
    const after = up.outputs.releaserToken?.value as string;
    expect(after).toMatch(/^ghu_/);
    expect(after).not.toBe(before);
    expect(up.outputs.releaserId?.value).toBe(outputs.releaserId?.value);
    await expect(client.checkToken(before)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.checkToken(after)).resolves.toMatchObject({
      installation: { repository_selection: "selected" },
    });
    outputs = up.outputs;
  });

  it("a connection-only change touches nothing remote", async () => {
    await world.admin.clearRequests();
    await testStack.stack.setConfig("ghes-oauth:baseUrl", { value: `${world.emulator.apiUrl}/` });
    const up = await testStack.stack.up(run);
    expect(up.summary.resourceChanges).toEqual({ same: 4 });
    const calls = (await world.admin.requests()).filter((r) => r.path.includes("/applications/"));
    expect(calls).toEqual([]);
  });

  it("destroy revokes every token it minted", async () => {
    const result = await testStack.stack.destroy(run);
    expect(result.summary.resourceChanges).toEqual({ delete: 4 });
    expect(await scopedHashes(world)).toEqual([]);
    for (const spec of specs) {
      await expect(client.checkToken(outputs[`${spec.name}Token`]?.value)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    await expect(client.checkToken(world.userToken)).resolves.toBeDefined();
  });
});
