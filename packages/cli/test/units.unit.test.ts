import { describe, expect, it, vi } from "vitest";
import { classifyText, fingerprint } from "../dist/index.js";
import { RateLimitGate } from "../dist/revoke/rate-limit-gate.js";
import { ProgressBar } from "../dist/terminal/progress-bar.js";

describe("classifyText", () => {
  it("numbers lines from 1, skips blanks and # comments, trims, and never quotes a malformed line", () => {
    const token = `ghu_${"a".repeat(36)}`;
    const lines = classifyText(
      `# header\n\n  ${token}\r\nghu_ab cd\nghu_short\n${"x".repeat(1025)}\n"quoted",\n`,
    );
    expect(lines).toEqual([
      { line: 3, kind: "token", token, fingerprint: fingerprint(token) },
      { line: 4, kind: "malformed", reason: "contains whitespace; put one token per line" },
      { line: 5, kind: "malformed", reason: "too short for a GitHub token (9 characters)" },
      { line: 6, kind: "malformed", reason: "too long for a GitHub token (1025 characters)" },
      {
        line: 7,
        kind: "malformed",
        reason: "contains characters a GitHub token never has (only letters, digits, _, - and .)",
      },
    ]);
  });
});

describe("ProgressBar", () => {
  it("shows done/total, percent, rate and ETA from the clock", () => {
    let now = 0;
    let drawn = "";
    const output = { write: (text: string) => (drawn = text) } as unknown as NodeJS.WriteStream;
    const bar = new ProgressBar(output, 200, "revoking", () => now);
    expect(drawn).toContain("revoking [------------------------------] 0/200 0%  0.0/s  ETA --");
    for (let index = 0; index < 50; index++) {
      now += 20;
      bar.tick();
    }
    // 50 done in 1 s: 50/s, 150 left: ETA 3s.
    expect(drawn).toContain("[########----------------------] 50/200 25%  50.0/s  ETA 3s");
  });
});

describe("RateLimitGate", () => {
  it("holds every waiter until the latest pause has passed", async () => {
    vi.useFakeTimers();
    try {
      const gate = new RateLimitGate();
      gate.pause(2);
      gate.pause(1);
      let released = false;
      const waiting = gate.wait().then(() => {
        released = true;
      });
      await vi.advanceTimersByTimeAsync(1_999);
      expect(released).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(released).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
