import { afterEach, describe, expect, it } from "vitest";
import { InvalidInputError, OAuthAppClient, type ScopeTokenInput } from "../src/index.js";
import { PERMISSION_CATALOGUE, PERMISSION_NAMES } from "../src/schemas/index.js";
import { RefusingDispatcher } from "./support/refusing-dispatcher.js";

const TOKEN = "ghu_InputValidationToken0123456789abcd";
let dispatcher: RefusingDispatcher;
let client: OAuthAppClient;

function setup() {
  dispatcher = new RefusingDispatcher();
  client = new OAuthAppClient({
    baseUrl: "https://github.example.com",
    clientId: "Iv1.input",
    clientSecret: "input-secret",
    dispatcher,
  });
}
setup();
afterEach(setup);

async function inputError(promise: Promise<unknown>): Promise<InvalidInputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  expect(dispatcher.calls).toBe(0);
  expect(String(error)).not.toContain(TOKEN);
  return error as InvalidInputError;
}

function paths(error: InvalidInputError): string[] {
  return error.issues.map((issue) => issue.path);
}

describe("scopeToken input", () => {
  const base: ScopeTokenInput = { accessToken: TOKEN, target: "octo-org" };

  it("requires target or targetId", async () => {
    const error = await inputError(client.scopeToken({ accessToken: TOKEN }));
    expect(paths(error)).toEqual(["target"]);
    expect(error.message).toMatch(/target.*targetId/);
  });

  it("rejects target with targetId", async () => {
    const error = await inputError(client.scopeToken({ ...base, targetId: 1 }));
    expect(error.issues[0]?.message).toContain("not both");
  });

  it("rejects repositories with repositoryIds", async () => {
    const error = await inputError(client.scopeToken({ ...base, repositories: ["a"], repositoryIds: [1] }));
    expect(paths(error)).toEqual(["repositories"]);
  });

  it("reports every mistake at once, the pair rules included", async () => {
    const error = await inputError(
      client.scopeToken({
        ...base,
        targetId: 1,
        repositories: ["a"],
        repositoryIds: [1],
        permissions: { contents: "admin" } as never,
      }),
    );
    expect(paths(error)).toEqual(expect.arrayContaining(["target", "repositories", "permissions.contents"]));
  });

  it.each([
    [{ ...base, accessToken: "" }, "accessToken"],
    [{ ...base, accessToken: ` ${TOKEN}\n` }, "accessToken"],
    [{ ...base, accessToken: 42 as unknown as string }, "accessToken"],
    [{ ...base, target: "" }, "target"],
    [{ accessToken: TOKEN, targetId: -1 }, "targetId"],
    [{ accessToken: TOKEN, targetId: 1.5 }, "targetId"],
    [{ ...base, repositories: [""] }, "repositories.0"],
    [{ ...base, repositoryIds: ["1" as unknown as number] }, "repositoryIds.0"],
  ])("rejects a bad field (%#)", async (input, path) => {
    const error = await inputError(client.scopeToken(input));
    expect(paths(error)).toContain(path);
  });

  it("rejects an unknown permission name, listing the known ones", async () => {
    const error = await inputError(
      client.scopeToken({
        ...base,
        permissions: { isues: "write" } as unknown as ScopeTokenInput["permissions"],
      }),
    );
    expect(paths(error)).toEqual(["permissions.isues"]);
    expect(error.message).toContain("issues");
  });

  it.each([
    ["issues", "admin"],
    ["workflows", "read"],
    ["organization_plan", "write"],
    ["contents", "none"],
  ])("rejects %s: %s", async (name, level) => {
    const error = await inputError(
      client.scopeToken({ ...base, permissions: { [name]: level } as ScopeTokenInput["permissions"] }),
    );
    expect(paths(error)).toEqual([`permissions.${name}`]);
  });

  it("rejects a scope input that is not an object", async () => {
    await inputError(client.scopeToken(undefined as unknown as ScopeTokenInput));
  });
});

describe("token arguments", () => {
  const methods = [
    "checkToken",
    "resetToken",
    "deleteToken",
    "deleteAuthorization",
    "checkAuthorization",
    "resetAuthorization",
    "revokeAuthorization",
    "revokeGrant",
  ] as const;

  it.each(methods)("%s rejects empty, blank and non-string tokens before any request", async (method) => {
    for (const bad of ["", "  ", `${TOKEN} `, undefined, null, 7]) {
      const error = await inputError((client[method] as (token: unknown) => Promise<unknown>)(bad));
      expect(paths(error)).toEqual(["accessToken"]);
    }
  });
});

describe("permission catalogue", () => {
  it("is the union of GitHub's descriptions: 59 names, each with its own levels", () => {
    expect(PERMISSION_NAMES).toHaveLength(59);
    expect(PERMISSION_CATALOGUE.workflows).toEqual(["write"]);
    expect(PERMISSION_CATALOGUE.organization_plan).toEqual(["read"]);
    expect(PERMISSION_CATALOGUE.profile).toEqual(["write"]);
    const withAdmin = PERMISSION_NAMES.filter((name) =>
      (PERMISSION_CATALOGUE[name] as readonly string[]).includes("admin"),
    );
    expect(withAdmin).toEqual([
      "enterprise_custom_properties_for_organizations",
      "organization_custom_properties",
      "organization_projects",
      "repository_projects",
    ]);
  });

  it("no longer has the 2022 names current descriptions dropped", () => {
    expect(PERMISSION_NAMES).not.toContain("team_discussions");
    expect(PERMISSION_NAMES).not.toContain("content_references");
  });
});
