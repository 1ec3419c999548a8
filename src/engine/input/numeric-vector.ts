/**
 * Reads a one-dimensional numeric argument into a Float64Array in one pass. Blank cells
 * become NaN: real NaN never survives parsing, so NaN is free to mean "blank" and no second
 * array is needed.
 *
 * A text that is not a number with a decimal point may be one with a decimal comma: only then
 * is the column's separator decided from its texts (decimal-separator.ts), and a decimal-comma
 * column is read again that way. A column that reads today is never scanned for it.
 */
import { fail } from "../errors";
import { columnSeparator, separatorEvidence } from "./decimal-separator";
import { DecimalSeparator, NumberStatus, readNumber } from "./numbers";
import { cellArgs, Orientation, Vector } from "./range";

export interface NumericVector {
  readonly arg: string;
  readonly orientation: Orientation;
  /** One entry per input cell; NaN where the cell was blank. */
  readonly values: Float64Array;
}

const BLANK = NaN;
export const isBlankNumber = (x: number): boolean => x !== x;

export function readNumericVector(v: Vector): NumericVector {
  const n = v.length;
  const values = new Float64Array(n);
  const box = new Float64Array(1);
  // The loops read the cells directly (see Vector.rows/cells); a finite number is the
  // overwhelmingly common case and is stored at once (x + 0 folds -0 into 0), anything else
  // goes through readNumber. The number is read and stored inside the array branch: merged
  // with the non-array case into one variable it would be boxed as a heap number per cell.
  const rows = v.rows;
  const cells = v.cells;
  let i = 0;
  if (rows) {
    for (; i < n; i++) {
      const row = rows[i];
      if (Array.isArray(row)) {
        const x: unknown = row[0];
        if (typeof x === "number" && x - x === 0) values[i] = x + 0;
        else if (!readOther(x, values, i, box)) break;
      } else if (!readOther(row, values, i, box)) break;
    }
  } else if (cells) {
    for (; i < n; i++) {
      const x = cells[i];
      if (typeof x === "number" && x - x === 0) values[i] = x + 0;
      else if (!readOther(x, values, i, box)) break;
    }
  } else {
    for (; i < n; i++) {
      const cell = v.at(i);
      if (typeof cell === "number" && cell - cell === 0) values[i] = cell === 0 ? 0 : cell;
      else if (!readOther(cell, values, i, box)) break;
    }
  }
  if (i < n) {
    const status = readNumber(v.at(i), box);
    if (status === NumberStatus.NotNumber && columnSeparator(separatorEvidence(v)) === "comma") return readAs(v, "comma");
    throw numberError(v, i, status);
  }
  return { arg: v.arg, orientation: v.orientation, values };
}

/** Every cell read with the given decimal separator (the slow path of a decimal-comma column). */
function readAs(v: Vector, decimal: DecimalSeparator): NumericVector {
  const values = new Float64Array(v.length);
  const box = new Float64Array(1);
  for (let i = 0; i < v.length; i++) {
    const status = readNumber(v.at(i), box, decimal);
    if (status === NumberStatus.Ok) values[i] = box[0];
    else if (status === NumberStatus.Blank) values[i] = BLANK;
    else throw numberError(v, i, status);
  }
  return { arg: v.arg, orientation: v.orientation, values };
}

/** Stores any cell other than a finite number; false when it is not a number (an error). */
function readOther(cell: unknown, values: Float64Array, i: number, box: Float64Array): boolean {
  const status = readNumber(cell, box);
  if (status === NumberStatus.Ok) values[i] = box[0];
  else if (status === NumberStatus.Blank) values[i] = BLANK;
  else return false;
  return true;
}

export function numberError(v: Vector, i: number, status: NumberStatus) {
  const key =
    status === NumberStatus.ErrorCell ? "error.errorCell" : status === NumberStatus.NotFinite ? "error.notFinite" : "error.notNumber";
  return fail("#VALUE!", key, cellArgs(v, i));
}
