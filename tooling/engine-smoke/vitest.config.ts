import { packageTestConfig } from "../vitest.preset.ts";

export default packageTestConfig({ test: { testTimeout: 180_000, hookTimeout: 180_000 } });
