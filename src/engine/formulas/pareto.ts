/**
 * KA.PARETO: the 80/20 contribution table, spilled with a header row. Ranked customers (ties
 * share a rank), an "Other (k customers)" line when top_n cuts the list, loss-making
 * customers, the no-customer line, and a Total that reconciles with SUM over the values.
 */
import { list, Locale, text } from "../../strings";
import { analyseCustomers, CustomerAnalysis } from "../analysis";
import { fail } from "../errors";
import { describeCell } from "../input/cells";
import { localeOf, optionalNumberOf } from "../input/scalars";
import { TIER_LOSS, TIER_NONE, tierSpecOf } from "../tiers";
import { readSalesColumns } from "./shared";

export function paretoFormula(
  customers: unknown,
  values: unknown,
  topN?: unknown,
  scheme?: unknown,
  thresholds?: unknown,
  locale?: unknown,
): unknown[][] {
  const loc = localeOf(locale);
  const spec = tierSpecOf(scheme, thresholds, null, loc);
  const limit = topNOf(topN);
  const { numbers, customers: cust } = readSalesColumns(values, customers, "values", "customers", true);
  const analysis = analyseCustomers(numbers, cust, spec);
  return paretoTable(analysis, limit, loc);
}

function topNOf(arg: unknown): number {
  let n: number | undefined;
  try {
    n = optionalNumberOf(arg, "top_n");
  } catch {
    throw fail("#VALUE!", "error.topN", { cell: describeCell(arg) });
  }
  if (n === undefined) return Infinity;
  if (!Number.isInteger(n) || n < 1) throw fail("#VALUE!", "error.topN", { cell: describeCell(n) });
  return n;
}

export function paretoTable(a: CustomerAnalysis, limit: number, loc: Locale): unknown[][] {
  const { names, totals, noCustomer } = a.customers;
  const { order, ranks } = a.ranking;
  const tiers = a.tiers.tiers;
  const labelOf: string[] = [];
  for (let t = 0; t < a.spec.labels.length; t++) labelOf[t] = a.spec.labels[t];
  labelOf[TIER_LOSS] = list(loc, "tier.loss")[0];
  labelOf[TIER_NONE] = "";
  const shown = Math.min(limit, order.length);
  const cut = shown < order.length;
  // Sized up front: a whole column is a million rows.
  const rows: unknown[][] = new Array(2 + shown + (cut ? 1 : 0) + a.losses.length + (noCustomer.rows > 0 ? 1 : 0));
  let r = 0;
  rows[r++] = ["rank", "customer", "value", "share", "cumulativeShare", "tier"].map((k) => text(loc, `pareto.header.${k}`));
  const share = a.share;
  const cumulative = a.cumulativeShare;
  for (let j = 0; j < shown; j++) {
    const id = order[j];
    rows[r++] = [ranks[j], names[id], totals[id], share[j], cumulative[j], labelOf[tiers[id]]];
  }
  if (cut) {
    let s = 0;
    let c = 0;
    for (let j = shown; j < order.length; j++) {
      const x = totals[order[j]];
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    const other = s + c;
    const otherShare = a.tiers.positiveTotal > 0 ? other / a.tiers.positiveTotal : 0;
    rows[r++] = ["", text(loc, "pareto.other", { count: order.length - shown }), other, otherShare, cumulative[order.length - 1], ""];
  }
  for (const id of a.losses) rows[r++] = ["", names[id], totals[id], "", "", labelOf[tiers[id]]];
  if (noCustomer.rows > 0) rows[r++] = ["", text(loc, "pareto.noCustomer", { count: noCustomer.rows }), noCustomer.value, "", "", ""];
  rows[r++] = ["", text(loc, "pareto.total"), a.netTotal, "", "", ""];
  return rows;
}
