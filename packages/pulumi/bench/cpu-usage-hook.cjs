// Loaded with `node --require` (NODE_OPTIONS) into the dynamic-provider host by the lifecycle benchmark:
// keeps BENCH_CPU_USAGE_DIR/<pid>.cpu up to date with the process's CPU time (µs), so the benchmark can
// tell the provider host's share from the engine's. The engine ends the host with a signal, so the
// figure is written every half second and on SIGINT/SIGTERM, not only at exit.
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");

const dir = process.env.BENCH_CPU_USAGE_DIR;
if (dir) {
  const file = join(dir, `${process.pid}.cpu`);
  const record = () => {
    const usage = process.cpuUsage();
    writeFileSync(file, String(usage.user + usage.system));
  };
  setInterval(record, 500).unref();
  process.once("exit", record);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      record();
      process.exit(130);
    });
  }
}
