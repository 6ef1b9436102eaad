import { readFileSync } from "node:fs";
import { CONTRACT_MODULE_PATH, generateContractModule } from "@ghes-oauth/github-contract-generator";
import { describe, expect, it } from "vitest";

describe("the committed contract module", () => {
  it("is what the generator makes from the installed @octokit/openapi", () => {
    const committed = readFileSync(CONTRACT_MODULE_PATH, "utf8");
    // On failure: pnpm --filter @ghes-oauth/github-contract-generator generate, then review and commit.
    expect(committed, "src/generated/contract.ts is stale").toBe(generateContractModule());
  });
});
