/** KA.TIER: one tier label per input row, in the orientation of the values argument. */
import { list } from "../../strings";
import { aggregateByCustomer } from "../aggregate";
import { localeOf } from "../input/scalars";
import { assignTiers, TIER_LOSS, TIER_NONE, tierSpecOf } from "../tiers";
import { readSalesColumns } from "./shared";

export function tierFormula(
  values: unknown,
  customers?: unknown,
  scheme?: unknown,
  thresholds?: unknown,
  labels?: unknown,
  locale?: unknown,
): unknown[][] {
  const loc = localeOf(locale);
  const spec = tierSpecOf(scheme, thresholds, labels, loc);
  const { valueVector, numbers, customers: cust } = readSalesColumns(values, customers);
  const totals = aggregateByCustomer(numbers, cust);
  const { tiers } = assignTiers(totals.totals, totals.hasValue, spec);
  const loss = list(loc, "tier.loss")[0];
  const byCode: string[] = [];
  for (let t = 0; t < spec.labels.length; t++) byCode[t] = spec.labels[t];
  byCode[TIER_LOSS] = loss;
  byCode[TIER_NONE] = "";
  const rows = totals.rowCustomer;
  const n = rows.length;
  if (valueVector.orientation === "row") {
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const id = rows[i];
      out[i] = id < 0 ? "" : byCode[tiers[id]];
    }
    return [out];
  }
  // A column spills one single-cell row per input row. Rows with the same label share one
  // array: the spill is only read (Excel's runtime serialises it), and a million distinct
  // one-cell arrays cost more time and garbage collection than the whole tier rule.
  const rowOf: string[][] = [];
  for (let t = 0; t < spec.labels.length; t++) rowOf[t] = [byCode[t]];
  rowOf[TIER_LOSS] = [loss];
  const blank = [""];
  rowOf[TIER_NONE] = blank;
  const out = new Array<string[]>(n);
  for (let i = 0; i < n; i++) {
    const id = rows[i];
    out[i] = id < 0 ? blank : rowOf[tiers[id]];
  }
  return out;
}
