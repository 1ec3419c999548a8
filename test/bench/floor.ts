/**
 * The floor: the least work that can produce the answer, hand-written on typed arrays that
 * are already extracted (no input parsing, no output array, no blanks, no errors, plain
 * uncompensated sums, no exact-decimal border check).
 *
 * - tiers: Float64Array.prototype.sort of the values plus one cumulative-share pass → the
 *   lowest value of each tier (a tier is a value cut-off).
 * - pareto: an index sort (value descending, then name, then id) plus one cumulative-share pass
 *   → order, competition ranks, shares and cumulative shares.
 * - per-customer aggregation: a Map from name to id plus a typed-array pass, then pareto.
 */

export interface FloorTiers {
  /** lowest[t]: the smallest value in tier t (Infinity while empty); tiers by value cut-off. */
  readonly lowest: Float64Array;
  readonly total: number;
}

/** Values must be positive (one customer each); thresholds ascending. */
export function floorTiers(values: Float64Array, thresholds: readonly number[]): FloorTiers {
  const s = values.slice();
  s.sort();
  const m = s.length;
  const k = thresholds.length;
  let total = 0;
  for (let i = 0; i < m; i++) total += s[i];
  const lowest = new Float64Array(k + 1).fill(Infinity);
  let above = 0;
  let tier = 0;
  for (let i = m - 1; i >= 0; i--) {
    const v = s[i];
    // The exclusive share of a group of equal values: what is strictly above its first member.
    if (i === m - 1 || v !== s[i + 1]) while (tier < k && !(above / total < thresholds[tier])) tier++;
    lowest[tier] = v;
    above += v;
  }
  return { lowest, total };
}

/** The tier of a positive value under floorTiers' cut-offs. */
export function floorTierOf(lowest: Float64Array, v: number): number {
  let t = 0;
  while (t < lowest.length - 1 && !(v >= lowest[t])) t++;
  return t;
}

export interface FloorPareto {
  /** Customer ids with a total >= 0, value descending, then name, then id. */
  readonly order: Uint32Array;
  readonly ranks: Uint32Array;
  readonly share: Float64Array;
  readonly cumulativeShare: Float64Array;
}

export function floorPareto(totals: Float64Array, names: readonly string[], count = totals.length): FloorPareto {
  let m = 0;
  let positive = 0;
  for (let i = 0; i < count; i++) {
    const v = totals[i];
    if (v >= 0) {
      m++;
      positive += v;
    }
  }
  const order = new Uint32Array(m);
  for (let i = 0, j = 0; i < count; i++) if (totals[i] >= 0) order[j++] = i;
  order.sort((a, b) => {
    const d = totals[b] - totals[a];
    if (d !== 0) return d;
    const na = names[a];
    const nb = names[b];
    return na < nb ? -1 : na > nb ? 1 : a - b;
  });
  const ranks = new Uint32Array(m);
  const share = new Float64Array(m);
  const cumulativeShare = new Float64Array(m);
  let cum = 0;
  for (let j = 0; j < m; j++) {
    const v = totals[order[j]];
    ranks[j] = j > 0 && v === totals[order[j - 1]] ? ranks[j - 1] : j + 1;
    cum += v;
    share[j] = v / positive;
    cumulativeShare[j] = cum / positive;
  }
  return { order, ranks, share, cumulativeShare };
}

export interface FloorAggregate {
  readonly names: string[];
  readonly totals: Float64Array;
  readonly count: number;
}

/** Per-customer totals: Map (name → id) + one typed-array pass. */
function floorAggregate(lineNames: readonly string[], lineValues: Float64Array): FloorAggregate {
  const n = lineNames.length;
  const ids = new Map<string, number>();
  const names: string[] = [];
  const totals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const name = lineNames[i];
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    totals[id] += lineValues[i];
  }
  return { names, totals, count: names.length };
}

export function floorParetoOfLines(lineNames: readonly string[], lineValues: Float64Array): FloorAggregate & FloorPareto {
  const agg = floorAggregate(lineNames, lineValues);
  return { ...agg, ...floorPareto(agg.totals, agg.names, agg.count) };
}

/**
 * Only the spill Excel needs back from KA.PARETO, built from a finished ranking: a header and
 * one 6-cell row per customer (rank, name, value, share, cumulative share, tier label). Not a
 * floor of the whole function; it shows how the output alone grows with its size (a million
 * new arrays and three million numbers that live on).
 */
export function spillOnly(r: FloorPareto, values: Float64Array, names: readonly string[], lowest: Float64Array): unknown[][] {
  const m = r.order.length;
  const rows = new Array<unknown[]>(m + 1);
  rows[0] = ["Rank", "Customer", "Value", "Share", "Cumulative share", "Tier"];
  for (let j = 0; j < m; j++) {
    const id = r.order[j];
    const v = values[id];
    rows[j + 1] = [r.ranks[j], names[id], v, r.share[j], r.cumulativeShare[j], SPILL_LABELS[floorTierOf(lowest, v)]];
  }
  return rows;
}

const SPILL_LABELS = ["A", "B", "C", "D", "E"];
