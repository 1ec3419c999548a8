/**
 * Per-tier sums: how many customers each tier holds and what a per-customer figure (the
 * measure, revenue, profit, effort) adds up to in it, the loss-making customers apart. The
 * contribution sheet's summary and `ka-planner tiers --summary` both read these.
 */
import { CustomerAnalysis } from "./analysis";

export interface TierSums {
  /** Ranked customers per tier (tier code order, as spec.labels). */
  readonly counts: number[];
  /** The figure summed per tier over the ranked customers, in ranking order (as the sheet's SUMIF adds). */
  readonly sums: number[];
  readonly lossCount: number;
  /** The figure summed over the loss-making customers. */
  readonly lossSum: number;
  /** Every customer with a value: ranked and loss-making. */
  readonly customers: number;
  /** The tiers' sums and the loss sum. */
  readonly total: number;
}

/** Sums of `values` (per customer id; NaN = none, skipped) per tier of the analysis. */
export function tierSums(a: CustomerAnalysis, values: ArrayLike<number>): TierSums {
  const tierCount = a.spec.labels.length;
  const counts = new Array<number>(tierCount).fill(0);
  const sums = new Array<number>(tierCount).fill(0);
  for (const id of a.ranking.order) {
    const tier = a.tiers.tiers[id];
    counts[tier]++;
    if (values[id] === values[id]) sums[tier] += values[id];
  }
  let lossSum = 0;
  for (const id of a.losses) if (values[id] === values[id]) lossSum += values[id];
  return {
    counts,
    sums,
    lossCount: a.losses.length,
    lossSum,
    customers: a.ranking.order.length + a.losses.length,
    total: sums.reduce((s, x) => s + x, 0) + lossSum,
  };
}
