/**
 * Peak memory of one case, isolated in its own process (run by run.ts, not by hand):
 *   node --expose-gc memory-child.js <case> <input.json>
 * The input is read the way the custom-functions runtime gets it (JSON text parsed into
 * N×1 arrays); then the entry point runs three times. Prints one JSON line: resident set
 * size before the calls and its peak over the process (what the operating system had to
 * give), and the JS heap before and right after a call.
 */
import * as fs from "fs";
import type { Range } from "./data";
import { pareto, tier } from "./ours";

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function main(): void {
  const [which, file] = process.argv.slice(2);
  const input = JSON.parse(fs.readFileSync(file, "utf8")) as { values: Range; customers?: Range };
  gc();
  gc();
  const before = process.memoryUsage();
  const maxRssBeforeMb = process.resourceUsage().maxRSS / 1024;
  const times: number[] = [];
  let heapAfterMb = 0;
  let rows = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const out = which === "tier" ? tier(input.values) : pareto(input.customers ?? [], input.values);
    times.push(performance.now() - t0);
    heapAfterMb = Math.max(heapAfterMb, process.memoryUsage().heapUsed / MB);
    rows = out.length;
    gc();
  }
  const report = {
    case: which,
    rows,
    rssBeforeMb: before.rss / MB,
    heapBeforeMb: before.heapUsed / MB,
    maxRssBeforeCallsMb: maxRssBeforeMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapAfterCallMb: heapAfterMb,
    callMs: times,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
