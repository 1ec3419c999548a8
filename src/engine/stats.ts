/**
 * Small numeric helpers shared by the portfolio functions (MATRIX, PRIORITY, SCORE, CHURN).
 * Pure functions on typed arrays; NaN means "blank" throughout the engine (see
 * input/numeric-vector.ts), so every helper here skips NaN.
 */

/**
 * The median of the non-NaN values: the middle value, or the average of the two middle
 * values for an even count. NaN when there is no value. Sorts a copy: O(n log n), the input
 * is left untouched.
 */
export function median(values: Float64Array): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) m++;
  if (m === 0) return NaN;
  const copy = new Float64Array(m);
  for (let i = 0, j = 0; i < values.length; i++) if (values[i] === values[i]) copy[j++] = values[i];
  copy.sort(); // typed arrays sort numerically
  const mid = m >> 1;
  if (m % 2 === 1) return copy[mid];
  // a/2 + b/2 cannot overflow where (a + b)/2 could; but it loses the last bit of subnormal
  // values (the median of two 5e-324 would be 0), so small values take (a + b)/2.
  const a = copy[mid - 1];
  const b = copy[mid];
  const r = Math.abs(a) < 1e307 && Math.abs(b) < 1e307 ? (a + b) / 2 : a / 2 + b / 2;
  return r === 0 ? 0 : r;
}

/**
 * The median of a over the rows where both a and b have a value (the default cut of the
 * two-axis functions: both axes are cut over the same population of rows).
 */
export function medianWhereBoth(a: Float64Array, b: Float64Array): number {
  const n = Math.min(a.length, b.length);
  const picked = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (a[i] === a[i] && b[i] === b[i]) picked[m++] = a[i];
  return median(picked.subarray(0, m));
}

/** Smallest and largest non-NaN value; [NaN, NaN] when there is none. */
export function minMax(values: ArrayLike<number>, from = 0, to = values.length): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = from; i < to; i++) {
    const x = values[i];
    if (x !== x) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return lo === Infinity ? [NaN, NaN] : [lo, hi];
}

/**
 * Piecewise-linear interpolation through the points (xs[k], ys[k]); xs strictly ascending.
 * Exact at the points, NaN outside [xs[0], xs[last]] (no extrapolation). O(log n).
 */
export function interpolate(xs: Float64Array, ys: Float64Array, x: number): number {
  const n = xs.length;
  if (n === 0 || !(x >= xs[0] && x <= xs[n - 1])) return NaN;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  if (x === xs[lo]) return ys[lo];
  if (x === xs[hi]) return ys[hi];
  const t = (x - xs[lo]) / (xs[hi] - xs[lo]);
  return ys[lo] + t * (ys[hi] - ys[lo]);
}
