import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "../src/api-routes.js";
import { OAUTH_GRANTS } from "../src/oauth-grants.js";

// What an editor shows a user of the published package: the TypeScript language service over a file
// that imports the built declarations (dist/*.d.ts) and calls every method and standalone function.
const probeFile = join(import.meta.dirname, "deprecation-probe.ts");
const names = [...Object.keys(API_ROUTES), ...Object.keys(OAUTH_GRANTS)];
const probe = [
  `import * as standalone from "@ghes-oauth/client";`,
  `declare const client: standalone.OAuthAppClient;`,
  ...names.flatMap((name) => [`client.${name};`, `standalone.${name};`]),
].join("\n");

const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
};
const service = ts.createLanguageService(
  {
    getScriptFileNames: () => [probeFile],
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) => {
      const text = file === probeFile ? probe : ts.sys.readFile(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => import.meta.dirname,
    getCompilationSettings: () => options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (file) => file === probeFile || ts.sys.fileExists(file),
    readFile: (file) => (file === probeFile ? probe : ts.sys.readFile(file)),
  },
  ts.createDocumentRegistry(),
);

/** The deprecation an editor shows at `expression` of the probe (e.g. `client.revokeGrant`), if any. */
function deprecationAt(expression: string): string | undefined {
  const start = probe.indexOf(`\n${expression};`) + 1;
  const nameStart = start + expression.lastIndexOf(".") + 1;
  const flagged = service
    .getSuggestionDiagnostics(probeFile)
    .some((diagnostic) => diagnostic.code === 6385 && diagnostic.start === nameStart);
  const tag = service
    .getQuickInfoAtPosition(probeFile, nameStart)
    ?.tags?.find((t) => t.name === "deprecated");
  if (!flagged) return undefined;
  return ts.displayPartsToString(tag?.text);
}

describe("deprecation marks in the published declarations", () => {
  it("type-checks a call of every operation", () => {
    expect(service.getSemanticDiagnostics(probeFile).map((d) => d.messageText)).toEqual([]);
  });

  const routes = Object.entries({ ...API_ROUTES, ...OAUTH_GRANTS }) as [
    string,
    { deprecated?: { replacement: string } },
  ][];
  it("marks the four path-style endpoints deprecated", () => {
    expect(routes.filter(([, route]) => route.deprecated).map(([name]) => name)).toEqual([
      "checkAuthorization",
      "resetAuthorization",
      "revokeAuthorization",
      "revokeGrant",
    ]);
  });

  for (const [name, route] of routes) {
    const replacement = route.deprecated?.replacement;
    const expected =
      replacement &&
      `GitHub is discontinuing the endpoints with the token in the path; use \`${replacement}\`.`;
    it(`${name}: ${replacement ? `deprecated for ${replacement}` : "not deprecated"}, as method and function`, () => {
      expect(deprecationAt(`client.${name}`)).toBe(expected);
      expect(deprecationAt(`standalone.${name}`)).toBe(expected);
    });
  }
});
