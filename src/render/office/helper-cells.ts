/**
 * Hidden helper columns right of a sheet's content, for what Excel needs in cells: drop-down
 * lists that cannot be written inline and the points of chart reference lines.
 */
import { a1, isFormula, type Block, type Cell, type ChartDef, type RangeRef, type SheetModel } from "../../sheets/model";
import { blockWidth, opSize } from "./block-writes";
import { encodeLiteral, jsonBytes } from "./encode";
import type { WriteOp } from "./write-ops";

/** A helper cell that follows a model cell: its formula in A1 and R1C1 (absolute, same sheet). */
export interface LinkedValue {
  readonly formula: string;
  readonly r1c1: string;
}

/** The reference line's value as a formula over its model cell, or the number when it has none. */
export function lineValue(def: ChartDef, index: number, value: number): number | LinkedValue {
  const cell = def.referenceCells?.[index];
  if (!cell) return value;
  return { formula: "=" + a1(cell.row, cell.col, true), r1c1: `=R${cell.row + 1}C${cell.col + 1}` };
}

/** Exclusive column end of everything the model places on the sheet. */
export function modelExtent(model: SheetModel): number {
  let end = 0;
  const see = (range: RangeRef | undefined): void => {
    if (range) end = Math.max(end, range.col + range.cols);
  };
  for (const block of model.blocks) end = Math.max(end, block.col + blockWidth(block));
  model.merges?.forEach(see);
  model.tables?.forEach((table) => see(table.range));
  model.conditionalFormats?.forEach((format) => see(format.range));
  model.validations?.forEach((validation) => see(validation.range));
  model.names?.forEach((name) => see(name.range));
  for (const chart of model.charts ?? []) {
    for (const series of chart.series) {
      see(series.categories);
      see(series.values);
      see(series.sizes);
    }
  }
  return Math.max(end, model.columnWidths?.length ?? 0);
}

/** Value of the model cell at sheet (row, col): literal, or the engine's value of a formula. */
export function modelValueLookup(model: SheetModel): (row: number, col: number) => Cell {
  const inside = (block: Block, row: number, col: number): boolean =>
    row >= block.row &&
    col >= block.col &&
    row - block.row < block.cells.length &&
    col - block.col < (block.cells[row - block.row]?.length ?? 0);
  return (row, col) => {
    for (let index = model.blocks.length - 1; index >= 0; index--) {
      const block = model.blocks[index];
      if (!inside(block, row, col)) continue;
      const cell = block.cells[row - block.row][col - block.col];
      return isFormula(cell) ? cell.v : cell;
    }
    return null;
  };
}

export class HelperArea {
  private next: number;
  readonly first: number;
  readonly ops: WriteOp[] = [];
  constructor(extent: number) {
    this.first = extent + 1; // one empty column between the content and the helpers
    this.next = this.first;
  }
  get used(): boolean {
    return this.next > this.first;
  }
  get last(): number {
    return this.next - 1;
  }
  /**
   * Places a rectangle of literal values, or of formulas over one cell ({ formula: "=$X$8" }:
   * chart lines that follow a cell); returns its range.
   */
  cells(values: readonly (readonly (string | number | LinkedValue)[])[]): RangeRef {
    const col = this.next;
    const cols = values[0]?.length ?? 1;
    this.next += cols;
    const rect = { row: 0, col, rows: values.length, cols };
    const linked = values.some((row) => row.some((value) => typeof value === "object"));
    const rows = values.map((row) => row.map((value) => (typeof value === "object" ? value.formula : encodeLiteral(value))));
    this.ops.push({ kind: "cells", rect, prop: linked ? "formulas" : "values", rows, rowBytes: rows.map((row) => jsonBytes(row) + 1) });
    return rect;
  }
  /** A column of `rows` copies of one number, or of one formula over a cell (one scalar write). */
  constant(value: number | LinkedValue, rows: number): RangeRef {
    const col = this.next++;
    const rect = { row: 0, col, rows: Math.max(1, rows), cols: 1 };
    if (typeof value === "object") {
      this.ops.push({ kind: "scalar", rect, prop: "formulasR1C1", value: value.r1c1, bytes: opSize(jsonBytes(value.r1c1)) });
    } else this.ops.push({ kind: "scalar", rect, prop: "values", value, bytes: opSize(jsonBytes(value)) });
    return rect;
  }
}
