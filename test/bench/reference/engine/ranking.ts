// Reference copy of src/engine/ranking.ts as of d8297f3 (before the benchmark's hot-path work),
// for the equivalence test only. Do not edit.
/**
 * Ranking for tables that list customers one by one (PARETO, the 80/20 sheet, the command
 * line): the order by value, descending, with ties broken by name so the listing never depends
 * on row order; competition ranks (1, 2, 2, 4) so tied customers share a rank.
 */
import { customerKey } from "./input/customer-vector";

export interface Ranking {
  /** Customer ids with a value >= 0, by value descending, then name. */
  readonly order: Uint32Array;
  /** Competition rank per position in `order`. */
  readonly ranks: Uint32Array;
}

export function rankCustomers(totals: Float64Array, hasValue: Uint8Array, names: readonly string[]): Ranking {
  const n = totals.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (hasValue[i] && totals[i] >= 0) m++;
  const order = new Uint32Array(m);
  for (let i = 0, j = 0; i < n; i++) if (hasValue[i] && totals[i] >= 0) order[j++] = i;
  const keys = names.some((s) => s !== "") ? names.map(customerKey) : null;
  order.sort((a, b) => {
    const d = totals[b] - totals[a];
    if (d !== 0) return d;
    if (keys) {
      const ka = keys[a];
      const kb = keys[b];
      if (ka !== kb) return ka < kb ? -1 : 1;
    }
    return a - b;
  });
  const ranks = new Uint32Array(m);
  for (let j = 0; j < m; j++) ranks[j] = j > 0 && totals[order[j]] === totals[order[j - 1]] ? ranks[j - 1] : j + 1;
  return { order, ranks };
}

/** Loss-making customers (negative totals), most negative first, then by name. */
export function lossCustomers(totals: Float64Array, hasValue: Uint8Array, names: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < totals.length; i++) if (hasValue[i] && totals[i] < 0) out.push(i);
  return out.sort((a, b) => {
    const d = totals[a] - totals[b];
    if (d !== 0) return d;
    const ka = customerKey(names[a]);
    const kb = customerKey(names[b]);
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
}
