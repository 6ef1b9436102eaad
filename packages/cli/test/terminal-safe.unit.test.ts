import { describe, expect, it } from "vitest";
import { terminalSafe } from "../dist/terminal/terminal-safe.js";

describe("terminalSafe", () => {
  it("escapes C0, DEL, C1 and bidi controls, and keeps printable text (Unicode included)", () => {
    expect(terminalSafe("\u001b]0;title\u0007")).toBe("\\x1b]0;title\\x07");
    expect(terminalSafe("a\r\nb\tc\u007f\u009b31m")).toBe("a\\x0d\\x0ab\\x09c\\x7f\\x9b31m");
    expect(terminalSafe("\u202egnp.exe\u2066\u2069\u200f")).toBe("\\u202egnp.exe\\u2066\\u2069\\u200f");
    expect(terminalSafe("octocat · Zoë — 東京 🙂")).toBe("octocat · Zoë — 東京 🙂");
  });
});
