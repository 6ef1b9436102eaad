// How the cost of a new device code grows with the codes already held: `pnpm --filter
// @ghes-oauth/emulator bench:device-codes`. Prints the time per new code with 1k and 20k codes held,
// their ratio (1 means flat; the linear scan of old made it ~20) and the memory the codes take.
import { createClock } from "../src/clock.js";
import { DeviceAuthorizations } from "../src/oauth/device-authorizations.js";

const SAMPLES = 5_000;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Fills a fresh store with `held` codes (spread over apps, as a flood from many apps would be), then times SAMPLES more. */
function measure(held: number): { usPerCode: number; bytesPerCode: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const devices = new DeviceAuthorizations(
    createClock(0, () => {}),
    Number.POSITIVE_INFINITY,
  );
  for (let index = 0; index < held; index++) devices.start(index % 1_000);
  gc();
  const bytesPerCode = (process.memoryUsage().heapUsed - before) / held;
  const started = process.hrtime.bigint();
  for (let index = 0; index < SAMPLES; index++) devices.start(index % 1_000);
  const usPerCode = Number(process.hrtime.bigint() - started) / 1_000 / SAMPLES;
  return { usPerCode, bytesPerCode };
}

const ROUNDS = 5;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
measure(20_000); // warm-up: the JIT, and the heap grown once
const rounds = Array.from({ length: ROUNDS }, (_, round) =>
  // Alternating the order so neither size always runs on a heap the other left behind.
  round % 2 === 0 ? [measure(1_000), measure(20_000)] : [measure(20_000), measure(1_000)].reverse(),
);
const summary = (index: 0 | 1) => ({
  usPerCode: median(rounds.map((pair) => (pair[index] as { usPerCode: number }).usPerCode)),
  bytesPerCode: median(rounds.map((pair) => (pair[index] as { bytesPerCode: number }).bytesPerCode)),
});
const small = summary(0);
const large = summary(1);
const format = (value: number) => value.toFixed(1);
console.log(
  `new device code with  1k held: ${format(small.usPerCode)} µs (${format(small.bytesPerCode)} B heap per code held)`,
);
console.log(
  `new device code with 20k held: ${format(large.usPerCode)} µs (${format(large.bytesPerCode)} B heap per code held)`,
);
console.log(
  `ratio 20k/1k: ${(large.usPerCode / small.usPerCode).toFixed(2)} (1 = flat; the machine may be loaded: compare ratios)`,
);
