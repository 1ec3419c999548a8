/**
 * One analysis of a sales column, shared by KA.PARETO, KA.CONCENTRATION, the command line and
 * the generated sheets, so that every surface shows the same ranks, shares and tiers.
 */
import { aggregateByCustomer, CustomerTotals, overflow } from "./aggregate";
import { CustomerVector } from "./input/customer-vector";
import { NumericVector } from "./input/numeric-vector";
import { lossCustomers, rankCustomers, Ranking } from "./ranking";
import { NeumaierSum, roundingError } from "./sum";
import { assignTiers, TierResult, TierSpec } from "./tiers";

export interface CustomerAnalysis {
  readonly customers: CustomerTotals;
  readonly spec: TierSpec;
  readonly tiers: TierResult;
  readonly ranking: Ranking;
  /** Share of the positive total per position in ranking.order (0 when that total is 0). */
  readonly share: Float64Array;
  /** Inclusive cumulative share per position in ranking.order. */
  readonly cumulativeShare: Float64Array;
  /** Loss-making customer ids, most negative first. */
  readonly losses: readonly number[];
  /** Sum of every non-blank value, customers or not: reconciles with SUM over the column. */
  readonly netTotal: number;
}

export function analyseCustomers(values: NumericVector, customerVector: CustomerVector | null, spec: TierSpec): CustomerAnalysis {
  const customers = aggregateByCustomer(values, customerVector);
  const tiers = assignTiers(customers.totals, customers.hasValue, spec);
  const ranking = rankCustomers(customers.totals, customers.hasValue, customers.names, customers.namesAscending);
  const { share, cumulativeShare } = shares(customers.totals, ranking.order, tiers.positiveTotal);
  const losses = lossCustomers(customers.totals, customers.hasValue, customers.names);
  const net = new NeumaierSum();
  // Shares and totals need the sums as numbers: past ±1.8e308 they are #NUM!, as Excel's SUM.
  let lossSum = 0;
  for (const id of losses) lossSum += customers.totals[id];
  net.add(tiers.positiveTotal);
  for (const id of losses) net.add(customers.totals[id]);
  net.add(customers.noCustomer.value);
  if (!(Number.isFinite(tiers.positiveTotal) && Number.isFinite(lossSum) && Number.isFinite(net.value))) throw overflow(values.arg);
  return { customers, spec, tiers, ranking, share, cumulativeShare, losses, netTotal: net.value };
}

function shares(totals: Float64Array, order: Uint32Array, positiveTotal: number) {
  const m = order.length;
  const share = new Float64Array(m);
  const cumulativeShare = new Float64Array(m);
  if (positiveTotal <= 0) return { share, cumulativeShare };
  let s = 0;
  let c = 0;
  for (let j = 0; j < m; j++) {
    const x = totals[order[j]];
    const t = s + x;
    c += roundingError(s, x, t);
    s = t;
    share[j] = x / positiveTotal;
    // Clamped: compensated sums can overshoot the total by an ulp, never by a cent.
    cumulativeShare[j] = Math.min(1, (s + c) / positiveTotal);
  }
  return { share, cumulativeShare };
}
