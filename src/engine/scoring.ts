/**
 * Weighted multi-criteria account score, 0–100 (KA.SCORE).
 *
 * Rules (README):
 * - Each criterion column is min–max normalised across the rows that have a value in it:
 *   (x − min) / (max − min), so the best account on a criterion gets 1 and the worst 0.
 *   Direction 1 means higher is better, −1 lower is better (the normalised value is flipped:
 *   1 − that).
 * - A constant column (max = min, including a single row) gives every row 0.5 on that
 *   criterion: it does not discriminate, so it is neutral rather than best or worst.
 * - Score = 100 × Σ wⱼ·nⱼ / Σ wⱼ over the criteria the row has a value for: weights are
 *   normalised to sum 1 and, for a row with some blank criteria, renormalised over its
 *   non-blank ones. A blank is never read as zero.
 * - A fully blank row has no score (the formula shows ""). A row whose only values are on
 *   criteria of weight 0 cannot be scored: reported as an error, never a silent zero.
 * - Zero is a value here (0 complaints is a real, often the best, value): only empty cells
 *   are blank.
 *
 * O(N·M) time, one Float64Array of N·M (column-major) and no per-row objects.
 */
import { minMax } from "./stats";

/** Criteria matrix: column-major, values[j * rows + i] is row i on criterion j; NaN = blank. */
export interface CriteriaMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
}

/** Score-row status beside a finite score. */
export const SCORE_BLANK = -1;
export const SCORE_ZERO_WEIGHT = -2;

export interface ScoreResult {
  /** 0–100 per row, or SCORE_BLANK / SCORE_ZERO_WEIGHT. */
  readonly scores: Float64Array;
}

/**
 * Min–max normalises one criterion column into out (same length; NaN kept for blanks).
 * direction 1: higher is better; −1: lower is better. Constant columns give 0.5.
 */
export function normaliseCriterion(column: ArrayLike<number>, direction: 1 | -1, out: Float64Array): void {
  const n = column.length;
  const [lo, hi] = minMax(column); // NaN, NaN for an all-blank column: no row reads it
  for (let i = 0; i < n; i++) out[i] = normaliseValue(column[i], lo, hi, direction);
}

/** One value of a column whose smallest and largest values are lo and hi (NaN stays NaN). */
function normaliseValue(x: number, lo: number, hi: number, direction: 1 | -1): number {
  if (x !== x) return NaN;
  if (!(hi > lo)) return 0.5;
  const span = hi - lo;
  // hi − lo overflows only for values near ±1.8e308: halve first.
  const t = span === Infinity ? (x / 2 - lo / 2) / (hi / 2 - lo / 2) : (x - lo) / span;
  return direction === 1 ? t : 1 - t;
}

/**
 * Scores every row. weights: one per criterion, ≥ 0, not all 0 (validated by the caller);
 * directions: one per criterion, 1 or −1.
 */
export function scoreAccounts(m: CriteriaMatrix, weights: ArrayLike<number>, directions: ArrayLike<number>): ScoreResult {
  const { rows, cols, values } = m;
  const num = new Float64Array(rows);
  const den = new Float64Array(rows);
  const seen = new Uint8Array(rows);
  const norm = new Float64Array(rows);
  // Scaling by the largest weight keeps Σw finite whatever the magnitudes (the ratio is unchanged).
  let wMax = 0;
  for (let j = 0; j < cols; j++) if (weights[j] > wMax) wMax = weights[j];
  for (let j = 0; j < cols; j++) {
    const w = wMax > 0 ? weights[j] / wMax : 0;
    normaliseCriterion(values.subarray(j * rows, (j + 1) * rows), directions[j] === -1 ? -1 : 1, norm);
    for (let i = 0; i < rows; i++) {
      const x = norm[i];
      if (x !== x) continue;
      seen[i] = 1;
      num[i] += w * x;
      den[i] += w;
    }
  }
  const scores = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    if (!seen[i]) {
      scores[i] = SCORE_BLANK;
      continue;
    }
    let n = num[i];
    let d = den[i];
    if (d < TINY) [n, d] = rescaledRow(m, weights, directions, i); // weights vanishing beside wMax
    if (!(d > 0)) scores[i] = SCORE_ZERO_WEIGHT;
    else {
      const r = n / d;
      scores[i] = 100 * (r < 0 ? 0 : r > 1 ? 1 : r);
    }
  }
  return { scores };
}

/** Below this Σw (weights scaled by the largest), w·x may have underflowed: recompute the row. */
const TINY = 2 ** -900;

/**
 * Σ w·x and Σ w of one row, with the weights scaled by the largest weight among the row's
 * non-blank criteria instead of the overall largest: a row whose criteria all have weights
 * 1e-300 times the largest (or subnormal ones) would otherwise underflow to a score of 0, or
 * to "no weight" when the scaled weights round to 0.
 */
function rescaledRow(m: CriteriaMatrix, weights: ArrayLike<number>, directions: ArrayLike<number>, i: number): [number, number] {
  const { rows, cols, values } = m;
  let wMax = 0;
  for (let j = 0; j < cols; j++) if (values[j * rows + i] === values[j * rows + i] && weights[j] > wMax) wMax = weights[j];
  if (wMax === 0) return [0, 0];
  let num = 0;
  let den = 0;
  for (let j = 0; j < cols; j++) {
    const x = values[j * rows + i];
    if (x !== x) continue;
    const [lo, hi] = minMax(values, j * rows, (j + 1) * rows);
    const w = weights[j] / wMax;
    num += w * normaliseValue(x, lo, hi, directions[j] === -1 ? -1 : 1);
    den += w;
  }
  return [num, den];
}
