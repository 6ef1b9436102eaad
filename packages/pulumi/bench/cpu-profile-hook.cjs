// Loaded with `node --require` (NODE_OPTIONS) by the lifecycle benchmark's BENCH_PROFILE mode, in the
// program's process and in the dynamic-provider host the engine starts. The engine ends that host with
// a signal, which --cpu-prof does not survive, so the profile is written in chunks every few seconds
// and on SIGINT/SIGTERM: BENCH_CPU_PROFILE_DIR/<pid>-<chunk>.cpuprofile.
const { Session } = require("node:inspector");
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  let chunk = 0;
  const flush = (restart) => {
    session.post("Profiler.stop", (error, result) => {
      if (!error)
        writeFileSync(join(dir, `${process.pid}-${chunk++}.cpuprofile`), JSON.stringify(result.profile));
      if (restart) session.post("Profiler.start");
    });
  };
  setInterval(() => flush(true), 3000).unref();
  process.once("exit", () => flush(false));
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      flush(false);
      process.exit(130);
    });
  }
}
