// Reference copy of src/engine/formulas/tier.ts as of d8297f3 (before the benchmark's hot-path work),
// for the equivalence test only. Do not edit.
/** KA.TIER: one tier label per input row, in the orientation of the values argument. */
import { list } from "../../../../../src/strings";
import { aggregateByCustomer } from "../../../../../src/engine/aggregate";
import { shapeLike } from "../input/range";
import { localeOf } from "../../../../../src/engine/input/scalars";
import { assignTiers, TIER_LOSS, TIER_NONE, tierSpecOf } from "../tiers";
import { readSalesColumns } from "../../../../../src/engine/formulas/shared";

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
  const out = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i];
    out[i] = id < 0 ? "" : byCode[tiers[id]];
  }
  return shapeLike(valueVector, out);
}
