/**
 * WORKSHEET CASES — the hook for the generated worksheets. Each case returns one record for
 * results.json (`name`, `n`, timings, memory). Implemented:
 *   - "500 plan sheets headless: build + write xlsx": the key account plan builder
 *     (src/sheets/account-plan.ts) and the xlsx renderer (src/render/xlsx), each run in a child
 *     process (worksheet-child.ts) so its peak memory is its own.
 * To add here when wanted (their code exists: src/render/office, test/support/fake-excel.ts):
 *   - "Office.js renderer against the recording fake at 1k/10k/100k rows".
 * Bundle sizes (dist/*.js raw and gzipped, "not built" without dist/) are measured in run.ts
 * through bundles.ts.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { stats } from "./harness";

export type WorksheetCase = Record<string, unknown> & { name: string };

interface PlanRun {
  sheets: number;
  lines: number;
  portfolioMs: number;
  buildMs: number;
  writeMs: number;
  totalMs: number;
  xlsxBytes: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

function child(args: string[]): PlanRun {
  const out = execFileSync(process.execPath, ["--expose-gc", path.join(__dirname, "worksheet-child.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as PlanRun;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export async function worksheetCases(quick: boolean): Promise<WorksheetCase[]> {
  const count = 500;
  const runs: PlanRun[] = [];
  for (let r = 0; r < (quick ? 1 : 3); r++) runs.push(child(["plans", String(count)]));
  const total = stats(runs.map((r) => r.totalMs));
  const median = (k: keyof PlanRun) => r1(stats(runs.map((r) => r[k])).medianMs);
  return [
    {
      name: "500 plan sheets headless: build + write xlsx",
      group: "sheets",
      path: "worksheet",
      n: count,
      medianMs: r1(total.medianMs),
      minMs: r1(total.minMs),
      maxMs: r1(total.maxMs),
      runs: runs.length,
      portfolioMs: median("portfolioMs"),
      buildMs: median("buildMs"),
      writeMs: median("writeMs"),
      xlsxBytes: runs[0].xlsxBytes,
      salesLines: runs[0].lines,
      peakRssMb: r1(Math.max(...runs.map((r) => r.peakRssMb))),
      notes: "portfolio from a seeded 60,000-line sample; each run a fresh child process (time includes neither start-up nor sample generation)",
    },
  ];
}
