/**
 * KA.MATRIX: the key-account portfolio quadrant per row (Strategic / Star / Status /
 * Streamline), in the orientation of the attractiveness argument.
 *
 * Rules (README):
 * - A value equal to its cut counts as high. Default cuts: the median of each axis over the
 *   rows that hold both values.
 * - A row blank on both axes gives "". A row whose two cells are both 0 is blank too: old
 *   desktop builds pass empty cells as 0, and counting those rows would drag the medians
 *   down. A single 0 is a value.
 * - A row with only one of the two values is #VALUE!, naming the missing argument and row.
 * - Any finite number is accepted on both axes (negative z-scores included); numbers stored
 *   as text are numbers; other text and error cells are #VALUE!.
 * - labels: 4 texts in the order Strategic, Star, Status, Streamline, overriding the names;
 *   otherwise the labels of `locale` ("en" default, "zh").
 */
import { list, Locale } from "../../strings";
import { fail } from "../errors";
import { excelErrorOf, isBlank } from "../input/cells";
import { readNumericVector } from "../input/numeric-vector";
import { asRange, cellArgs, requireSameLength, shapeLike, Vector, vectorOf } from "../input/range";
import { localeOf, optionalNumberOf } from "../input/scalars";
import { classifyPortfolio, NO_QUADRANT, QUADRANT_LABEL_KEYS } from "../matrix";

export function matrixFormula(
  attractiveness: unknown,
  strength: unknown,
  attractivenessCut?: unknown,
  strengthCut?: unknown,
  labels?: unknown,
  locale?: unknown,
): unknown[][] {
  const loc = localeOf(locale);
  const names = quadrantLabelsOf(labels, loc);
  const av = vectorOf(attractiveness, "attractiveness");
  const sv = vectorOf(strength, "strength");
  requireSameLength(av, sv);
  const aCut = optionalNumberOf(attractivenessCut, "attractiveness_cut");
  const sCut = optionalNumberOf(strengthCut, "strength_cut");
  const a = readNumericVector(av).values;
  const s = readNumericVector(sv).values;
  blankPairs(a, av, s, sv);
  const { quadrants } = classifyPortfolio(a, s, aCut, sCut);
  const out = new Array<string>(quadrants.length);
  for (let i = 0; i < quadrants.length; i++) out[i] = quadrants[i] === NO_QUADRANT ? "" : names[quadrants[i]];
  return shapeLike(av, out);
}

/** The four quadrant labels: the `labels` argument, or the locale's names. */
function quadrantLabelsOf(labels: unknown, locale: Locale): readonly string[] {
  const defaults = QUADRANT_LABEL_KEYS.map((k) => list(locale, k)[0]);
  if (labels === null || labels === undefined) return defaults;
  const cells: unknown[] = [];
  for (const row of asRange(labels)) {
    if (Array.isArray(row)) for (const c of row) cells.push(c);
    else cells.push(row);
  }
  // A trailing blank in a selected range is a selection artefact, not a missing label.
  while (cells.length > 0 && isBlank(cells[cells.length - 1])) cells.pop();
  if (cells.length === 0) return defaults;
  if (cells.length !== 4) throw fail("#VALUE!", "error.matrixLabels", { actual: cells.length });
  return cells.map((c, i) => {
    if (isBlank(c) || excelErrorOf(c)) throw fail("#VALUE!", "error.labelBlank", { n: i + 1 });
    return String(c).trim();
  });
}

/**
 * The blank rule of the two-column functions (MATRIX, PRIORITY, RISK), applied in place to
 * two aligned columns already read (NaN = blank): a row whose two cells are both 0 becomes
 * blank (old desktop builds deliver empty cells as 0); a row with exactly one blank cell is
 * #VALUE!, naming the blank argument, its row and the other argument.
 */
export function blankPairs(a: Float64Array, av: Vector, b: Float64Array, bv: Vector): void {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    const xBlank = x !== x;
    const yBlank = y !== y;
    if (xBlank !== yBlank) {
      const [missing, other] = xBlank ? [av, bv] : [bv, av];
      throw fail("#VALUE!", "error.rowHalfBlank", { ...cellArgs(missing, i), other: other.arg });
    }
    if (x === 0 && y === 0) {
      a[i] = NaN;
      b[i] = NaN;
    }
  }
}
