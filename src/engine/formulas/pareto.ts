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
  const labels = a.spec.labels;
  const tierLabel = (id: number) => {
    const t = a.tiers.tiers[id];
    return t === TIER_NONE ? "" : t === TIER_LOSS ? list(loc, "tier.loss")[0] : labels[t];
  };
  const rows: unknown[][] = [
    ["rank", "customer", "value", "share", "cumulativeShare", "tier"].map((k) => text(loc, `pareto.header.${k}`)),
  ];
  const shown = Math.min(limit, order.length);
  for (let j = 0; j < shown; j++) {
    const id = order[j];
    rows.push([ranks[j], names[id], totals[id], a.share[j], a.cumulativeShare[j], tierLabel(id)]);
  }
  if (shown < order.length) {
    let s = 0;
    let c = 0;
    for (let j = shown; j < order.length; j++) {
      const x = totals[order[j]];
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    const other = s + c;
    const share = a.tiers.positiveTotal > 0 ? other / a.tiers.positiveTotal : 0;
    rows.push(["", text(loc, "pareto.other", { count: order.length - shown }), other, share, a.cumulativeShare[order.length - 1], ""]);
  }
  for (const id of a.losses) rows.push(["", names[id], totals[id], "", "", tierLabel(id)]);
  if (noCustomer.rows > 0) rows.push(["", text(loc, "pareto.noCustomer", { count: noCustomer.rows }), noCustomer.value, "", "", ""]);
  rows.push(["", text(loc, "pareto.total"), a.netTotal, "", "", ""]);
  return rows;
}
