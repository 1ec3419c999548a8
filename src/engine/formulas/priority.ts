/**
 * KA.PRIORITY: the seed-001 opportunity bucket per row (Act now / Go after / Wait for the
 * moment / Shelve), in the orientation of the size argument.
 *
 * Rules (README; the bucket rule and percent rule are in ../priority.ts):
 * - Large/likely means ≥ the cut. Default cuts: median size over the rows with both values;
 *   likelihood 0.5.
 * - Likelihood: "60%" (text with a percent sign) is 0.6. Plain numbers (or numbers stored as
 *   text): if any of them in the column is above 1, the whole column is read as percent
 *   (÷ 100) and must lie within 0–100; otherwise within 0–1. likelihood_cut: above 1 means
 *   percent. Outside the range → #VALUE! naming the row.
 * - size must not be negative (#VALUE! naming the row): an opportunity is not below zero.
 * - Blank row → "". A row whose two cells are both 0 is blank too (old desktop builds pass
 *   empty cells as 0; a zero-size, zero-chance opportunity is not one to rank). A row with
 *   only one value → #VALUE! naming the missing argument and row.
 */
import { text } from "../../strings";
import { fail } from "../errors";
import { describeCell } from "../input/cells";
import { NumberStatus, readNumber } from "../input/numbers";
import { numberError, readNumericVector } from "../input/numeric-vector";
import { cellArgs, requireSameLength, shapeLike, Vector, vectorOf } from "../input/range";
import { localeOf, optionalNumberOf } from "../input/scalars";
import {
  applyPercentRule,
  DEFAULT_LIKELIHOOD_CUT,
  isPercentText,
  likelihoodCutOf,
  NO_PRIORITY,
  PRIORITY_LABEL_KEYS,
  prioritise,
} from "../priority";
import { blankPairs } from "./matrix";

export function priorityFormula(
  size: unknown,
  likelihood: unknown,
  sizeCut?: unknown,
  likelihoodCut?: unknown,
  locale?: unknown,
): unknown[][] {
  const loc = localeOf(locale);
  const sv = vectorOf(size, "size");
  const lv = vectorOf(likelihood, "likelihood");
  requireSameLength(sv, lv);
  const sCut = optionalNumberOf(sizeCut, "size_cut");
  const lCutGiven = optionalNumberOf(likelihoodCut, "likelihood_cut");
  let lCut = DEFAULT_LIKELIHOOD_CUT;
  if (lCutGiven !== undefined) {
    lCut = likelihoodCutOf(lCutGiven);
    if (!(lCut >= 0 && lCut <= 1)) throw fail("#VALUE!", "error.likelihoodCut", { cell: describeCell(lCutGiven) });
  }
  const s = readNumericVector(sv).values;
  const { values: l, percentText } = readLikelihoods(lv);
  blankPairs(s, sv, l, lv);
  const percent = applyPercentRule(l, percentText);
  for (let i = 0; i < s.length; i++) {
    if (s[i] < 0) throw fail("#VALUE!", "error.negativeSize", cellArgs(sv, i));
    const x = l[i];
    if (x === x && !(x >= 0 && x <= 1)) {
      const range = percentText[i] ? "0%–100%" : percent ? "0–100" : "0–1";
      throw fail("#VALUE!", "error.likelihoodRange", { ...cellArgs(lv, i), range });
    }
  }
  const { buckets } = prioritise(s, l, sCut, lCut);
  const labels = PRIORITY_LABEL_KEYS.map((k) => text(loc, k));
  const out = new Array<string>(buckets.length);
  for (let i = 0; i < buckets.length; i++) out[i] = buckets[i] === NO_PRIORITY ? "" : labels[buckets[i]];
  return shapeLike(sv, out);
}

/** Likelihood cells as numbers (NaN = blank), with a flag for the ones written as "60%". */
function readLikelihoods(v: Vector): { values: Float64Array; percentText: Uint8Array } {
  const n = v.length;
  const values = new Float64Array(n);
  const percentText = new Uint8Array(n);
  const box = new Float64Array(1);
  for (let i = 0; i < n; i++) {
    const cell = v.at(i);
    const status = readNumber(cell, box);
    if (status === NumberStatus.Ok) {
      values[i] = box[0];
      if (isPercentText(cell)) percentText[i] = 1;
    } else if (status === NumberStatus.Blank) values[i] = NaN;
    else throw numberError(v, i, status);
  }
  return { values, percentText };
}
