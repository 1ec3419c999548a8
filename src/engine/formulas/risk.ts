/**
 * KA.RISK: per row, two cells: score = likelihood × impact and its level (RISK_BANDS in
 * ../risk.ts: Low < 5 ≤ Medium < 10 ≤ High < 20 ≤ Critical). N×2 for a column input, 2×N for
 * a row input.
 *
 * Rules (README):
 * - likelihood and impact are on 1–5; decimals are allowed within [1, 5]; anything outside →
 *   #VALUE! naming the row. Numbers stored as text are numbers.
 * - Blank row → ["", ""]. A row whose two cells are both 0 is blank too (old desktop builds
 *   pass empty cells as 0; 0 is not on the scale). A row with only one value → #VALUE!
 *   naming the missing argument and row; a single 0 is outside 1–5.
 */
import { text } from "../../strings";
import { fail } from "../errors";
import { readNumericVector } from "../input/numeric-vector";
import { cellArgs, requireSameLength, shapeRowsLike, Vector, vectorOf } from "../input/range";
import { localeOf } from "../input/scalars";
import { isOnRiskScale, RISK_BANDS, RISK_SCALE, riskLevelOf, riskScore } from "../risk";
import { blankPairs } from "./matrix";

export function riskFormula(likelihood: unknown, impact: unknown, locale?: unknown): unknown[][] {
  const loc = localeOf(locale);
  const lv = vectorOf(likelihood, "likelihood");
  const iv = vectorOf(impact, "impact");
  requireSameLength(lv, iv);
  const l = readNumericVector(lv).values;
  const m = readNumericVector(iv).values;
  blankPairs(l, lv, m, iv);
  const labels = RISK_BANDS.map((b) => text(loc, b.key));
  const rows = new Array<unknown[]>(l.length);
  for (let i = 0; i < l.length; i++) {
    const a = l[i];
    const b = m[i];
    if (a !== a) {
      rows[i] = ["", ""];
      continue;
    }
    checkScale(lv, i, a);
    checkScale(iv, i, b);
    const score = riskScore(a, b);
    rows[i] = [score, labels[riskLevelOf(score)]];
  }
  return shapeRowsLike(lv, rows);
}

function checkScale(v: Vector, i: number, x: number): void {
  if (!isOnRiskScale(x)) throw fail("#VALUE!", "error.valueOutOfRange", { ...cellArgs(v, i), min: RISK_SCALE.min, max: RISK_SCALE.max });
}
