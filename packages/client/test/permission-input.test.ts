import { startSeededEmulator } from "@ghes-oauth/emulator/testing";
import { afterEach, describe, expect, it } from "vitest";
import { InvalidInputError, OAuthAppClient, type Permissions, ValidationError } from "../src/index.js";
import { PERMISSION_CATALOGUE, PERMISSION_NAMES } from "../src/schemas/index.js";
import { RefusingDispatcher } from "./support/refusing-dispatcher.js";

const TOKEN = "ghu_PermissionInputToken0123456789abcd";
const base = { accessToken: TOKEN, target: "octo-org" };

function offlineClient(options: { allowUnknownPermissions?: boolean } = {}) {
  const dispatcher = new RefusingDispatcher();
  const client = new OAuthAppClient({
    baseUrl: "https://github.example.com",
    clientId: "Iv1.permissions",
    clientSecret: "permissions-secret",
    dispatcher,
    ...options,
  });
  return { client, dispatcher };
}

async function refusal(
  client: OAuthAppClient,
  permissions: Record<string, unknown>,
): Promise<InvalidInputError> {
  const error = await client.scopeToken({ ...base, permissions: permissions as Permissions }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

describe("permission levels", () => {
  // Every level of the API plus values people write by mistake.
  const CANDIDATES: unknown[] = ["read", "write", "admin", "none", "", "READ", "Write", 1, true, null, {}];

  it("every level outside a permission's allowed ones is refused locally, naming it and its levels", async () => {
    const { client, dispatcher } = offlineClient();
    let refused = 0;
    for (const name of PERMISSION_NAMES) {
      const allowed = PERMISSION_CATALOGUE[name] as readonly unknown[];
      for (const level of CANDIDATES.filter((candidate) => !allowed.includes(candidate))) {
        const error = await refusal(client, { [name]: level });
        expect(error.issues).toHaveLength(1);
        expect(error.issues[0]?.path).toBe(`permissions.${name}`);
        const message = error.issues[0]?.message ?? "";
        expect(message).toContain(`"${name}" accepts`);
        for (const level of allowed) expect(message, name).toContain(`"${level}"`);
        refused++;
      }
    }
    expect(dispatcher.calls).toBe(0);
    // 59 names x 11 candidates, minus the 118 allowed pairs.
    expect(refused).toBe(59 * 11 - 118);
  });

  it("says which levels a write-only, read-only or admin-capable permission takes", async () => {
    const { client } = offlineClient();
    expect((await refusal(client, { workflows: "read" })).issues[0]?.message).toBe(
      '"workflows" accepts only "write"',
    );
    expect((await refusal(client, { organization_plan: "write" })).issues[0]?.message).toBe(
      '"organization_plan" accepts only "read"',
    );
    expect((await refusal(client, { contents: "admin" })).issues[0]?.message).toBe(
      '"contents" accepts "read" or "write"',
    );
    expect((await refusal(client, { repository_projects: "none" })).issues[0]?.message).toBe(
      '"repository_projects" accepts "read", "write" or "admin"',
    );
  });

  it("holds known names to their levels even when unknown names are allowed", async () => {
    const { client } = offlineClient({ allowUnknownPermissions: true });
    expect((await refusal(client, { workflows: "read" })).issues[0]?.path).toBe("permissions.workflows");
    expect((await refusal(client, { brand_new: 3 })).issues[0]?.path).toBe("permissions.brand_new");
  });
});

describe("unknown permission names", () => {
  it.each([
    ["isues", "issues"],
    ["content", "contents"],
    ["pull_request", "pull_requests"],
    ["Dependabot-Secrets", "dependabot_secrets"],
    ["codespace", "codespaces"],
  ])("%s: did you mean %s?", async (typo, meant) => {
    const { client, dispatcher } = offlineClient();
    const error = await refusal(client, { [typo]: "read" });
    expect(error.issues).toEqual([
      {
        path: `permissions.${typo}`,
        message: `unknown permission "${typo}"; did you mean "${meant}"? (for a name newer than this release, set allowUnknownPermissions)`,
      },
    ]);
    expect(dispatcher.calls).toBe(0);
  });

  it("lists the known names when nothing is close", async () => {
    const { client } = offlineClient();
    const message = (await refusal(client, { telepathy: "read" })).issues[0]?.message ?? "";
    expect(message).not.toContain("did you mean");
    expect(message).toContain("known permissions: actions, administration,");
    expect(message).toContain("allowUnknownPermissions");
  });
});

describe("allowUnknownPermissions: the server judges", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function emulatorWorld(apiVersion: "ghes-3.17" | "ghes-3.19") {
    const world = await startSeededEmulator({
      apiVersion,
      world: {
        org: { login: "octo-org", repositories: ["api"] },
        app: { name: "Scoper", permissions: "highest" },
      },
    });
    close = () => world.close();
    const { admin, app, apiUrl } = world;
    const { token } = world.userToken;
    const connect = (options: { allowUnknownPermissions?: boolean } = {}) =>
      new OAuthAppClient({
        baseUrl: apiUrl,
        clientId: app.client_id,
        clientSecret: app.client_secret,
        retry: false,
        ...options,
      });
    return { token, connect, admin, clientId: app.client_id };
  }

  it("sends a name the catalogue lacks and reports the server's 422", async () => {
    const { token, connect, admin, clientId } = await emulatorWorld("ghes-3.19");
    const strict = connect();
    const permissions = { contents: "read", telepathy: "read" } as Permissions;
    await expect(
      strict.scopeToken({ accessToken: token, target: "octo-org", permissions }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    const lenient = connect({ allowUnknownPermissions: true });
    const error = await lenient
      .scopeToken({ accessToken: token, target: "octo-org", permissions })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([
      expect.objectContaining({ field: "permissions", message: "unknown permission 'telepathy'" }),
    ]);
    // Only the lenient client's request reached the server, and it minted nothing.
    const scopeRequests = (await admin.requests()).filter((entry) => entry.path.endsWith("/token/scoped"));
    expect(scopeRequests).toHaveLength(1);
    expect((await admin.liveTokens(clientId)).filter((row) => row.scoped)).toEqual([]);
    await Promise.all([strict.close(), lenient.close()]);
  });

  it("a name newer GHES releases have goes out to an older server, which refuses it", async () => {
    const { token, connect } = await emulatorWorld("ghes-3.17");
    const client = connect();
    const error = await client
      .scopeToken({
        accessToken: token,
        target: "octo-org",
        permissions: { enterprise_organization_installations: "read" },
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const granted = await client.scopeToken({
      accessToken: token,
      target: "octo-org",
      permissions: { secrets: "write", environments: "write" },
    });
    expect(granted.installation.permissions).toEqual({ secrets: "write", environments: "write" });
    await client.close();
  });
});
