// Reference copy of src/engine/input/numeric-vector.ts as of d8297f3 (before the benchmark's hot-path work),
// for the equivalence test only. Do not edit.
/**
 * Reads a one-dimensional numeric argument into a Float64Array in one pass. Blank cells
 * become NaN: real NaN never survives parsing, so NaN is free to mean "blank" and no second
 * array is needed.
 */
import { fail } from "../../../../../src/engine/errors";
import { NumberStatus, readNumber } from "../../../../../src/engine/input/numbers";
import { cellArgs, Orientation, Vector } from "./range";

export interface NumericVector {
  readonly arg: string;
  readonly orientation: Orientation;
  /** One entry per input cell; NaN where the cell was blank. */
  readonly values: Float64Array;
}

export const BLANK = NaN;
export const isBlankNumber = (x: number): boolean => x !== x;

export function readNumericVector(v: Vector): NumericVector {
  const n = v.length;
  const values = new Float64Array(n);
  const box = new Float64Array(1);
  for (let i = 0; i < n; i++) {
    const cell = v.at(i);
    // Fast path: a finite number, the overwhelmingly common case.
    if (typeof cell === "number" && cell - cell === 0) {
      values[i] = cell === 0 ? 0 : cell;
      continue;
    }
    const status = readNumber(cell, box);
    if (status === NumberStatus.Ok) values[i] = box[0];
    else if (status === NumberStatus.Blank) values[i] = BLANK;
    else throw numberError(v, i, status);
  }
  return { arg: v.arg, orientation: v.orientation, values };
}

export function numberError(v: Vector, i: number, status: NumberStatus) {
  const key =
    status === NumberStatus.ErrorCell ? "error.errorCell" : status === NumberStatus.NotFinite ? "error.notFinite" : "error.notNumber";
  return fail("#VALUE!", key, cellArgs(v, i));
}
