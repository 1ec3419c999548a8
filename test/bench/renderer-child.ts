/// <reference types="office-js" />
// (the renderer names the Excel types, which tsconfig.bench.json does not load)
/**
 * The Office.js renderer case in its own process (run by worksheets.ts, not by hand):
 *   node --expose-gc renderer-child.js <customers> <warm-up runs> <timed runs>
 * A seeded sales sample of <customers> customers (generated untimed, read as the task pane reads
 * the columns it maps); each run builds the 80/20 contribution sheet from it (portfolio, then the
 * sheet model: src/engine/portfolio, src/sheets/contribution) and renders it into a fresh
 * recording fake of the Excel API (src/render/office into test/support/fake-excel), timed. The
 * first run is checked: every cell of the model is in the fake as written, every request after
 * the setup opens with the calculation suspension. Prints one JSON line.
 *
 * Its own process because at 100,000 rows a run makes a million-cell fake workbook and a
 * portfolio of that size: in the benchmark's process the collections they cause would also mark
 * whatever the groups run before had left (1M-row inputs), so the times would depend on --only.
 */
import { performance } from "perf_hooks";
import { buildPortfolio } from "../../src/engine/portfolio";
import { tierSpecOf } from "../../src/engine/tiers";
import { generateSalesSample, SAMPLE_COLUMNS, SalesRow } from "../../src/sample";
import { buildContributionSheet } from "../../src/sheets/contribution";
import { FakeExcel } from "../support/fake-excel";
import { checkSheetMatches, maxBytes, render } from "../support/office-render";
import { collectGarbage } from "./harness";

export interface RendererRun {
  customers: number;
  salesLines: number;
  /** Data rows of the contribution table (customers with a value ≥ 0). */
  tableRows: number;
  /** Cells the fake holds after the render. */
  cells: number;
  /** Syncs before the first sheet's (loading the names already taken). */
  setupSyncs: number;
  syncsPerSheet: number;
  /** All the sheet's requests together: more than one request's budget takes more than one sync. */
  sheetBytes: number;
  requests: number;
  largestRequestBytes: number;
  /** Per timed run. */
  totalMs: number[];
  portfolioMs: number[];
  buildMs: number[];
  renderMs: number[];
  peakRssMb: number;
}

const LOCALE = "en";

async function renderer(customers: number, warmup: number, runs: number): Promise<RendererRun> {
  const rows = generateSalesSample({ customers, lines: 5 * customers, seed: 11, locale: LOCALE });
  const col = (key: keyof SalesRow) => ({
    name: SAMPLE_COLUMNS.find((c) => c.key === key)![LOCALE],
    cells: rows.map((r) => r[key] as unknown),
  });
  // The columns the contribution sheet shows: customer, the measure, profit and effort.
  const columns = { customer: col("customer"), measure: col("revenue"), profit: col("profit"), effort: col("salesHours") };
  const columnNames = {
    customer: columns.customer.name,
    revenue: columns.measure.name,
    profit: columns.profit.name,
    effort: columns.effort.name,
  };
  const spec = tierSpecOf(undefined, undefined, undefined, LOCALE);

  const once = async () => {
    const fake = new FakeExcel();
    collectGarbage(20);
    const t0 = performance.now();
    const portfolio = buildPortfolio(columns, spec);
    const t1 = performance.now();
    const model = buildContributionSheet(portfolio, { locale: LOCALE, generated: "2026-01-15", columnNames });
    const t2 = performance.now();
    const result = await render(fake, [model]);
    const t3 = performance.now();
    return { fake, model, sheetName: result.created[0].name, ms: [t3 - t0, t1 - t0, t2 - t1, t3 - t2] };
  };

  // The first run, checked; its fake is dropped before the timed runs (figures only kept).
  const figures = await (async () => {
    const { fake, model, sheetName } = await once();
    checkSheetMatches(fake, sheetName, model);
    const setupSyncs = fake.requests.findIndex((r) => r.suspendAt >= 0);
    if (setupSyncs < 0 || fake.requests.slice(setupSyncs).some((r) => r.suspendAt < 0))
      throw new Error("a request of the sheet does not suspend calculation: the setup syncs cannot be told apart");
    const table = model.tables?.[0];
    return {
      customers,
      salesLines: rows.length,
      tableRows: table ? table.range.rows - 1 : 0,
      cells: fake.sheet(sheetName).cells.size,
      setupSyncs,
      syncsPerSheet: fake.syncs - setupSyncs,
      sheetBytes: fake.requests.slice(setupSyncs).reduce((a, r) => a + r.bytes, 0),
      requests: fake.syncs,
      largestRequestBytes: maxBytes(fake),
    };
  })();

  // The first run was the first warm-up.
  for (let w = 1; w < warmup; w++) await once();
  const ms: number[][] = [[], [], [], []];
  for (let r = 0; r < runs; r++) (await once()).ms.forEach((x, k) => ms[k].push(x));
  return {
    ...figures,
    totalMs: ms[0],
    portfolioMs: ms[1],
    buildMs: ms[2],
    renderMs: ms[3],
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function main(): Promise<void> {
  const [customers, warmup, runs] = process.argv.slice(2).map(Number);
  if (!(customers > 0 && warmup >= 1 && runs >= 1))
    throw new Error("usage: renderer-child.js <customers> <warm-up runs ≥ 1> <timed runs ≥ 1>");
  process.stdout.write(`${JSON.stringify(await renderer(customers, warmup, runs))}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
