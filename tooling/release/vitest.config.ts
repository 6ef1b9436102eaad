import { packageTestConfig } from "@ghes-oauth/vitest-preset";

export default packageTestConfig();
