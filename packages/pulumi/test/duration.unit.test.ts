import { describe, expect, it } from "vitest";
import { parseDurationSeconds, renewBeforeSeconds } from "../dist/runtime/shared/duration.js";

describe("renewBefore durations", () => {
  it.each([
    ["90m", 5400],
    ["2h", 7200],
    ["1h30m", 5400],
    ["45s", 45],
    ["1h0m30s", 3630],
    ["0m", 0],
    [3600, 3600],
    [0, 0],
    ["3600", 3600],
    [" 2h ", 7200],
  ])("%j is %d seconds", (value, seconds) => {
    expect(parseDurationSeconds(value)).toBe(seconds);
  });

  it.each(["", "h", "1d", "30m1h", "1.5h", "-1h", "1 h", "soon", -5, 1.5, Number.NaN, null, true, {}])(
    "%j is refused",
    (value) => {
      expect(parseDurationSeconds(value)).toBeUndefined();
    },
  );

  it('defaults to "1h"', () => {
    expect(renewBeforeSeconds(undefined)).toBe(3600);
  });

  it("a bad one names renewBefore and the accepted forms", () => {
    expect(() => renewBeforeSeconds("1d")).toThrow(
      /renewBefore: must be a duration such as "90m", "2h", "1h30m"/,
    );
  });
});
