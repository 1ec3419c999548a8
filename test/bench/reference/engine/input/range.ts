// Reference copy of src/engine/input/range.ts as of d8297f3 (before the benchmark's hot-path work),
// for the equivalence test only. Do not edit.
/**
 * The shape of Excel ranges: custom functions get row-major `any[][]`; a one-dimensional
 * argument may come as a column (N×1) or a row (1×N) and the result must keep that
 * orientation. Everything here reads in place: a whole column is 1,048,576 cells.
 */
import { fail } from "../../../../../src/engine/errors";
import { Cell, CellRange, describeCell } from "../../../../../src/engine/input/cells";

export type Orientation = "column" | "row";

export interface Vector {
  readonly arg: string;
  readonly length: number;
  readonly orientation: Orientation;
  at(i: number): Cell;
}

/** Wraps whatever arrived (matrix, single value, null) as a matrix without copying matrices. */
export function asRange(v: unknown): CellRange {
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    return Array.isArray(v[0]) ? (v as CellRange) : [v as Cell[]];
  }
  return [[v]];
}

export function rangeSize(r: CellRange): { rows: number; cols: number } {
  let cols = 0;
  for (let i = 0; i < r.length; i++) {
    const row = r[i];
    const n = Array.isArray(row) ? row.length : 1;
    if (n > cols) cols = n;
    if (i > 64 && r.length > 1000) break; // rows of Excel ranges are uniform; only fuzzed input is ragged and short
  }
  return { rows: r.length, cols };
}

/** An argument that must be one column or one row. */
export function vectorOf(value: unknown, arg: string): Vector {
  const r = asRange(value);
  const { rows, cols } = rangeSize(r);
  if (rows === 0 || cols === 0) throw fail("#VALUE!", "error.empty", { arg });
  if (cols === 1) {
    return {
      arg,
      length: rows,
      orientation: "column",
      at: (i): Cell => {
        const row = r[i];
        return Array.isArray(row) ? row[0] : row;
      },
    };
  }
  if (rows === 1) {
    const row = r[0];
    return { arg, length: cols, orientation: "row", at: (i) => row[i] };
  }
  throw fail("#VALUE!", "error.notVector", { arg, rows, cols });
}

/** Optional vector argument: omitted arrives as null/undefined (or [[null]] on some hosts). */
export function optionalVectorOf(value: unknown, arg: string): Vector | null {
  if (value === null || value === undefined) return null;
  const r = asRange(value);
  if (r.length === 1 && Array.isArray(r[0]) && r[0].length <= 1 && (r[0][0] === null || r[0][0] === undefined)) return null;
  return vectorOf(r, arg);
}

export function positionArgs(v: { orientation: Orientation }, i: number): Record<string, string | number> {
  const posKey = v.orientation === "column" ? "position.row" : "position.column";
  return { posKey, posN: i + 1, pos: `${v.orientation === "column" ? "row" : "column"} ${i + 1}` };
}

export function cellArgs(v: Vector, i: number): Record<string, string | number> {
  return { arg: v.arg, cell: describeCell(v.at(i)), ...positionArgs(v, i) };
}

export function requireSameLength(a: Vector, b: Vector): void {
  if (a.length !== b.length) {
    throw fail("#VALUE!", "error.mismatch", { arg1: a.arg, n1: a.length, arg2: b.arg, n2: b.length });
  }
}

/** Shapes one result per input item back into the orientation of the input. */
export function shapeLike<T>(v: { orientation: Orientation }, items: T[]): T[][] {
  if (v.orientation === "row") return [items];
  const out = new Array<T[]>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = [items[i]];
  return out;
}

/** Rows of several columns per input item (KA.RISK), in the input's orientation. */
export function shapeRowsLike<T>(v: { orientation: Orientation }, rows: T[][]): T[][] {
  if (v.orientation === "column") return rows;
  const width = rows.length ? rows[0].length : 0;
  const out: T[][] = [];
  for (let c = 0; c < width; c++) out.push(rows.map((r) => r[c]));
  return out;
}

/** A plain array of cells (a file column) as a column vector, without copying it. */
export function columnVector(cells: readonly Cell[], arg: string): Vector {
  return { arg, length: cells.length, orientation: "column", at: (i) => cells[i] };
}
