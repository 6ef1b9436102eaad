import { randomBytes } from "node:crypto";

const processPart = randomBytes(4).toString("hex").toUpperCase();
let sequence = 0;

function hex(value: number, width: number): string {
  return value.toString(16).toUpperCase().padStart(width, "0");
}

/** A GitHub-like `x-github-request-id`, e.g. `C0DE:1A2B:3C4D5E:6F7A8B:65A1B2C3`: unique per process run. */
export function newRequestId(): string {
  sequence = (sequence + 1) % 0x1000000;
  const seconds = Math.floor(Date.now() / 1000);
  return `${processPart.slice(0, 4)}:${processPart.slice(4)}:${hex(sequence, 6)}:${hex(process.pid & 0xffffff, 6)}:${hex(seconds, 8)}`;
}
