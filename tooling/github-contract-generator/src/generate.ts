import { writeFileSync } from "node:fs";
import { CONTRACT_MODULE_PATH, generateContractModule } from "./contract-module.ts";

writeFileSync(CONTRACT_MODULE_PATH, generateContractModule());
process.stdout.write(`wrote ${CONTRACT_MODULE_PATH}\n`);
