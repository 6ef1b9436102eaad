import { sampleProgram } from "./sample-program.js";

// The Pulumi CLI runs the default export of `main` (see Pulumi.yaml) and exports what it returns.
export default async () => sampleProgram();
