/**
 * The sheet kit: number formats, cell helpers and SheetBuilder, which collects what a sheet
 * holds (blocks, widths, merges, names, tables, formats, validations, charts) and refuses two
 * blocks on the same cells. Builders place blocks at fixed rows (the contribution sheet, the
 * matrix) or write row by row from a cursor (the account plan, the risk register).
 *
 * Conventions for builders:
 * - Portable mode: every computed figure is a native Excel formula ({f, v}) over cells of the
 *   same sheet, with the engine's value in v. Only functions Excel and LibreOffice both have;
 *   no dynamic arrays, no names inside formulas (renderers may rename named ranges), absolute
 *   A1 references to input cells instead.
 * - A formula's value is a finite number, a text, a boolean or null: fx refuses NaN and
 *   ±Infinity (a figure the data lacks is stated as the "" the formula gives, see orBlank).
 * - Text from the data goes into cells as plain strings, never into formula text.
 * - Builders are pure: same input, same model (dates come in as options).
 */
import { fitColumnWidths, WidthLimits } from "./column-widths";
import {
  a1,
  Block,
  Cell,
  ChartDef,
  ConditionalFormat,
  FormulaCell,
  HorizontalAlignment,
  ListValidation,
  Literal,
  NamedRange,
  PrintSetup,
  RangeRef,
  SheetModel,
  StyleName,
  TableDef,
} from "./model";

/** The number formats of the sheets (Excel format codes). */
export const FORMAT = {
  money: "#,##0.00",
  /** Whole amounts (the plan and the risk register). */
  wholeMoney: "#,##0",
  percent: "0.0%",
  wholePercent: "0%",
  integer: "0",
  count: "#,##0",
  hours: "#,##0.0",
  score: "0.0",
  satisfaction: "0.00",
  number: "#,##0.00",
  ratio: "0.000",
  date: "yyyy-mm-dd",
} as const;

export const range = (row: number, col: number, rows = 1, cols = 1): RangeRef => ({ row, col, rows, cols });

/** Absolute address of a cell: $C$7. */
export const abs = (row: number, col: number): string => a1(row, col, true);

/** A formula cell; v must be a finite number, text, a boolean or null. */
export function fx(f: string, v: Literal): FormulaCell {
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`formula ${f}: expected value ${v} is not finite`);
  return { f, v };
}

/** A per-customer number as a cell: NaN (no value) is a blank cell, never 0. */
export const numberOrBlank = (x: number): Cell => (x === x ? x : null);

/** The expected value of a formula that gives "" where the data has no figure (NaN). */
export const orBlank = (x: number): number | "" => (x === x ? x : "");

const overlaps = (a: RangeRef, b: RangeRef) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

export interface BlockOptions {
  readonly style?: StyleName;
  readonly numberFormats?: readonly (string | null)[];
  readonly wrap?: boolean;
  readonly align?: readonly (HorizontalAlignment | null)[];
}

/** What build() adds to the collected parts. */
export interface SheetHead {
  readonly key: string;
  readonly name: string;
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly tabColor?: string;
  readonly print?: PrintSetup;
}

/** Collects what a sheet holds; every block and reserved area is checked against the others. */
export class SheetBuilder {
  /** The cursor of row-by-row writing (line, header, skip). */
  row = 0;
  private readonly blocks: Block[] = [];
  private readonly taken: { range: RangeRef; what: string }[] = [];
  private readonly widths: number[] = [];
  readonly merges: RangeRef[] = [];
  readonly tables: TableDef[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly validations: ListValidation[] = [];
  readonly names: NamedRange[] = [];
  readonly charts: ChartDef[] = [];

  /** Marks cells as used without writing them (a spill area, a chart's anchor). */
  reserve(area: RangeRef, what: string): RangeRef {
    for (const t of this.taken) if (overlaps(t.range, area)) throw new Error(`sheet layout: ${what} overlaps ${t.what}`);
    this.taken.push({ range: area, what });
    return area;
  }

  /** Writes a rectangle of cells; returns its range. Rows must have equal lengths. */
  block(row: number, col: number, cells: readonly (readonly Cell[])[], options: BlockOptions = {}): RangeRef {
    const cols = cells.length > 0 ? cells[0].length : 0;
    if (cells.length === 0 || cols === 0) throw new Error("sheet layout: empty block");
    for (const r of cells) if (r.length !== cols) throw new Error("sheet layout: ragged block");
    if (options.numberFormats && options.numberFormats.length !== cols) throw new Error("sheet layout: one number format per column");
    if (options.align && options.align.length !== cols) throw new Error("sheet layout: one alignment per column");
    const area = this.reserve(range(row, col, cells.length, cols), `block at ${a1(row, col)}`);
    this.push(row, col, cells, options);
    return area;
  }

  /**
   * A dynamic-array formula (live KA.* functions) and the area it spills to: the whole area
   * is reserved, only the anchor cell is written.
   */
  spill(
    row: number,
    col: number,
    cell: FormulaCell & { readonly spill: { readonly rows: number; readonly cols: number } },
    options: BlockOptions = {},
  ): RangeRef {
    const area = this.reserve(range(row, col, cell.spill.rows, cell.spill.cols), `${cell.f.split("(")[0]} spill at ${a1(row, col)}`);
    this.push(row, col, [[cell]], options);
    return area;
  }

  private push(row: number, col: number, cells: readonly (readonly Cell[])[], options: BlockOptions): void {
    const block: { -readonly [K in keyof Block]: Block[K] } = { row, col, cells };
    if (options.style) block.style = options.style;
    if (options.numberFormats?.some((f) => f !== null)) block.numberFormats = options.numberFormats;
    if (options.wrap) block.wrap = true;
    if (options.align?.some((x) => x !== null)) block.align = options.align;
    this.blocks.push(block);
  }

  /** One cell. */
  cell(row: number, col: number, value: Cell, options: BlockOptions = {}): RangeRef {
    return this.block(row, col, [[value]], options);
  }

  /** The value written at a cell (a formula's expected value), undefined when nothing is there. */
  valueAt(row: number, col: number): Literal | undefined {
    for (const b of this.blocks) {
      if (row < b.row || row >= b.row + b.cells.length || col < b.col || col >= b.col + b.cells[0].length) continue;
      const cell = b.cells[row - b.row][col - b.col];
      return cell !== null && typeof cell === "object" ? cell.v : cell;
    }
    return undefined;
  }

  /** Writes a row of cells at the cursor (from column col) and moves the cursor down; returns the row. */
  line(cells: readonly Cell[], options: BlockOptions = {}, col = 0): number {
    const row = this.row++;
    this.block(row, col, [cells], options);
    return row;
  }

  /** A table header row at the cursor (wrapped: headers are longer than the columns are wide). */
  header(cells: readonly Cell[]): number {
    return this.line(cells, { style: "header", wrap: true });
  }

  skip(rows = 1): void {
    this.row += rows;
  }

  validate(area: RangeRef, values: readonly string[], prompt?: string): void {
    this.validations.push(prompt ? { range: area, values, prompt } : { range: area, values });
  }

  name(name: string, area: RangeRef, comment?: string): void {
    this.names.push(comment ? { name, range: area, comment } : { name, range: area });
  }

  /**
   * Label/value rows (label in col, values right of it) with a number format per row: rows
   * of equal format go into one block.
   */
  rows(
    row: number,
    col: number,
    rows: readonly { readonly cells: readonly Cell[]; readonly format: string | null }[],
    style: StyleName = "body",
  ): void {
    let i = 0;
    while (i < rows.length) {
      let j = i + 1;
      while (j < rows.length && rows[j].format === rows[i].format && rows[j].cells.length === rows[i].cells.length) j++;
      const formats = [null, ...new Array<string | null>(rows[i].cells.length - 1).fill(rows[i].format)];
      this.block(
        row + i,
        col,
        rows.slice(i, j).map((r) => r.cells),
        { style, numberFormats: formats },
      );
      i = j;
    }
  }

  width(col: number, chars: number): void {
    this.widths[col] = Math.max(this.widths[col] ?? 0, chars);
  }

  /** Sets the widths of columns to what their blocks hold (column-widths.ts fitColumnWidths). */
  fitColumns(cols: Iterable<number>, limits: WidthLimits = {}): void {
    for (const [col, width] of fitColumnWidths(this.blocks, this.merges, cols, limits)) this.widths[col] = width;
  }

  build(head: SheetHead): SheetModel {
    const widths = Array.from(this.widths, (w) => w ?? 10);
    const model: { -readonly [K in keyof SheetModel]: SheetModel[K] } = { key: head.key, name: head.name, blocks: this.blocks };
    if (widths.length) model.columnWidths = widths;
    if (this.merges.length) model.merges = this.merges;
    if (head.freeze) model.freeze = head.freeze;
    if (this.tables.length) model.tables = this.tables;
    if (this.conditionalFormats.length) model.conditionalFormats = this.conditionalFormats;
    if (this.validations.length) model.validations = this.validations;
    if (this.names.length) model.names = this.names;
    if (this.charts.length) model.charts = this.charts;
    if (head.tabColor) model.tabColor = head.tabColor;
    if (head.print) model.print = head.print;
    return model;
  }
}
