import { describe, expect, it } from "vitest";
import { PathGlob, pathGlobProblem } from "../src/faults/path-glob.js";

describe("PathGlob", () => {
  it("matches whole paths: `*` within a segment, `**` across segments, the rest literally", () => {
    const cases: [string, string, boolean][] = [
      ["/api/v3/applications/*/token", "/api/v3/applications/Iv1.ab/token", true],
      ["/api/v3/applications/*/token", "/api/v3/applications/Iv1.ab/token/scoped", false],
      ["/api/v3/applications/*/token", "/api/v3/applications/a/b/token", false],
      ["/api/v3/applications/*/token", "/api/v3/applications//token", true],
      ["**/token", "/applications/Iv1.ab/token", true],
      ["**/token", "/applications/Iv1.ab/tokens", false],
      ["**/token*", "/applications/Iv1.ab/tokens", true],
      ["/**", "/", true],
      ["/**", "/anything/at/all", true],
      ["*", "/x", false],
      ["**", "", true],
      ["/a.b", "/a.b", true],
      ["/a.b", "/axb", false],
      ["/*.json", "/x.json", true],
      ["/*x*y*z", "/xyz", true],
      ["/*x*y*z", "/xzy", false],
      ["/é*", "/été", true],
    ];
    for (const [glob, path, expected] of cases) {
      expect(new PathGlob(glob).matches(path), `${glob} ~ ${path}`).toBe(expected);
    }
  });

  it("matches the nested-quantifier shape in one pass over a long path", () => {
    const glob = new PathGlob(`/${"**a".repeat(60)}**b`);
    expect(glob.matches(`/${"a".repeat(20_000)}`)).toBe(false);
    expect(glob.matches(`/${"a".repeat(20_000)}b`)).toBe(true);
    expect(glob.matches(`/${"a".repeat(59)}b`)).toBe(false);
    expect(glob.matches(`/${"a".repeat(60)}b`)).toBe(true);
  });

  it("names what is wrong with a pattern that is not a glob", () => {
    expect(pathGlobProblem("^/(a+)+b$")).toMatch(/not a regular expression/);
    expect(pathGlobProblem("/token$")).toMatch(/\*\*\/token/);
    expect(pathGlobProblem("***")).toMatch(/\*\*\*/);
    expect(pathGlobProblem("token")).toMatch(/start with/);
    expect(pathGlobProblem("/api/v3/applications/*/token")).toBeUndefined();
    expect(() => new PathGlob("(a+)+")).toThrow(/invalid path glob/);
  });
});
