/**
 * The sheet model: what a generated worksheet holds, independent of how it is written.
 * Builders (src/sheets/*) produce it from engine results; renderers (src/render/office for
 * Office.js, src/render/xlsx for files) write it. Builders know nothing of either renderer;
 * renderers know nothing of key accounts.
 *
 * Coordinates are 0-based (row, col) within the sheet. Formulas are English-language Excel
 * formulas without the leading "=", referring to cells of the same sheet in A1 notation.
 */

import { appendAll, extentOf, maxOf } from "../engine/arrays";
import { columnLetter } from "../excel/column-letters";

export type Literal = string | number | boolean | null;

/** A native formula with the value the engine expects it to calculate to. */
export interface FormulaCell {
  readonly f: string;
  /** The engine's value: cached in files, compared with LibreOffice's recalculation in tests. */
  readonly v: Literal;
  /**
   * Set on a dynamic-array formula (the live KA.* functions): the size it is expected to
   * spill to from this cell, v being its top-left value. Builders leave that area empty;
   * renderers write only this cell's formula and keep the area free: Office.js lets Excel
   * spill it; files hold it as a dynamic array (`t="array"` over the area plus the `cm`
   * cell-metadata flag). The block's number format and style cover the whole area.
   */
  readonly spill?: { readonly rows: number; readonly cols: number };
}

export type Cell = Literal | FormulaCell;

export const isFormula = (c: Cell): c is FormulaCell => c !== null && typeof c === "object";

/** Named styles; renderers map them to fonts, fills and borders. */
export type StyleName =
  | "title"
  | "subtitle"
  | "header"
  | "body"
  | "total"
  | "note"
  | "input" // a cell the planner is expected to fill or edit
  | "todo" // a cell clearly marked "to be written by the planner"
  | "warning"
  | "section";

export interface RangeRef {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export type HorizontalAlignment = "left" | "center" | "right";

/** A rectangle of cells written in one go; all rows have the same length. */
export interface Block {
  readonly row: number;
  readonly col: number;
  readonly cells: readonly (readonly Cell[])[];
  readonly style?: StyleName;
  /** Number format per column of the block (Excel format codes), null for General. */
  readonly numberFormats?: readonly (string | null)[];
  /**
   * Wrap text in the block. Renderers give rows holding wrapped text the height the text
   * needs (files: estimated from text and column widths; Office.js: autofit).
   */
  readonly wrap?: boolean;
  /** Horizontal alignment per column of the block, null for the default (text left, numbers right). */
  readonly align?: readonly (HorizontalAlignment | null)[];
}

export interface TableDef {
  /** Desired table name; renderers make it valid and unique in the workbook. */
  readonly name: string;
  /** Header row included. */
  readonly range: RangeRef;
  readonly style?: string;
  readonly showTotals?: boolean;
}

export type ConditionalFormat =
  | { readonly kind: "colorScale"; readonly range: RangeRef; readonly min: string; readonly mid?: string; readonly max: string }
  | { readonly kind: "dataBar"; readonly range: RangeRef; readonly color: string }
  | { readonly kind: "textEquals"; readonly range: RangeRef; readonly text: string; readonly fill: string; readonly font?: string };

export interface ListValidation {
  readonly range: RangeRef;
  readonly values: readonly string[];
  readonly prompt?: string;
}

export interface NamedRange {
  /** Desired name; renderers prefix/suffix it to keep names unique in the workbook. */
  readonly name: string;
  readonly range: RangeRef;
  readonly comment?: string;
}

export interface ChartSeries {
  readonly name: string;
  /** Category labels (column/line charts) or x values (scatter/bubble). */
  readonly categories: RangeRef;
  readonly values: RangeRef;
  /** Bubble sizes (bubble charts only). */
  readonly sizes?: RangeRef;
  readonly type: "column" | "line" | "scatter" | "bubble";
  readonly axis: "primary" | "secondary";
  readonly color?: string;
}

export interface ChartDef {
  readonly kind: "pareto" | "portfolio";
  readonly title: string;
  /** Where the chart sits (cells it covers). */
  readonly anchor: RangeRef;
  readonly series: readonly ChartSeries[];
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  readonly y2AxisTitle?: string;
  /** Horizontal/vertical reference lines, e.g. the 80% line or the matrix cuts. */
  readonly referenceLines?: readonly { readonly axis: "x" | "y" | "y2"; readonly value: number; readonly label: string }[];
  /**
   * Per reference line (same order), the cell its value comes from, or null: renderers then
   * draw the line from formulas over that cell (value being its current value), so the line
   * follows edits of the cell (the matrix cuts are editable inputs).
   */
  readonly referenceCells?: readonly (RangeRef | null)[];
  /** Number format of the primary value axis (default: the format of the first primary series' cells). */
  readonly yAxisFormat?: string;
  /** Axis bounds where the chart needs them (shares 0-1 on the secondary axis). */
  readonly y2Max?: number;
}

/** How a sheet prints (page setup). */
export interface PrintSetup {
  /** The cells printed (default: everything used). */
  readonly area?: RangeRef;
  /** Further cells printed after `area`, each block from a new page (a sheet's side blocks and chart). */
  readonly areas?: readonly RangeRef[];
  readonly landscape?: boolean;
  /** Fit to this many pages wide / tall; 0 = as many as needed. Both unset: 100% scale. */
  readonly fitToWidth?: number;
  readonly fitToHeight?: number;
  /** Rows (0-based, inclusive) repeated at the top of every printed page, e.g. a table header. */
  readonly repeatRows?: { readonly from: number; readonly to: number };
}

export interface SheetModel {
  /** Stable identity of what was generated, e.g. "contribution" or "plan:acme". */
  readonly key: string;
  /** Desired sheet name; renderers make it valid (31 chars, no []:*?/\) and unique. */
  readonly name: string;
  readonly blocks: readonly Block[];
  /** Column widths in characters, by column index. */
  readonly columnWidths?: readonly number[];
  readonly merges?: readonly RangeRef[];
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly tables?: readonly TableDef[];
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly validations?: readonly ListValidation[];
  readonly names?: readonly NamedRange[];
  readonly charts?: readonly ChartDef[];
  readonly tabColor?: string;
  /** Page setup; renderers fall back to one page wide (landscape for wide sheets) without it. */
  readonly print?: PrintSetup;
}

/** Loops over per-row arrays (no spread into a call), for the renderers that cannot import the engine. */
export { appendAll, extentOf, maxOf };

/** A1 address of a 0-based cell; `absolute` adds $ to both parts. */
export function a1(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(col)}${d}${row + 1}`;
}

export function a1Range(r: RangeRef, absolute = false): string {
  const first = a1(r.row, r.col, absolute);
  if (r.rows === 1 && r.cols === 1) return first;
  return `${first}:${a1(r.row + r.rows - 1, r.col + r.cols - 1, absolute)}`;
}
