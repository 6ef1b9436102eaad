import { packageTestConfig } from "@ghes-oauth/vitest-preset";

export default packageTestConfig({ test: { testTimeout: 180_000, hookTimeout: 180_000 } });
