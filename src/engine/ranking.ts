/**
 * Ranking for tables that list customers one by one (PARETO, the 80/20 sheet, the command
 * line): the order by value, descending, with ties broken by name so the listing never depends
 * on row order; competition ranks (1, 2, 2, 4) so tied customers share a rank.
 *
 * Also the sorts behind ranking and tiering. A whole column is a million customers; the
 * built-in sorts cost there about 200 ns per value (Float64Array.prototype.sort) and several
 * times that with a comparator, so large inputs are radix sorted on the bits of the doubles
 * (for values >= 0 the IEEE-754 bit pattern, read as an unsigned integer, orders like the
 * value): linear time, a few passes over typed arrays.
 */
import { compareNameKeys, customerKey } from "./input/customer-vector";

export interface Ranking {
  /** Customer ids with a value >= 0, by value descending, then name. */
  readonly order: Uint32Array;
  /** Competition rank per position in `order`. */
  readonly ranks: Uint32Array;
}

/** namesAscending: ids are known to be in name order (CustomerVector.namesAscending). */
export function rankCustomers(totals: Float64Array, hasValue: Uint8Array, names: readonly string[], namesAscending = false): Ranking {
  const n = totals.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (hasValue[i] && totals[i] >= 0) m++;
  const order = new Uint32Array(m);
  for (let i = 0, j = 0; i < n; i++) if (hasValue[i] && totals[i] >= 0) order[j++] = i;
  let named = false;
  for (let i = 0; i < names.length; i++) {
    if (names[i] !== "") {
      named = true;
      break;
    }
  }
  if (m < RADIX_MIN) {
    const keys = named ? names.map(customerKey) : null;
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
  } else {
    // Stable radix sort by value descending: ties stay in id order, as the comparator's
    // last key has them; then each run of equal values is ordered by name (ids ascending
    // are already the right order when the customers have no names or ids follow names).
    sortIdsByValueDescending(order, totals);
    if (named && !namesAscending) orderTiesByName(order, totals, names);
  }
  const ranks = new Uint32Array(m);
  for (let j = 0; j < m; j++) ranks[j] = j > 0 && totals[order[j]] === totals[order[j - 1]] ? ranks[j - 1] : j + 1;
  return { order, ranks };
}

/** Runs of equal values in `order` (value descending, ids ascending) ordered by name key, then id. */
function orderTiesByName(order: Uint32Array, totals: Float64Array, names: readonly string[]): void {
  const m = order.length;
  const byName = (a: number, b: number) => compareNameKeys(names[a], names[b]) || a - b;
  let s = 0;
  while (s < m) {
    const v = totals[order[s]];
    let e = s + 1;
    while (e < m && totals[order[e]] === v) e++;
    // Infinite totals compare as NaN in the comparator (Infinity - Infinity): kept in id order.
    if (e - s > 16 && v !== Infinity) sortByNameKey(order.subarray(s, e), names);
    else if (e - s > 1 && v !== Infinity) {
      // Short runs (the common case): insertion sort.
      for (let j = s + 1; j < e; j++) {
        const id = order[j];
        let k = j;
        while (k > s && byName(order[k - 1], id) > 0) {
          order[k] = order[k - 1];
          k--;
        }
        order[k] = id;
      }
    }
    s = e;
  }
}

/**
 * A long run of ties (every value equal: a million customers) sorted by name key, then id. The
 * keys are made once for the run: compareNameKeys makes none but costs more per comparison,
 * and beyond ASCII it makes both keys on every one of the n log n comparisons (a million tied
 * names took 8 s in ASCII, 16 s in Chinese; with the keys made once, 5 s).
 */
function sortByNameKey(run: Uint32Array, names: readonly string[]): void {
  const keys = Array.from(run, (id) => customerKey(names[id]));
  const at = Array.from(run, (_, k) => k);
  at.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : run[a] - run[b]));
  const ids = at.map((k) => run[k]);
  run.set(ids);
}

/** Loss-making customers (negative totals), most negative first, then by name (keys made once). */
export function lossCustomers(totals: Float64Array, hasValue: Uint8Array, names: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < totals.length; i++) if (hasValue[i] && totals[i] < 0) out.push(i);
  const keys = out.map((id) => customerKey(names[id]));
  const at = out.map((_, k) => k);
  at.sort((a, b) => totals[out[a]] - totals[out[b]] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : out[a] - out[b]));
  return at.map((k) => out[k]);
}

// ---------------------------------------------------------------------------------------------
// Radix sorts on the bits of non-negative doubles

/** Below this many values the built-in sorts are as fast. */
const RADIX_MIN = 512;

/** Word order of a double seen as two 32-bit halves. */
const LITTLE_ENDIAN = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = LITTLE_ENDIAN ? 1 : 0;

/** Six digits of 11, 11, 10 bits per 32-bit word, least significant first. */
const DIGIT_SHIFT = [0, 11, 22, 0, 11, 22];
const DIGIT_MASK = [0x7ff, 0x7ff, 0x3ff, 0x7ff, 0x7ff, 0x3ff];
const BUCKETS = 2048;

/**
 * Histograms of the six digits of 64-bit keys given as two word arrays; turns each into
 * exclusive prefix sums (bucket offsets). Returns, per pass, whether it can be skipped (every
 * key has the same digit there).
 */
function digitOffsets(lo: Uint32Array, hi: Uint32Array, step: number, n: number, hist: Uint32Array): boolean[] {
  for (let i = 0; i < n; i++) {
    const l = lo[i * step];
    const h = hi[i * step];
    hist[l & 0x7ff]++;
    hist[2048 + ((l >>> 11) & 0x7ff)]++;
    hist[4096 + (l >>> 22)]++;
    hist[6144 + (h & 0x7ff)]++;
    hist[8192 + ((h >>> 11) & 0x7ff)]++;
    hist[10240 + (h >>> 22)]++;
  }
  const skip: boolean[] = [];
  for (let p = 0; p < 6; p++) {
    const base = p * BUCKETS;
    let sum = 0;
    let trivial = false;
    for (let d = 0; d < BUCKETS; d++) {
      const c = hist[base + d];
      if (c === n) trivial = true;
      hist[base + d] = sum;
      sum += c;
    }
    skip.push(trivial);
  }
  return skip;
}

/**
 * Sorts values ascending in place. Every value must be a double >= 0 (or +Infinity) with the
 * sign bit clear: no NaN, no -0. Same result as Float64Array.prototype.sort.
 */
export function sortNonNegativeAscending(a: Float64Array): void {
  const n = a.length;
  if (n < RADIX_MIN) {
    a.sort();
    return;
  }
  const tmp = new Float64Array(n);
  const hist = new Uint32Array(6 * BUCKETS);
  const au = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  const tu = new Uint32Array(tmp.buffer, 0, 2 * n);
  const skip = digitOffsets(au.subarray(LO), au.subarray(HI), 2, n, hist);
  let src: Float64Array = a;
  let dst: Float64Array = tmp;
  let su: Uint32Array = au;
  for (let p = 0; p < 6; p++) {
    if (skip[p]) continue;
    const word = p < 3 ? LO : HI;
    const shift = DIGIT_SHIFT[p];
    const mask = DIGIT_MASK[p];
    const off = hist.subarray(p * BUCKETS, (p + 1) * BUCKETS);
    for (let i = 0; i < n; i++) {
      const d = (su[2 * i + word] >>> shift) & mask;
      dst[off[d]++] = src[i];
    }
    const t = src;
    src = dst;
    dst = t;
    su = src === a ? au : tu;
  }
  if (src !== a) a.set(src);
}

/**
 * Sorts ids by values[id] descending, stable (equal values keep the ids' order). Every
 * values[id] must be >= 0 or +Infinity (a -0 counts as 0), never NaN.
 */
export function sortIdsByValueDescending(ids: Uint32Array, values: Float64Array): void {
  const n = ids.length;
  if (n < RADIX_MIN) {
    const copy = Array.from(ids).sort((a, b) => {
      const d = values[b] - values[a];
      return d !== 0 && d === d ? d : 0;
    });
    ids.set(copy);
    return;
  }
  // Keys: the value's bits, complemented so that an ascending sort gives descending values,
  // read in place (a copy of the values would be 8 MB more at a million customers).
  const vu = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
  let lo: Uint32Array = new Uint32Array(n);
  let hi: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const l = vu[2 * id + LO];
    const h = vu[2 * id + HI];
    lo[i] = ~l;
    hi[i] = h === 0x80000000 && l === 0 ? ~0 : ~h; // -0 sorts as 0
  }
  const hist = new Uint32Array(6 * BUCKETS);
  const skip = digitOffsets(lo, hi, 1, n, hist);
  let id: Uint32Array = ids;
  let lo2: Uint32Array = new Uint32Array(n);
  let hi2: Uint32Array = new Uint32Array(n);
  let id2: Uint32Array = new Uint32Array(n);
  for (let p = 0; p < 6; p++) {
    if (skip[p]) continue;
    const shift = DIGIT_SHIFT[p];
    const mask = DIGIT_MASK[p];
    const off = hist.subarray(p * BUCKETS, (p + 1) * BUCKETS);
    if (p < 3) {
      // Low-word digits: carry both words and the id.
      for (let i = 0; i < n; i++) {
        const l = lo[i];
        const k = off[(l >>> shift) & mask]++;
        lo2[k] = l;
        hi2[k] = hi[i];
        id2[k] = id[i];
      }
      let t = lo;
      lo = lo2;
      lo2 = t;
      t = hi;
      hi = hi2;
      hi2 = t;
    } else {
      // High-word digits: the low word is no longer needed.
      for (let i = 0; i < n; i++) {
        const h = hi[i];
        const k = off[(h >>> shift) & mask]++;
        hi2[k] = h;
        id2[k] = id[i];
      }
      const t = hi;
      hi = hi2;
      hi2 = t;
    }
    const t = id;
    id = id2;
    id2 = t;
  }
  if (id !== ids) ids.set(id);
}
