/**
 * `ka-planner tiers`: one line per customer (ranked customers in ranking order, then the
 * loss-making ones) with value, share, cumulative share and tier; or, with --summary, one line
 * per tier (customers, % of customers, value, % of value).
 */
import { CustomerAnalysis } from "../../engine/analysis";
import { tierSums } from "../../engine/tier-sums";
import { TIER_LOSS, TIER_NONE } from "../../engine/tiers";
import { list, Locale, text } from "../../strings";
import { Table } from "../input/table";
import { Io } from "../io";
import { render, Result } from "../output/render";
import { analyseTable, formatOption, guarded, loadTable, localeOption, tierSpecOption, TierOptions, topOption } from "./common";

export interface TiersOptions extends TierOptions {
  summary?: boolean;
}

function tierLabelOf(a: CustomerAnalysis, locale: Locale): (id: number) => string {
  const loss = list(locale, "tier.loss")[0];
  return (id) => {
    const t = a.tiers.tiers[id];
    return t === TIER_NONE ? "" : t === TIER_LOSS ? loss : a.spec.labels[t];
  };
}

/** Ranked customers (at most `limit`), then every loss-making customer. */
function tiersResult(a: CustomerAnalysis, locale: Locale, limit = Infinity): Result {
  const h = (k: string) => text(locale, `pareto.header.${k}`);
  const columns = [
    { key: "customer", header: h("customer"), kind: "text" as const },
    { key: "value", header: h("value"), kind: "amount" as const },
    { key: "share", header: h("share"), kind: "percent" as const },
    { key: "cumulativeShare", header: h("cumulativeShare"), kind: "percent" as const },
    { key: "tier", header: h("tier"), kind: "text" as const },
  ];
  const { names, totals } = a.customers;
  const tierOf = tierLabelOf(a, locale);
  const rows: unknown[][] = [];
  const shown = Math.min(limit, a.ranking.order.length);
  for (let j = 0; j < shown; j++) {
    const id = a.ranking.order[j];
    rows.push([names[id], totals[id], a.share[j], a.cumulativeShare[j], tierOf(id)]);
  }
  for (const id of a.losses) rows.push([names[id], totals[id], null, null, tierOf(id)]);
  return { columns, rows };
}

/**
 * Customers and value per tier. Shares of customers are of every customer with a value (loss
 * makers included); shares of value are of the positive total, the tiers' denominator, so the
 * loss line has none.
 */
function tierSummaryResult(a: CustomerAnalysis, locale: Locale): Result {
  const { counts, sums, lossCount, lossSum, customers: all, total } = tierSums(a, a.customers.totals);
  const T = a.tiers.positiveTotal;
  const h = (key: string) => text(locale, `cli.summary.header.${key}`);
  const columns = [
    { key: "tier", header: h("tier"), kind: "text" as const },
    { key: "customers", header: h("customers"), kind: "integer" as const },
    { key: "customerShare", header: h("customerShare"), kind: "percent" as const },
    { key: "value", header: h("value"), kind: "amount" as const },
    { key: "valueShare", header: h("valueShare"), kind: "percent" as const },
  ];
  const rows: unknown[][] = a.spec.labels.map((label, t) => [
    label,
    counts[t],
    all ? counts[t] / all : 0,
    sums[t],
    T > 0 ? sums[t] / T : 0,
  ]);
  if (lossCount > 0) rows.push([list(locale, "tier.loss")[0], lossCount, all ? lossCount / all : 0, lossSum, null]);
  rows.push([text(locale, "pareto.total"), all, all ? 1 : 0, total, null]);
  return { columns, rows };
}

/** The command's output for a table already read (the demo reuses it). */
export function runTiers(table: Table, options: TiersOptions, io: Io): void {
  const locale = localeOption(options.locale);
  const format = formatOption(options.format);
  const spec = tierSpecOption(options, locale);
  const limit = topOption(options.top);
  const { analysis } = analyseTable(table, options, spec, locale, io);
  io.stdout.write(render(options.summary ? tierSummaryResult(analysis, locale) : tiersResult(analysis, locale, limit), format));
}

export function tiersCommand(file: string, options: TiersOptions, io: Io): Promise<number> {
  return guarded(options.locale, io, async () => {
    const locale = localeOption(options.locale);
    formatOption(options.format);
    tierSpecOption(options, locale);
    topOption(options.top);
    runTiers(await loadTable(file, options, locale, io), options, io);
  });
}
