/**
 * One worksheet case in its own process (run by worksheets.ts, not by hand), so that its peak
 * memory is its own:
 *   node --expose-gc worksheet-child.js plans <count>
 * "plans": the key account plan sheets of the top <count> customers of a seeded sample
 * (generated, read as the command line reads columns), built headless by the sheet builders and
 * written as one .xlsx by the xlsx renderer. Prints one JSON line.
 */
import { buildPortfolio, SalesColumns } from "../../src/engine/portfolio";
import { tierSpecOf } from "../../src/engine/tiers";
import { writeWorkbook } from "../../src/render/xlsx";
import { generateSalesSample, SAMPLE_COLUMNS, SalesRow } from "../../src/sample";
import { buildAccountPlanSheet, selectPlanAccounts } from "../../src/sheets/account-plan";

async function plans(count: number) {
  const rows = generateSalesSample({ customers: Math.max(600, count + 50), lines: 60_000, seed: 7, locale: "en" });
  const col = (key: keyof SalesRow) => ({ name: SAMPLE_COLUMNS.find((c) => c.key === key)!.en, cells: rows.map((r) => r[key] as unknown) });
  const columns: SalesColumns = {
    customer: col("customer"),
    measure: col("revenue"),
    profit: col("profit"),
    date: col("date"),
    satisfaction: col("satisfaction"),
    effort: col("salesHours"),
    credit: col("creditRating"),
    region: col("region"),
    manager: col("manager"),
    attractiveness: [col("marketGrowth"), col("marginPotential"), col("strategicFit")],
    strength: [col("shareOfWallet"), col("relationship"), col("productFit")],
  };
  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  const portfolio = buildPortfolio(columns, tierSpecOf(undefined, undefined, undefined, "en"));
  const { ids } = selectPlanAccounts(portfolio, { top: count });
  const t1 = performance.now();
  const sheets = ids.map((id) => buildAccountPlanSheet(portfolio, id, { locale: "en", generated: "2026-01-15" }));
  const t2 = performance.now();
  const xlsx = await writeWorkbook(sheets);
  const t3 = performance.now();
  return {
    sheets: sheets.length,
    lines: rows.length,
    portfolioMs: t1 - t0,
    buildMs: t2 - t1,
    writeMs: t3 - t2,
    totalMs: t3 - t0,
    xlsxBytes: xlsx.length,
    rssBeforeMb: rssBefore,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function main(): Promise<void> {
  const [which, arg] = process.argv.slice(2);
  if (which !== "plans") throw new Error(`unknown worksheet case ${which}`);
  process.stdout.write(`${JSON.stringify(await plans(Number(arg)))}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
