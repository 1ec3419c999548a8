/**
 * KA.CHURN: churn probability (0–1) per row from a satisfaction level, in the orientation of
 * the satisfaction argument.
 *
 * Rules (README; the default table and its source are in ../churn.ts):
 * - Default table (seed 001, a rule of thumb): 1 very dissatisfied 80%, 2 dissatisfied 40%,
 *   3 neutral 20%, 4 satisfied 10%, 5 highly satisfied 1.5%.
 * - Satisfaction: a number (or numeric text) within the table's numeric levels, interpolated
 *   linearly between neighbouring levels (3.6 → 14%); outside → #VALUE! naming the row. Or a
 *   level name, case-, width- and space-insensitive: very dissatisfied / dissatisfied /
 *   neutral / satisfied (fairly satisfied) / highly satisfied (very satisfied); 极不满意 /
 *   不满意 / 一般 (中立) / 比较满意 (满意) / 高度满意 (非常满意). Unknown text → #VALUE!.
 * - Blank → "". A number 0 outside the table's numeric range is blank as well (old desktop
 *   builds pass empty cells as 0); with a table whose levels cover 0, 0 is a level.
 * - table (N×2: level, probability; a 2×N range with N ≠ 2 is read by columns) replaces the defaults
 *   entirely. Levels are numbers (interpolated, any order, distinct) or texts (matched after
 *   the same folding, distinct). Probabilities: "80%" text is 0.8; plain numbers follow the
 *   column percent rule (any above 1 → the whole column is percent, ÷ 100, up to 100;
 *   otherwise 0–1). Fully blank table rows are skipped; an all-blank table means the default.
 */
import { fail } from "../errors";
import { churnTableOf, DEFAULT_CHURN_TABLE, ChurnTable, levelKey, numericRangeOf } from "../churn";
import { Cell, describeCell, excelErrorOf, isBlank } from "../input/cells";
import { NumberStatus, readNumber } from "../input/numbers";
import { asRange, cellArgs, Orientation, positionArgs, rangeSize, shapeLike, vectorOf } from "../input/range";
import { applyPercentRule, isPercentText } from "../priority";
import { interpolate } from "../stats";

export function churnFormula(satisfaction: unknown, table?: unknown): unknown[][] {
  const v = vectorOf(satisfaction, "satisfaction");
  const custom = churnTableArg(table);
  const t = custom ?? DEFAULT_CHURN_TABLE;
  const [lo, hi] = numericRangeOf(t);
  const zeroIsBlank = !(0 >= lo && 0 <= hi);
  const levelKeyOfError = custom ? "error.churnTableLevel" : "error.churnLevel";
  const box = new Float64Array(1);
  const out = new Array<number | string>(v.length);
  for (let i = 0; i < v.length; i++) {
    const cell = v.at(i);
    const status = readNumber(cell, box);
    if (status === NumberStatus.Blank || (cell === 0 && zeroIsBlank)) {
      out[i] = "";
    } else if (status === NumberStatus.Ok) {
      const p = interpolate(t.levels, t.probabilities, box[0]);
      if (p === p) out[i] = p;
      else if (t.levels.length === 0) throw fail("#VALUE!", levelKeyOfError, cellArgs(v, i));
      else throw fail("#VALUE!", "error.valueOutOfRange", { ...cellArgs(v, i), min: lo, max: hi });
    } else if (status === NumberStatus.ErrorCell) {
      throw fail("#VALUE!", "error.errorCell", cellArgs(v, i));
    } else {
      const p = typeof cell === "string" ? t.names.get(levelKey(cell)) : undefined;
      if (p === undefined) throw fail("#VALUE!", levelKeyOfError, cellArgs(v, i));
      out[i] = p;
    }
  }
  return shapeLike(v, out);
}

/** The `table` argument as a churn table, or null when omitted or entirely blank. */
function churnTableArg(table: unknown): ChurnTable | null {
  if (table === null || table === undefined) return null;
  const r = asRange(table);
  const { rows, cols } = rangeSize(r);
  if (rows === 0 || cols === 0) return null;
  let entries: number;
  let at: (k: number, c: 0 | 1) => Cell;
  let orientation: Orientation; // orientation of the list of entries: "column" = one entry per row
  const cellOf = (i: number, j: number): Cell => {
    const row = r[i] as unknown;
    return Array.isArray(row) ? (row as Cell[])[j] : j === 0 ? row : undefined;
  };
  if (cols === 2) {
    entries = rows;
    at = (k, c) => cellOf(k, c);
    orientation = "column";
  } else if (rows === 2) {
    entries = cols;
    at = (k, c) => cellOf(c, k);
    orientation = "row";
  } else {
    let allBlank = true;
    for (let i = 0; i < rows && allBlank; i++) for (let j = 0; j < cols; j++) if (!isBlank(cellOf(i, j))) allBlank = false;
    if (allBlank) return null;
    throw fail("#VALUE!", "error.churnTableShape", { rows, cols });
  }

  const where = (k: number, cell: Cell) => ({ arg: "table", cell: describeCell(cell), ...positionArgs({ orientation }, k) });
  const box = new Float64Array(1);
  const numLevels: number[] = [];
  const numProbs: number[] = [];
  const nameKeys: string[] = [];
  const nameProbs: number[] = [];
  const probs: number[] = [];
  const probPct: number[] = [];
  const probCell: Cell[] = [];
  const probEntry: number[] = [];
  const isNumeric: boolean[] = [];
  const seenNum = new Set<number>();
  const seenName = new Set<string>();
  for (let k = 0; k < entries; k++) {
    const level = at(k, 0);
    const prob = at(k, 1);
    const levelBlank = isBlank(level);
    const probBlank = isBlank(prob);
    if (levelBlank && probBlank) continue;
    if (levelBlank || probBlank) throw fail("#VALUE!", "error.churnTableHalfBlank", where(k, levelBlank ? prob : level));
    if (excelErrorOf(level)) throw fail("#VALUE!", "error.errorCell", where(k, level));
    if (excelErrorOf(prob)) throw fail("#VALUE!", "error.errorCell", where(k, prob));
    const ls = readNumber(level, box);
    if (ls === NumberStatus.Ok) {
      const x = box[0];
      if (seenNum.has(x)) throw fail("#VALUE!", "error.churnTableDuplicate", where(k, level));
      seenNum.add(x);
      numLevels.push(x);
      isNumeric.push(true);
    } else {
      const key = levelKey(typeof level === "string" ? level : describeCell(level));
      if (seenName.has(key)) throw fail("#VALUE!", "error.churnTableDuplicate", where(k, level));
      seenName.add(key);
      nameKeys.push(key);
      isNumeric.push(false);
    }
    if (readNumber(prob, box) !== NumberStatus.Ok) throw fail("#VALUE!", "error.churnTableProbability", where(k, prob));
    probs.push(box[0]);
    probPct.push(isPercentText(prob) ? 1 : 0);
    probCell.push(prob);
    probEntry.push(k);
  }
  if (probs.length === 0) return null;
  const p = Float64Array.from(probs);
  applyPercentRule(p, Uint8Array.from(probPct));
  for (let e = 0; e < p.length; e++) {
    if (!(p[e] >= 0 && p[e] <= 1)) throw fail("#VALUE!", "error.churnTableProbability", where(probEntry[e], probCell[e]));
    if (isNumeric[e]) numProbs.push(p[e]);
    else nameProbs.push(p[e]);
  }
  const names = new Map<string, number>();
  nameKeys.forEach((key, i) => names.set(key, nameProbs[i]));
  const points = numLevels.map((level, i) => ({ level, probability: numProbs[i] }));
  return churnTableOf(points, names, "table argument");
}
