/**
 * KA.PARETO: the 80/20 contribution table, spilled with a header row. Ranked customers (ties
 * share a rank), an "Other (k customers)" line when top_n cuts the list, loss-making
 * customers, the no-customer line, and a Total that reconciles with SUM over the values.
 */
import { list, Locale, text } from "../../strings";
import { analyseCustomers, CustomerAnalysis } from "../analysis";
import { fail } from "../errors";
import { describeCell } from "../input/cells";
import { listedPositions } from "../total-rows-text";
import { localeOf, optionalNumberOf } from "../input/scalars";
import { TIER_LOSS, TIER_NONE, tierSpecOf } from "../tiers";
import { NeumaierSum } from "../sum";
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
  return paretoTable(analysis, limit, loc, (rows) => listedPositions(loc, rows, numbers.orientation));
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

/**
 * positionsText names the total rows left out (default: their 1-based positions in the range);
 * the command line names sheet rows.
 */
export function paretoTable(
  a: CustomerAnalysis,
  limit: number,
  loc: Locale,
  positionsText: (rows: readonly number[]) => string = (rows) => listedPositions(loc, rows),
): unknown[][] {
  const { names, totals, noCustomer, totalRows } = a.customers;
  const hasTotalRows = totalRows.rows.length > 0;
  const { order, ranks } = a.ranking;
  const tiers = a.tiers.tiers;
  const labelOf: string[] = [];
  for (let t = 0; t < a.spec.labels.length; t++) labelOf[t] = a.spec.labels[t];
  labelOf[TIER_LOSS] = list(loc, "tier.loss")[0];
  labelOf[TIER_NONE] = "";
  const shown = Math.min(limit, order.length);
  const cut = shown < order.length;
  // Sized up front: a whole column is a million rows.
  const rows = new Array<unknown[]>(2 + shown + (cut ? 1 : 0) + a.losses.length + (noCustomer.rows > 0 ? 1 : 0) + (hasTotalRows ? 1 : 0));
  let r = 0;
  rows[r++] = ["rank", "customer", "value", "share", "cumulativeShare", "tier"].map((k) => text(loc, `pareto.header.${k}`));
  const share = a.share;
  const cumulative = a.cumulativeShare;
  for (let j = 0; j < shown; j++) {
    const id = order[j];
    rows[r++] = [ranks[j], names[id], totals[id], share[j], cumulative[j], labelOf[tiers[id]]];
  }
  if (cut) {
    const rest = new NeumaierSum();
    for (let j = shown; j < order.length; j++) rest.add(totals[order[j]]);
    const other = rest.value;
    const otherShare = a.tiers.positiveTotal > 0 ? other / a.tiers.positiveTotal : 0;
    rows[r++] = ["", text(loc, "pareto.other", { count: order.length - shown }), other, otherShare, cumulative[order.length - 1], ""];
  }
  for (const id of a.losses) rows[r++] = ["", names[id], totals[id], "", "", labelOf[tiers[id]]];
  if (noCustomer.rows > 0) rows[r++] = ["", text(loc, "pareto.noCustomer", { count: noCustomer.rows }), noCustomer.value, "", "", ""];
  // The total rows' value is shown beside them, so that SUM over the source column is this
  // line's value plus the Total's.
  if (hasTotalRows)
    rows[r++] = [
      "",
      text(loc, "pareto.totalRows", { count: totalRows.rows.length, rows: positionsText(totalRows.rows) }),
      totalRows.value,
      "",
      "",
      "",
    ];
  rows[r] = ["", text(loc, hasTotalRows ? "pareto.totalLessTotalRows" : "pareto.total"), a.netTotal, "", "", ""];
  return rows;
}
