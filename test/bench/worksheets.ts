/**
 * WORKSHEET CASES — the generated worksheets. Each case returns one record for results.json
 * (`name`, `n`, timings, and its own figures); each runs in a child process:
 *   - "500 plan sheets headless: build + write xlsx": the key account plan builder
 *     (src/sheets/account-plan.ts) and the xlsx renderer (src/render/xlsx), in worksheet-child.ts
 *     so that its peak memory is its own.
 *   - "Office.js renderer into the recording fake: contribution sheet" at 1,000, 10,000 and
 *     100,000 customers (RENDERER_CASE, RENDERER_SIZES): the 80/20 contribution sheet (portfolio
 *     and sheet model, src/sheets/contribution.ts) rendered by the Office.js renderer
 *     (src/render/office) into the recording fake (test/support/fake-excel.ts), in
 *     renderer-child.ts; with the syncs per sheet and the largest request, which run.ts holds
 *     against its targets.
 * Bundle sizes (dist/*.js raw and gzipped, "not built" without dist/) are measured in run.ts
 * through bundles.ts.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import type { RendererRun } from "./renderer-child";
import { formatN, log, stats } from "./harness";

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

/** Runs a child script of this folder; returns the JSON of its last output line (the caller knows its shape). */
function child(script: string, args: string[]): unknown {
  const out = execFileSync(process.execPath, ["--expose-gc", path.join(__dirname, script), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as unknown;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function worksheetCases(quick: boolean): WorksheetCase[] {
  return [planSheetsCase(quick), ...rendererCases(quick)];
}

function planSheetsCase(quick: boolean): WorksheetCase {
  const count = 500;
  log(`Worksheets: ${count} plan sheets headless (child process)`);
  const runs: PlanRun[] = [];
  for (let r = 0; r < (quick ? 1 : 3); r++) runs.push(child("worksheet-child.js", ["plans", String(count)]) as PlanRun);
  const total = stats(runs.map((r) => r.totalMs));
  const median = (k: keyof PlanRun) => r1(stats(runs.map((r) => r[k])).medianMs);
  return {
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
    notes:
      "portfolio from a seeded 60,000-line sample; each run a fresh child process (time includes neither start-up nor sample generation)",
  };
}

export const RENDERER_CASE = "Office.js renderer into the recording fake: contribution sheet";
export const RENDERER_SIZES = [1_000, 10_000, 100_000];

function rendererCases(quick: boolean): WorksheetCase[] {
  log(`Worksheets: ${RENDERER_CASE}, ${RENDERER_SIZES.map(formatN).join(", ")} customers (a child process per size)`);
  return RENDERER_SIZES.map((n) => {
    const [warmup, runs] = n >= 100_000 ? (quick ? [1, 1] : [2, 5]) : n >= 10_000 ? (quick ? [1, 3] : [3, 11]) : quick ? [3, 10] : [5, 21];
    const r = child("renderer-child.js", [String(n), String(warmup), String(runs)]) as RendererRun;
    const total = stats(r.totalMs);
    const median = (xs: number[]) => r1(stats(xs).medianMs);
    log(
      `  ${formatN(n)} customers: ${r.syncsPerSheet} sync(s) for the sheet (+${r.setupSyncs} setup) carrying ${formatN(r.sheetBytes)} B, largest request ${formatN(r.largestRequestBytes)} B, ${formatN(r.cells)} cells`,
    );
    return {
      name: RENDERER_CASE,
      group: "sheets",
      path: "worksheet",
      n,
      medianMs: r1(total.medianMs),
      minMs: r1(total.minMs),
      maxMs: r1(total.maxMs),
      runs: r.totalMs.length,
      syncsPerSheet: r.syncsPerSheet,
      sheetBytes: r.sheetBytes,
      setupSyncs: r.setupSyncs,
      largestRequestBytes: r.largestRequestBytes,
      requests: r.requests,
      cells: r.cells,
      tableRows: r.tableRows,
      salesLines: r.salesLines,
      portfolioMs: median(r.portfolioMs),
      buildMs: median(r.buildMs),
      renderMs: median(r.renderMs),
      peakRssMb: r1(r.peakRssMb),
      notes:
        `time = building the contribution sheet model from a seeded ${formatN(r.salesLines)}-line sales sample of ${formatN(n)} customers ` +
        "(portfolio + sheet builder) + rendering it into a fresh recording fake of the Excel API (the fake's own bookkeeping included); " +
        `${warmup} warm-up run(s) in a child process, the first checked cell by cell; sample generation not timed`,
    };
  });
}
