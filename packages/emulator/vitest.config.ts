import { packageTestConfig } from "../../tooling/vitest.preset.ts";

// The CLI tests spawn the real bin, so dist/ is compiled once before they run.
export default packageTestConfig({ test: { globalSetup: ["test/support/build-once.ts"] } });
