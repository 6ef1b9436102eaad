import { describe, expect, it } from "vitest";
import { operationTimeoutMs, withDeadline } from "../dist/runtime/shared/operation-deadline.js";

describe("provider operation deadline", () => {
  it("defaults to 5 minutes; GHES_OAUTH_OPERATION_TIMEOUT takes a duration or seconds; nonsense keeps the default", () => {
    expect(operationTimeoutMs({})).toBe(300_000);
    expect(operationTimeoutMs({ GHES_OAUTH_OPERATION_TIMEOUT: "10m" })).toBe(600_000);
    expect(operationTimeoutMs({ GHES_OAUTH_OPERATION_TIMEOUT: "45" })).toBe(45_000);
    expect(operationTimeoutMs({ GHES_OAUTH_OPERATION_TIMEOUT: "soon" })).toBe(300_000);
    expect(operationTimeoutMs({ GHES_OAUTH_OPERATION_TIMEOUT: "0" })).toBe(300_000);
  });

  it("passes results and errors through untouched when in time", async () => {
    await expect(withDeadline("op", async (value: number) => value * 2)(21)).resolves.toBe(42);
    const failing = withDeadline("op", async () => {
      throw new Error("boom");
    });
    await expect(failing()).rejects.toThrow("boom");
  });
});
