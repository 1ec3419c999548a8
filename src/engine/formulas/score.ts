/**
 * KA.SCORE: a 0–100 weighted score per account (row), as an N×1 column.
 *
 * criteria is an N×M range (rows = accounts, columns = criteria; N×1 is one criterion),
 * weights holds M non-negative numbers (a row or a column; not all 0), directions holds M
 * values 1 (higher is better, the default) or −1 (lower is better).
 *
 * Rules (README; the arithmetic is in ../scoring.ts):
 * - Each criterion column is min–max normalised across the rows that have a value in it.
 * - Constant column (max = min): every row gets 0.5 on it (neutral, it does not discriminate).
 * - Score = 100 × weighted average of the normalised values, weights normalised to sum 1.
 * - Fully blank row → "". A row with some blank criteria is scored from its non-blank
 *   criteria, their weights renormalised to sum 1: a blank is never read as 0.
 * - A row whose only values sit on criteria of weight 0 → #VALUE! naming the row (it has no
 *   basis for a score; a silent 0 or "" would hide that).
 * - 0 is a value in criteria (0 complaints is real data), not a blank.
 * - Numbers stored as text are numbers; other text or an error cell → #VALUE! naming row and
 *   column. Weight count ≠ M, a blank or negative weight, all-zero weights, a direction
 *   count ≠ M or a direction other than 1/−1 → #VALUE! with a message.
 */
import { fail } from "../errors";
import { Cell, describeCell } from "../input/cells";
import { NumberStatus, readNumber } from "../input/numbers";
import { numberError } from "../input/numeric-vector";
import { asRange, cellArgs, optionalVectorOf, positionArgs, rangeSize, vectorOf } from "../input/range";
import { CriteriaMatrix, SCORE_BLANK, SCORE_ZERO_WEIGHT, scoreAccounts } from "../scoring";

export function scoreFormula(criteria: unknown, weights: unknown, directions?: unknown): unknown[][] {
  const m = readCriteria(criteria);
  const w = readWeights(weights, m.cols);
  const d = readDirections(directions, m.cols);
  const { scores } = scoreAccounts(m, w, d);
  const out = new Array<unknown[]>(m.rows);
  for (let i = 0; i < m.rows; i++) {
    const s = scores[i];
    if (s === SCORE_ZERO_WEIGHT) {
      throw fail("#VALUE!", "error.scoreZeroWeightRow", { arg: "criteria", ...positionArgs({ orientation: "column" }, i) });
    }
    out[i] = [s === SCORE_BLANK ? "" : s];
  }
  return out;
}

function readCriteria(criteria: unknown): CriteriaMatrix {
  const r = asRange(criteria);
  const { rows, cols } = rangeSize(r);
  if (rows === 0 || cols === 0) throw fail("#VALUE!", "error.empty", { arg: "criteria" });
  const values = new Float64Array(rows * cols);
  const box = new Float64Array(1);
  for (let i = 0; i < rows; i++) {
    const row = r[i] as unknown;
    const isRow = Array.isArray(row);
    for (let j = 0; j < cols; j++) {
      const cell: Cell = isRow ? (row as Cell[])[j] : j === 0 ? row : undefined;
      const k = j * rows + i;
      if (typeof cell === "number" && cell - cell === 0) {
        values[k] = cell === 0 ? 0 : cell;
        continue;
      }
      const status = readNumber(cell, box);
      if (status === NumberStatus.Ok) values[k] = box[0];
      else if (status === NumberStatus.Blank) values[k] = NaN;
      else {
        const key = status === NumberStatus.ErrorCell ? "error.criteriaErrorCell" : "error.criteriaNotNumber";
        throw fail("#VALUE!", key, {
          arg: "criteria",
          cell: describeCell(cell),
          ...positionArgs({ orientation: "column" }, i),
          col: j + 1,
        });
      }
    }
  }
  return { rows, cols, values };
}

function readWeights(weights: unknown, cols: number): Float64Array {
  const v = vectorOf(weights, "weights");
  if (v.length !== cols) throw fail("#VALUE!", "error.weightCount", { expected: cols, actual: v.length });
  const w = new Float64Array(cols);
  const box = new Float64Array(1);
  let any = false;
  for (let j = 0; j < cols; j++) {
    const status = readNumber(v.at(j), box);
    if (status === NumberStatus.Blank) throw fail("#VALUE!", "error.weightBlank", cellArgs(v, j));
    if (status !== NumberStatus.Ok) throw numberError(v, j, status);
    if (box[0] < 0) throw fail("#VALUE!", "error.weightNegative", cellArgs(v, j));
    w[j] = box[0];
    if (box[0] > 0) any = true;
  }
  if (!any) throw fail("#VALUE!", "error.weightsZero", {});
  return w;
}

function readDirections(directions: unknown, cols: number): Int8Array {
  const d = new Int8Array(cols).fill(1);
  const v = optionalVectorOf(directions, "directions");
  if (!v) return d;
  if (v.length !== cols) throw fail("#VALUE!", "error.directionCount", { expected: cols, actual: v.length });
  const box = new Float64Array(1);
  for (let j = 0; j < cols; j++) {
    const status = readNumber(v.at(j), box);
    if (status !== NumberStatus.Ok || (box[0] !== 1 && box[0] !== -1)) {
      throw fail("#VALUE!", "error.direction", cellArgs(v, j));
    }
    d[j] = box[0];
  }
  return d;
}
