/**
 * The writes of one model block: its cells, then its number formats, styles and alignment.
 *
 * Cells: a run of ≥ MIN_RUN vertically adjacent formula cells that are the same formula in R1C1
 * (relative to each cell, checked by converting back to the exact A1 text) becomes ONE
 * `formulasR1C1` scalar on the run's column range — constant size whatever the row count; every
 * other cell is sent in per-cell 2D arrays (`values`, or `formulas` when the rectangle holds a
 * formula), one rectangle per band of rows with the same runs layout; the executor splits them
 * into row chunks that fit the request budget. Empty rectangles are not sent.
 *
 * Formats: number formats one scalar per block column (adjacent equal formats merged), styles one
 * set of format properties per block range: constant in the row count. A dynamic-array formula's
 * spill area takes its block's style and number format (only the formula's own cell is written,
 * Excel spills it).
 */
import { isFormula, type Block, type Cell, type HorizontalAlignment } from "../../sheets/model";
import { MAX_COLS } from "../../excel/limits";
import { encodeLiteral, jsonBytes, OP_OVERHEAD, type ExcelScalar } from "./encode";
import { a1ToR1C1, compileR1C1, r1c1ToA1 } from "./r1c1";
import { STYLES, type FormatSetting } from "./styles";
import type { CellsOp, WriteOp } from "./write-ops";

/** Shortest run of equal R1C1 formulas written as one scalar (shorter runs go per cell). */
const MIN_RUN = 3;

/** The bytes of an operation with `extra` bytes of arguments. */
export const opSize = (extra = 0): number => OP_OVERHEAD + extra;

/** Rows `first`…`last` of one block column holding the same R1C1 formula. */
interface FormulaRun {
  readonly col: number;
  readonly first: number;
  readonly last: number;
  readonly r1c1: string;
}

/** R1C1 form of a formula cell at sheet (row, col), or null if it must be written per cell. */
function relativeForm(formula: string, row: number, col: number): string | null {
  const r1c1 = a1ToR1C1(formula, row, col);
  if (r1c1 === null) return null;
  return r1c1ToA1(r1c1, row, col) === formula ? r1c1 : null;
}

function cellAt(block: Block, row: number, col: number): Cell {
  const cells = block.cells[row];
  return cells && col < cells.length ? cells[col] : null;
}

export function blockWidth(block: Block): number {
  let width = 0;
  for (const cells of block.cells) width = Math.max(width, cells.length);
  return width;
}

/** The run of equal R1C1 formulas starting at `row` of a block column: its end (exclusive). */
function runEnd(block: Block, row: number, col: number, r1c1: string): number {
  // A later cell continues the run when the run's R1C1 formula, read at that cell, is exactly
  // the cell's A1 formula (what Excel will store there).
  const formulaAt = compileR1C1(r1c1);
  let end = row + 1;
  while (formulaAt && end < block.cells.length) {
    const next = cellAt(block, end, col);
    if (!isFormula(next) || next.spill || formulaAt(block.row + end, block.col + col) !== next.f) break;
    end++;
  }
  return end;
}

function findRuns(block: Block, width: number): FormulaRun[] {
  const runs: FormulaRun[] = [];
  for (let col = 0; col < width; col++) {
    let row = 0;
    while (row < block.cells.length) {
      const cell = cellAt(block, row, col);
      // A dynamic-array formula is written alone, never as part of a run (Excel spills it).
      const form = isFormula(cell) && !cell.spill ? relativeForm(cell.f, block.row + row, block.col + col) : null;
      if (form === null) {
        row++;
        continue;
      }
      const end = runEnd(block, row, col, form);
      if (end - row >= MIN_RUN) runs.push({ col, first: row, last: end - 1, r1c1: form });
      row = end;
    }
  }
  return runs;
}

/** The per-cell write of block rows `firstRow`…`lastRow`, columns `firstCol`…`lastCol`; null when all empty. */
function cellsOp(block: Block, firstRow: number, lastRow: number, firstCol: number, lastCol: number): CellsOp | null {
  const rows: ExcelScalar[][] = [];
  const rowBytes: number[] = [];
  let anyFormula = false;
  let anyContent = false;
  for (let row = firstRow; row <= lastRow; row++) {
    const out: ExcelScalar[] = [];
    for (let col = firstCol; col <= lastCol; col++) {
      const cell = cellAt(block, row, col);
      if (isFormula(cell)) {
        anyFormula = true;
        out.push("=" + cell.f);
      } else {
        const value = encodeLiteral(cell);
        if (value !== "") anyContent = true;
        out.push(value);
      }
    }
    rows.push(out);
    rowBytes.push(jsonBytes(out) + 1);
  }
  if (!anyFormula && !anyContent) return null;
  return {
    kind: "cells",
    rect: { row: block.row + firstRow, col: block.col + firstCol, rows: lastRow - firstRow + 1, cols: lastCol - firstCol + 1 },
    prop: anyFormula ? "formulas" : "values",
    rows,
    rowBytes,
  };
}

/** Per-cell writes of one band of rows (same runs layout): one rectangle per stretch of columns outside the runs. */
function bandWrites(block: Block, firstRow: number, lastRow: number, layout: string): WriteOp[] {
  const ops: WriteOp[] = [];
  let col = 0;
  while (col < layout.length) {
    if (layout[col] === "1") {
      col++;
      continue;
    }
    let lastCol = col;
    while (lastCol + 1 < layout.length && layout[lastCol + 1] === "0") lastCol++;
    const op = cellsOp(block, firstRow, lastRow, col, lastCol);
    if (op) ops.push(op);
    col = lastCol + 1;
  }
  return ops;
}

/** The content writes of one block: per-cell rectangles, then the formula-run scalars. */
export function blockContentWrites(block: Block): WriteOp[] {
  const height = block.cells.length;
  const width = blockWidth(block);
  if (height === 0 || width === 0) return [];
  if (block.row < 0 || block.col < 0 || block.col + width > MAX_COLS)
    throw new RangeError(`block at (${block.row}, ${block.col}) lies outside the sheet`);
  const runs = findRuns(block, width);
  const covered = new Uint8Array(height * width);
  for (const run of runs) for (let row = run.first; row <= run.last; row++) covered[row * width + run.col] = 1;
  /** Which columns of a row belong to a run ("0110"). */
  const layoutOf = (row: number): string => Array.from(covered.subarray(row * width, (row + 1) * width)).join("");

  const ops: WriteOp[] = [];
  let bandStart = 0;
  while (bandStart < height) {
    const layout = layoutOf(bandStart);
    let bandEnd = bandStart;
    while (bandEnd + 1 < height && layoutOf(bandEnd + 1) === layout) bandEnd++;
    ops.push(...bandWrites(block, bandStart, bandEnd, layout));
    bandStart = bandEnd + 1;
  }
  for (const run of runs) {
    const value = "=" + run.r1c1;
    const rect = { row: block.row + run.first, col: block.col + run.col, rows: run.last - run.first + 1, cols: 1 };
    ops.push({ kind: "scalar", rect, prop: "formulasR1C1", value, bytes: opSize(jsonBytes(value)) });
  }
  return ops;
}

const HORIZONTAL: Readonly<Record<HorizontalAlignment, string>> = { left: "Left", center: "Center", right: "Right" };

/** Stretches of adjacent equal, set entries of a per-column list: [first, last, value]. */
function stretches<T>(values: readonly (T | null | undefined)[], width: number): [number, number, T][] {
  const out: [number, number, T][] = [];
  const end = Math.min(width, values.length);
  let col = 0;
  while (col < end) {
    const value = values[col];
    if (value === null || value === undefined) {
      col++;
      continue;
    }
    let last = col;
    while (last + 1 < end && values[last + 1] === value) last++;
    out.push([col, last, value]);
    col = last + 1;
  }
  return out;
}

/** Style settings of a block: its named style, plus wrapping (vertically centred unless the style says). */
function styleSettings(block: Block): FormatSetting[] {
  const settings: FormatSetting[] = [...(block.style ? STYLES[block.style] : [])];
  if (block.wrap) settings.push(["wrapText", true]);
  if (block.wrap && !settings.some(([path]) => path === "verticalAlignment")) settings.push(["verticalAlignment", "Center"]);
  return settings;
}

/** Spill areas (beyond the formula's own cell) look like the formula's cell. */
function spillFormatWrites(block: Block, width: number): WriteOp[] {
  const ops: WriteOp[] = [];
  const formats = block.numberFormats ?? [];
  const align = block.align ?? [];
  block.cells.forEach((_, row) => {
    for (let col = 0; col < width; col++) {
      const cell = cellAt(block, row, col);
      if (!isFormula(cell) || !cell.spill || cell.spill.rows * cell.spill.cols <= 1) continue;
      const area = { row: block.row + row, col: block.col + col, rows: cell.spill.rows, cols: cell.spill.cols };
      const format = formats[col];
      if (format) ops.push({ kind: "scalar", rect: area, prop: "numberFormat", value: format, bytes: opSize(jsonBytes(format)) });
      const alignment = align[col];
      const look: FormatSetting[] = [...(block.style ? STYLES[block.style] : [])];
      if (alignment) look.push(["horizontalAlignment", HORIZONTAL[alignment]]);
      if (look.length > 0) ops.push({ kind: "format", rect: area, settings: look, bytes: opSize(look.length * 200) });
    }
  });
  return ops;
}

/** Number formats (one scalar per run of equal adjacent column formats), style, wrap and alignment of a block. */
export function blockFormatWrites(block: Block): WriteOp[] {
  const height = block.cells.length;
  const width = blockWidth(block);
  if (height === 0 || width === 0) return [];
  const ops: WriteOp[] = [];
  const columns = (first: number, last: number) => ({ row: block.row, col: block.col + first, rows: height, cols: last - first + 1 });
  for (const [first, last, format] of stretches(block.numberFormats ?? [], width)) {
    ops.push({ kind: "scalar", rect: columns(first, last), prop: "numberFormat", value: format, bytes: opSize(jsonBytes(format)) });
  }
  const settings = styleSettings(block);
  if (settings.length > 0) ops.push({ kind: "format", rect: columns(0, width - 1), settings, bytes: opSize(settings.length * 200) });
  for (const [first, last, alignment] of stretches(block.align ?? [], width)) {
    ops.push({
      kind: "format",
      rect: columns(first, last),
      settings: [["horizontalAlignment", HORIZONTAL[alignment]]],
      bytes: opSize(200),
    });
  }
  ops.push(...spillFormatWrites(block, width));
  return ops;
}
