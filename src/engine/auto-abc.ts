/**
 * Computed ABC analysis (cABC): tier borders taken from the data instead of a rule of thumb.
 *
 * Method: Ultsch, A. & Lötsch, J. (2015) "Computed ABC Analysis for Rational Selection of Most
 * Informative Variables in Multivariate Data", PLoS ONE 10(6): e0129767, as implemented in the
 * authors' R package ABCanalysis (Thrun, Lötsch & Ultsch; functions ABCcurve and ABCanalysis).
 *
 * ABC curve (paper; R ABCcurve): items sorted by value descending; x = fraction of items taken
 * (effort), y = cumulative fraction of the total value (yield); the curve starts at (0,0) and
 * ends at (1,1). Three points on it (paper; R ABCanalysis):
 *   - Pareto point: the curve point nearest (Euclidean) to the ideal point (0,1), i.e. minimal
 *     unrealised potential; ties: the first (leftmost) minimum, as R's which.min.
 *   - Break-even point: where the slope dy/dx equals 1, i.e. the marginal yield of one more item
 *     equals its marginal effort.
 *   - A|B limit: the one of those two points with the smaller x (R ABCanalysis: the points are
 *     swapped, "ABexchanged", when the break-even point lies left of the Pareto point). Let Bx be
 *     the x of the other one.
 *   - B|C limit, the submarginal point: the curve point nearest to (Bx, 1); ties: first minimum.
 *     (This is the package's main function ABCanalysis and its Python port by Lötsch; the
 *     package's helper ABCanalysis4curve measures from the A|B point's x instead. We follow
 *     ABCanalysis.)
 * Set A is the items up to the A|B limit, B the items after it up to the B|C limit, C the rest.
 *
 * Discretisation (our choice, documented deviation from the R package): the package fits an
 * interpolating cubic spline through the points and searches a grid of 101 or 1001 x values.
 * Here the same definitions are evaluated exactly on the curve's own vertices (i/n, Y_i),
 * i = 0..n, Y_i = (sum of the i largest values) / total, which needs no spline, no grid and no
 * allocation, and cannot land between two items:
 *   - Pareto index  kP = argmin_i (i/n)^2 + (1 - Y_i)^2.
 *   - Break-even index kBE: segment i of the curve has slope n·v_i/total = v_i/mean, so the slope
 *     passes 1 at the vertex after the last item whose value is at least the mean:
 *     kBE = #{ v >= mean }. (When an item equals the mean exactly, its whole segment has slope 1;
 *     like the package's comment "take the rightmost", the right end is used.)
 *   - kA = min(kP, kBE), kB = max(kP, kBE), Bx = kB/n,
 *     submarginal index kC = argmin_i (i/n - Bx)^2 + (1 - Y_i)^2.
 *   - A = the kA largest values, B = the next kC - kA, C = the rest. Vertex k is the state
 *     "the k largest taken", so the set ending at the limit point is exactly the top k. (The R
 *     package classifies item i by x = i/n < limit x on its spline grid, so where the grid meets
 *     the vertices (n = 1000) its A is our A minus the limit item. Checked against an emulation
 *     of the package on lognormal, Pareto, exponential, uniform and half-normal samples of
 *     10..3000 values: the borders agree within the package's grid step, except where the
 *     spline's derivative wiggles and the package finds a spurious slope-1 point.)
 *   - Distance ties ("first minimum") are decided in floating point; exact ties are arithmetic
 *     coincidences of the data.
 * Both distance functions are discretely convex in i: step i changes them by
 * (2(i - b) - 1)/n^2 - (v_i/total)(2 - Y_i - Y_{i-1}), with b = 0 (Pareto) or kB (submarginal);
 * the first part grows with i and the subtracted part shrinks, so each minimum is found by
 * walking down from the top value until the distance stops decreasing. kC >= kB, so one walk over the top kC + 1 values, after
 * one pass for the total, finds every border: O(n) after the caller's sort.
 *
 * Returned thresholds (for the engine's rule "tier A if the exclusive cumulative share is below
 * tA"): a border after the k-th value is any threshold in (Y_{k-1}, Y_k]; we return Y_k, the
 * inclusive share of the k-th value, moved down by 32 units in the last place so that rounding
 * in the sums (compensated, relative error a few units) and in reading the double back as a
 * decimal can never push it above the exact Y_k (which would pull the (k+1)-th value into the
 * upper tier). A border after the last value is returned as exactly 1.
 *
 * Edge cases:
 *   - Empty input: the classic ABC defaults [0.8, 0.95] as a fallback (nothing to tier). The
 *     same fallback if the total is not finite (overflow): no shares can be computed then.
 *   - All values equal (including a single value): the ABC curve is the diagonal y = x. Its
 *     Pareto point is (1/2, 1/2); its slope is 1 everywhere, so the break-even point is taken
 *     as the rightmost, (1,1), which is also the submarginal point: [0.5, 1]. Every value's
 *     exclusive share is 0 (no value is strictly greater), so all are tier A whatever the
 *     thresholds; the numbers only describe the curve.
 *   - Empty B (kC = kA, e.g. two distinct values, or one value holding almost everything):
 *     tA < tB is required, so tA becomes the midpoint of (Y_{kA-1}, Y_kA) and tB the nudged
 *     Y_kA: nothing has an exclusive share in [tA, tB), so B stays empty as the method says.
 *   - Ties: equal values share one exclusive share, so a tie group straddling a border goes
 *     whole to the upper tier (the engine's rule, by design).
 */
/** Classic 80/95 ABC defaults: returned when there is nothing to compute from. */
const FALLBACK: [number, number] = [0.8, 0.95];
/** 1 - 32 units in the last place (relative), to stay strictly below an inclusive share. */
const NUDGE = 1 - 2 ** -48;

/**
 * posAsc: the positive customer values, sorted ascending (Float64Array, all > 0, may be empty, may contain ties).
 * Returns [tA, tB]: cumulative-share thresholds in (0, 1], tA < tB, for the tier rule used by the engine.
 */
export function computedAbcThresholds(posAsc: Float64Array): [number, number] {
  const n = posAsc.length;
  if (n === 0) return [FALLBACK[0], FALLBACK[1]];
  if (posAsc[0] === posAsc[n - 1]) return [0.5, 1];
  const total = positiveSum(posAsc);
  if (!(total > 0 && total < Infinity)) return [FALLBACK[0], FALLBACK[1]];

  // Break-even: kBE = number of values >= mean (binary search on the ascending array).
  const mean = total / n;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (posAsc[mid] >= mean) hi = mid;
    else lo = mid + 1;
  }
  const kBE = Math.min(n, Math.max(1, n - lo));

  // Walk the values from the largest down. State: i values taken, y = Y_i, yPrev = Y_{i-1},
  // s + c = compensated sum of the i largest values.
  let i = 0;
  let y = 0;
  let yPrev = 0;
  let s = 0;
  let c = 0;
  let yBE = 0;
  let yBEPrev = 0;

  // Phase 1: Pareto point, distance to (0,1); f(0) = 1.
  let best = 1;
  while (i < n) {
    const v = posAsc[n - 1 - i];
    const t = s + v;
    const c2 = c + (s >= v ? s - t + v : v - t + s);
    const yNext = (t + c2) / total;
    const x = (i + 1) / n;
    const r = 1 - yNext;
    const f = x * x + r * r;
    if (!(f < best)) break;
    best = f;
    s = t;
    c = c2;
    yPrev = y;
    y = yNext;
    i++;
    if (i === kBE) {
      yBE = y;
      yBEPrev = yPrev;
    }
  }
  const kP = i;
  const yP = y;
  const yPPrev = yPrev;

  // Phase 2: walk on to kB = max(kP, kBE) if the break-even point lies further right.
  const kB = Math.max(kP, kBE);
  while (i < kB) {
    const v = posAsc[n - 1 - i];
    const t = s + v;
    c += s >= v ? s - t + v : v - t + s;
    s = t;
    yPrev = y;
    y = (s + c) / total;
    i++;
  }
  if (kBE === kB) {
    yBE = y;
    yBEPrev = yPrev;
  }

  // Phase 3: submarginal point, distance to (kB/n, 1), starting at vertex kB.
  const rB = 1 - y;
  best = rB * rB;
  while (i < n) {
    const v = posAsc[n - 1 - i];
    const t = s + v;
    const c2 = c + (s >= v ? s - t + v : v - t + s);
    const yNext = (t + c2) / total;
    const dx = (i + 1 - kB) / n;
    const r = 1 - yNext;
    const f = dx * dx + r * r;
    if (!(f < best)) break;
    best = f;
    s = t;
    c = c2;
    yPrev = y;
    y = yNext;
    i++;
  }
  const kC = i;

  const kA = Math.min(kP, kBE);
  const yA = kA === kP ? yP : yBE;
  const yAPrev = kA === kP ? yPPrev : yBEPrev;

  let tA: number;
  let tB: number;
  if (kC > kA) {
    tA = below(yA, yAPrev);
    tB = kC === n ? 1 : below(y, yPrev);
  } else {
    // Empty B: no exclusive share may fall in [tA, tB).
    tB = below(yA, yAPrev);
    tA = (yAPrev + yA) / 2;
  }
  // Guards for sub-ulp gaps (a value below ~1e-14 of the total at a border): keep the contract.
  if (!(tB > 0 && tB <= 1)) tB = 1;
  if (!(tA > 0 && tA < tB)) tA = tB * NUDGE;
  return [tA, tB];
}

/**
 * Compensated (Neumaier) sum of positive values: the same operations, in the same order, as
 * neumaierSum in ./sum, so the same total; with every term positive the partial sum is never
 * negative and no Math.abs is needed. This step (here and in the walk above) stays written out:
 * ./sum's roundingError, with its Math.abs, measured 10–24% slower on 1,000,000 positive values
 * (0.94 against 0.84 ms). (Hot loops also avoid global lookups such as Math: inside a vm
 * context, as under jest, each one costs an interceptor call.)
 */
function positiveSum(a: Float64Array): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    const t = s + v;
    c += s >= v ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** A threshold in (yPrev, y], as close to y as rounding safely allows. */
function below(y: number, yPrev: number): number {
  const t = y * NUDGE;
  return t > yPrev / NUDGE ? t : (yPrev + y) / 2;
}
