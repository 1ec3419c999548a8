/**
 * How concentrated the business is: how many customers make 50/80/95% of the positive total
 * (by the same rule as the tiers, so "customers needed for 80%" is the size of tier A), the
 * top-N shares, the Herfindahl-Hirschman index and the Gini coefficient.
 */
import { CustomerAnalysis } from "./analysis";
import { tierCutoffs } from "./tiers";

export interface ConcentrationFigures {
  readonly customers: number;
  readonly positiveCustomers: number;
  readonly positiveTotal: number;
  readonly netTotal: number;
  /** Customers needed for each requested share, in the order requested. */
  readonly needed: readonly { readonly share: number; readonly count: number; readonly fractionOfCustomers: number }[];
  readonly topShares: readonly { readonly n: number; readonly share: number }[];
  /** Herfindahl-Hirschman index on a 0-10,000 scale over the positive customers. */
  readonly hhi: number;
  /** Gini coefficient over customers with a value >= 0 (0 = equal, towards 1 = concentrated). */
  readonly gini: number;
  readonly lossCount: number;
  readonly lossValue: number;
  readonly noCustomerRows: number;
  readonly noCustomerValue: number;
  /** Total and subtotal rows left out (total-rows.ts): how many, and their value. */
  readonly totalRows: number;
  readonly totalRowsValue: number;
}

const NEEDED_SHARES = [0.5, 0.8, 0.95] as const;
const TOP_N = [1, 5, 10] as const;

export function concentrationOf(a: CustomerAnalysis): ConcentrationFigures {
  const { totals, hasValue } = a.customers;
  const order = a.ranking.order;
  const T = a.tiers.positiveTotal;
  let customers = 0;
  for (let i = 0; i < hasValue.length; i++) customers += hasValue[i];
  // Positives ascending, for the cut-offs and the Gini sum.
  const nonNegAsc = new Float64Array(order.length);
  for (let j = 0; j < order.length; j++) nonNegAsc[order.length - 1 - j] = totals[order[j]];
  let firstPositive = 0;
  while (firstPositive < nonNegAsc.length && nonNegAsc[firstPositive] === 0) firstPositive++;
  const posAsc = nonNegAsc.subarray(firstPositive);
  const positiveCustomers = posAsc.length;

  const needed = NEEDED_SHARES.map((share) => {
    const cut = tierCutoffs(posAsc, [share])[0];
    let count = 0;
    if (cut !== Infinity) for (let i = posAsc.length - 1; i >= 0 && posAsc[i] >= cut; i--) count++;
    return { share, count, fractionOfCustomers: customers > 0 ? count / customers : 0 };
  });

  const topShares = TOP_N.map((n) => {
    let s = 0;
    for (let j = 0; j < Math.min(n, a.cumulativeShare.length); j++) s = a.cumulativeShare[j];
    return { n, share: s };
  });

  let hhi = 0;
  if (T > 0) for (let i = 0; i < posAsc.length; i++) hhi += (100 * (posAsc[i] / T)) ** 2; // share first: 100·x overflows past 1.8e306

  return {
    customers,
    positiveCustomers,
    positiveTotal: T,
    netTotal: a.netTotal,
    needed,
    topShares,
    hhi,
    gini: giniOf(nonNegAsc, T),
    lossCount: a.losses.length,
    lossValue: a.losses.reduce((s, id) => s + totals[id], 0),
    noCustomerRows: a.customers.noCustomer.rows,
    noCustomerValue: a.customers.noCustomer.value,
    totalRows: a.customers.totalRows.rows.length,
    totalRowsValue: a.customers.totalRows.value,
  };
}

/**
 * G = 2·Σ i·x(i) / (n·Σx) − (n+1)/n over ascending x, i from 1; summed over shares x(i)/Σx,
 * since Σ i·x(i) and n·Σx overflow for values near 1e308.
 */
function giniOf(asc: Float64Array, total: number): number {
  const n = asc.length;
  if (n < 2 || total <= 0) return 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * (asc[i] / total);
  const g = (2 * weighted) / n - (n + 1) / n;
  return Math.min(1, Math.max(0, g));
}
