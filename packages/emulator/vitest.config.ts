import { packageTestConfig } from "@ghes-oauth/vitest-preset";

// The CLI and persistence tests spawn the real bin (dist/): Turborepo builds the package before `test`.
export default packageTestConfig();
