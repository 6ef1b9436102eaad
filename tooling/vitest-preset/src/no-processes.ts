// Setup file of the unit project: a unit test that listens, connects or starts a process fails at once,
// naming what it did and where such a test belongs. Restored after the file.
import { createRequire, syncBuiltinESMExports } from "node:module";
import net from "node:net";
import { afterAll } from "vitest";

const childProcess = createRequire(import.meta.url)("node:child_process") as Record<string, unknown>;
const refused = (what: string) => () => {
  throw new Error(
    `a unit test (*.unit.test.ts) called ${what}: unit tests run without servers, sockets or child processes. ` +
      "Rename the file to *.test.ts to run it with the integration tests.",
  );
};

const originals: [object, string, unknown][] = [];
function refuse(target: object, key: string, what: string) {
  originals.push([target, key, (target as Record<string, unknown>)[key]]);
  (target as Record<string, unknown>)[key] = refused(what);
}

refuse(net.Server.prototype, "listen", "net.Server.listen");
refuse(net.Socket.prototype, "connect", "net.Socket.connect");
for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"]) {
  refuse(childProcess, name, `child_process.${name}`);
}
syncBuiltinESMExports();

afterAll(() => {
  for (const [target, key, original] of originals) (target as Record<string, unknown>)[key] = original;
  syncBuiltinESMExports();
});
