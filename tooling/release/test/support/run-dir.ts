// Global setup: one temporary directory for the whole test run, which the test files share through
// `inject("releaseRunDir")` (what is built once per run lives there, see shared-artifacts.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    releaseRunDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "ghes-oauth-release-run-"));
  project.provide("releaseRunDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
