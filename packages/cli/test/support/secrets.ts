import { expect } from "vitest";

/** Fails when any of the values (tokens, client secrets) occurs in any of the texts. */
export function expectNoSecrets(texts: readonly string[], secrets: readonly string[]): void {
  const leaks: string[] = [];
  for (const secret of secrets) {
    if (texts.some((text) => text.includes(secret))) leaks.push(`…${secret.slice(-4)}`);
  }
  expect(leaks, "secret values found in the output").toEqual([]);
}
