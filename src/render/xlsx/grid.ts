/**
 * A sheet's cells once all model blocks are laid down (later blocks win), keyed by position,
 * and their values as ExcelJS writes them. Every range the model names is checked against
 * Excel's sheet size first.
 */
import type ExcelJS from "exceljs";
import {
  a1,
  a1Range,
  isFormula,
  type Cell,
  type HorizontalAlignment,
  type Literal,
  type RangeRef,
  type SheetModel,
  type StyleName,
} from "../../sheets/model";
import { MAX_COLS, MAX_ROWS } from "../../excel/limits";
import { storedFormula } from "./formula";
import { encodeOoxmlString, truncateForCell } from "./text";

/** One cell of the grid with the look of the block it came from. */
interface Entry {
  cell: Cell;
  style?: StyleName;
  numFmt?: string | null;
  wrap?: boolean;
  align?: HorizontalAlignment | null;
}

export type Grid = Map<number, Entry>;

/** The grid key of a cell. */
export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

/** The (row, col) of a grid key. */
export const cellOfKey = (key: number): { row: number; col: number } => ({ row: Math.floor(key / MAX_COLS), col: key % MAX_COLS });

export function checkRange(range: RangeRef, what: string): void {
  const { row, col, rows, cols } = range;
  const whole = [row, col, rows, cols].every(Number.isInteger);
  const inside = row >= 0 && col >= 0 && rows >= 1 && cols >= 1 && row + rows <= MAX_ROWS && col + cols <= MAX_COLS;
  if (!whole || !inside) throw new Error(`xlsx renderer: ${what} has an invalid range ${JSON.stringify(range)}`);
}

export const overlaps = (one: RangeRef, other: RangeRef): boolean =>
  one.row < other.row + other.rows && other.row < one.row + one.rows && one.col < other.col + other.cols && other.col < one.col + one.cols;

/** A spill area takes the anchor's look (its cells stay empty). */
function claimSpillArea(grid: Grid, row: number, col: number, entry: Entry, spill: { rows: number; cols: number }): void {
  for (let down = 0; down < spill.rows; down++) {
    for (let across = 0; across < spill.cols; across++) {
      const key = cellKey(row + down, col + across);
      if ((down || across) && !grid.has(key)) grid.set(key, { ...entry, cell: null });
    }
  }
}

/** The model's cells of one sheet after all blocks are laid down (later blocks win). */
export function layOut(sheet: SheetModel): Grid {
  const grid: Grid = new Map();
  sheet.blocks.forEach((block, blockIndex) => {
    block.cells.forEach((cells, down) =>
      cells.forEach((cell, across) => {
        const row = block.row + down;
        const col = block.col + across;
        if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) {
          throw new Error(`xlsx renderer: sheet "${sheet.name}", block ${blockIndex} writes outside the sheet at (${row}, ${col})`);
        }
        const numFmt = block.numberFormats?.[across] ?? null;
        const entry: Entry = { cell, style: block.style, numFmt, wrap: block.wrap, align: block.align?.[across] ?? null };
        grid.set(cellKey(row, col), entry);
        if (isFormula(cell) && cell.spill) claimSpillArea(grid, row, col, entry, cell.spill);
      }),
    );
  });
  return grid;
}

/** The spill area of a dynamic-array formula cell at (row, col), or undefined. */
export function spillOf(cell: Cell, row: number, col: number, sheetName: string): RangeRef | undefined {
  if (!isFormula(cell) || !cell.spill) return undefined;
  const area: RangeRef = { row, col, rows: cell.spill.rows, cols: cell.spill.cols };
  checkRange(area, `the spill area of the formula at ${a1(row, col)} on sheet "${sheetName}"`);
  return area;
}

export const valueOf = (cell: Cell | undefined): Literal | undefined => (cell === undefined ? undefined : isFormula(cell) ? cell.v : cell);

/** A literal as an ExcelJS value; strings always as text. */
function literalValue(value: Literal): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === "string") return encodeOoxmlString(truncateForCell(value));
  if (typeof value === "number") return Number.isFinite(value) ? value : ({ error: "#NUM!" } as unknown as ExcelJS.CellErrorValue);
  return value;
}

/** A cell as an ExcelJS value: a formula with its cached result (when `cache`), or the literal. */
export function cellValue(cell: Cell, cache: boolean, spill?: RangeRef): ExcelJS.CellValue {
  if (!isFormula(cell)) return literalValue(cell);
  const formula = storedFormula(cell.f);
  // A dynamic array: an array formula over its spill area (cm="1" is added when post-processing).
  const array = spill ? { shareType: "array", ref: a1Range(spill) } : {};
  if (!cache || cell.v === null || cell.v === undefined || (typeof cell.v === "number" && !Number.isFinite(cell.v))) {
    return { formula, ...array };
  }
  const result = typeof cell.v === "string" ? encodeOoxmlString(truncateForCell(cell.v)) : cell.v;
  return { formula, result, ...array };
}
