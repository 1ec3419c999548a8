/**
 * Plans what the Office.js renderer queues for one sheet: a list of operations with their
 * estimated request size, in write order. Pure (no Office.js), so the request-size and
 * sync-count behaviour can be reasoned about and tested without Excel.
 *
 * Cell content per block:
 *  - a run of ≥ MIN_RUN vertically adjacent formula cells that are the same formula in R1C1
 *    (relative to each cell, checked by converting back to the exact A1 text) becomes ONE
 *    `formulasR1C1` scalar on the run's column range — constant size whatever the row count;
 *  - every other cell is sent in per-cell 2D arrays (`values`, or `formulas` when the rectangle
 *    holds a formula), one rectangle per band of rows with the same runs layout; the executor
 *    splits them into row chunks that fit the request budget. Empty rectangles are not sent.
 * Number formats are one scalar per block column (adjacent equal formats merged), styles one set of
 * format properties per block range: constant in the row count.
 *
 * Also planned here, all queued in the sheet's requests (no extra sync): alignment per block
 * column; a dynamic-array formula's spill area takes its block's style and number format (only
 * the formula's own cell is written, Excel spills it); rows of wrapped blocks are autofitted
 * (`format.autofitRows()`, ExcelApi 1.2) after the widths are set, and rows holding wrapped text
 * merged over several columns (which Excel does not autofit) get an estimated height; the print
 * setup through `worksheet.pageLayout` (ExcelApi 1.9; a warning without it); chart reference
 * lines that follow a cell (the matrix cuts) as helper formulas over that cell.
 */
import {
  a1,
  a1Range,
  appendAll,
  extentOf,
  isFormula,
  type Block,
  type HorizontalAlignment,
  type PrintSetup,
  type Cell,
  type ChartDef,
  type ChartSeries,
  type ConditionalFormat,
  type ListValidation,
  type NamedRange,
  type RangeRef,
  type SheetModel,
  type TableDef,
} from "../../sheets/model";
import { encodeLiteral, jsonBytes, OP_OVERHEAD, type ExcelScalar } from "./encode";
import { inlineList } from "../../excel/inline-list";
import { DOT_AREA, DOTS } from "../../excel/charts";
import type { ObjectNames } from "../../excel/object-names";
import { truncateUnits } from "../../excel/well-formed";
import { a1ToR1C1, compileR1C1, r1c1ToA1, MAX_COLS } from "./r1c1";
import { charsToPoints, fontOf, hexColor, STYLES, type FormatSetting } from "./styles";
import { wrappedRowHeights } from "../../sheets/text-metrics";

/** Shortest run of equal R1C1 formulas written as one scalar (shorter runs go per cell). */
export const MIN_RUN = 3;

export type CellsOp = {
  readonly kind: "cells";
  readonly rect: RangeRef;
  readonly prop: "values" | "formulas";
  readonly rows: readonly (readonly ExcelScalar[])[];
  /** JSON bytes of each row, including its separating comma. */
  readonly rowBytes: readonly number[];
};

export type ScalarOp = {
  readonly kind: "scalar";
  readonly rect: RangeRef;
  readonly prop: "formulasR1C1" | "numberFormat" | "values";
  readonly value: ExcelScalar;
  readonly bytes: number;
};

export interface SeriesPlan {
  readonly name: string;
  readonly values: RangeRef;
  readonly categories: RangeRef;
  readonly sizes?: RangeRef;
  readonly chartType?: "Line" | "XYScatterLinesNoMarkers";
  readonly secondary: boolean;
  readonly color?: string;
  readonly colorMode: "fill" | "line" | "marker";
  readonly dashed?: boolean;
}

export interface ChartPlan {
  readonly title: string;
  readonly anchor: RangeRef;
  readonly type: "ColumnClustered" | "XYScatter" | "Bubble";
  readonly series: readonly SeriesPlan[];
  readonly xAxisTitle?: string;
  /** Number format of the primary value axis (ExcelApi 1.8). */
  readonly yAxisFormat?: string;
  readonly yAxisTitle?: string;
  readonly y2AxisTitle?: string;
  /** Secondary value axis bounds and format (ExcelApi 1.8), when the chart has a secondary series. */
  readonly y2?: { readonly max?: number; readonly min?: number; readonly numberFormat?: string };
  /** Series data sits in hidden helper columns: plot hidden cells too (ExcelApi 1.8). */
  readonly plotHidden: boolean;
}

export type PlanOp =
  | CellsOp
  | ScalarOp
  | { readonly kind: "format"; readonly rect: RangeRef; readonly settings: readonly FormatSetting[]; readonly bytes: number }
  | { readonly kind: "columnWidth"; readonly firstCol: number; readonly lastCol: number; readonly points: number; readonly bytes: number }
  | { readonly kind: "hideColumns"; readonly firstCol: number; readonly lastCol: number; readonly bytes: number }
  | { readonly kind: "merge"; readonly rect: RangeRef; readonly bytes: number }
  | { readonly kind: "table"; readonly def: TableDef; readonly name: string; readonly bytes: number }
  | { readonly kind: "conditionalFormat"; readonly def: ConditionalFormat; readonly bytes: number }
  | { readonly kind: "validation"; readonly def: ListValidation; readonly source: string; readonly bytes: number }
  | { readonly kind: "name"; readonly def: NamedRange; readonly name: string; readonly comment?: string; readonly bytes: number }
  | { readonly kind: "chart"; readonly chart: ChartPlan; readonly bytes: number }
  | { readonly kind: "freeze"; readonly rows: number; readonly cols: number; readonly bytes: number }
  | { readonly kind: "tabColor"; readonly color: string; readonly bytes: number }
  | { readonly kind: "autofitRows"; readonly rect: RangeRef; readonly bytes: number }
  | { readonly kind: "rowHeight"; readonly row: number; readonly points: number; readonly bytes: number }
  | { readonly kind: "pageLayout"; readonly print: PrintSetup; readonly bytes: number };

export interface PlanContext {
  /** ExcelApi requirement-set probe, e.g. supports("1.8"). */
  supports(version: string): boolean;
  /** Every table and defined name in the workbook; the names chosen here are added. */
  readonly objectNames: ObjectNames;
  warn(feature: string, message: string): void;
}

export interface SheetPlan {
  readonly ops: readonly PlanOp[];
  /** Names chosen for the sheet's workbook names (to remove them again if the sheet fails). */
  readonly definedNames: readonly string[];
  readonly tableNames: readonly string[];
}

const fixed = (extra = 0): number => OP_OVERHEAD + extra;

/** The bytes an op adds to a request (cells ops: all rows). */
export function opBytes(op: PlanOp): number {
  if (op.kind === "cells") return OP_OVERHEAD + 2 + op.rowBytes.reduce((a, b) => a + b, 0);
  return op.bytes;
}

/* ---------------------------------------------------------------- blocks */

interface Run { readonly col: number; readonly r0: number; readonly r1: number; readonly r1c1: string }

/** R1C1 form of a formula cell at sheet (row, col), or null if it must be written per cell. */
function relativeForm(f: string, row: number, col: number): string | null {
  const r1c1 = a1ToR1C1(f, row, col);
  if (r1c1 === null) return null;
  return r1c1ToA1(r1c1, row, col) === f ? r1c1 : null;
}

function cellAt(b: Block, r: number, c: number): Cell {
  const row = b.cells[r];
  return row && c < row.length ? row[c] : null;
}

function blockWidth(b: Block): number {
  let w = 0;
  for (const row of b.cells) w = Math.max(w, row.length);
  return w;
}

function findRuns(b: Block, width: number): Run[] {
  const runs: Run[] = [];
  const height = b.cells.length;
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < height) {
      const cell = cellAt(b, r, c);
      // A dynamic-array formula is written alone, never as part of a run (Excel spills it).
      const form = isFormula(cell) && !cell.spill ? relativeForm(cell.f, b.row + r, b.col + c) : null;
      if (form === null) { r++; continue; }
      // The next cells continue the run when the run's R1C1 formula, read at that cell, is exactly
      // the cell's A1 formula (what Excel will store there).
      const at = compileR1C1(form);
      let end = r + 1;
      while (at && end < height) {
        const next = cellAt(b, end, c);
        if (!isFormula(next) || next.spill || at(b.row + end, b.col + c) !== next.f) break;
        end++;
      }
      if (end - r >= MIN_RUN) runs.push({ col: c, r0: r, r1: end - 1, r1c1: form });
      r = end;
    }
  }
  return runs;
}

function cellsOp(b: Block, r0: number, r1: number, c0: number, c1: number): CellsOp | null {
  const rows: ExcelScalar[][] = [];
  const rowBytes: number[] = [];
  let anyFormula = false;
  let anyContent = false;
  for (let r = r0; r <= r1; r++) {
    const out: ExcelScalar[] = [];
    for (let c = c0; c <= c1; c++) {
      const cell = cellAt(b, r, c);
      if (isFormula(cell)) {
        anyFormula = true;
        out.push("=" + cell.f);
      } else {
        const v = encodeLiteral(cell);
        if (v !== "") anyContent = true;
        out.push(v);
      }
    }
    rows.push(out);
    rowBytes.push(jsonBytes(out) + 1);
  }
  if (!anyFormula && !anyContent) return null;
  return {
    kind: "cells",
    rect: { row: b.row + r0, col: b.col + c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 },
    prop: anyFormula ? "formulas" : "values",
    rows,
    rowBytes,
  };
}

/** The content ops of one block: per-cell rectangles, then the formula-run scalars. */
export function planBlockContent(b: Block): PlanOp[] {
  const height = b.cells.length;
  const width = blockWidth(b);
  if (height === 0 || width === 0) return [];
  if (b.row < 0 || b.col < 0 || b.col + width > MAX_COLS) throw new RangeError(`block at (${b.row}, ${b.col}) lies outside the sheet`);
  const runs = findRuns(b, width);
  const covered = new Uint8Array(height * width);
  for (const run of runs) for (let r = run.r0; r <= run.r1; r++) covered[r * width + run.col] = 1;

  const ops: PlanOp[] = [];
  const signature = (r: number): string => {
    let s = "";
    for (let c = 0; c < width; c++) s += covered[r * width + c] ? "1" : "0";
    return s;
  };
  let bandStart = 0;
  while (bandStart < height) {
    const sig = signature(bandStart);
    let bandEnd = bandStart;
    while (bandEnd + 1 < height && signature(bandEnd + 1) === sig) bandEnd++;
    let c = 0;
    while (c < width) {
      if (sig[c] === "1") { c++; continue; }
      let c1 = c;
      while (c1 + 1 < width && sig[c1 + 1] === "0") c1++;
      const op = cellsOp(b, bandStart, bandEnd, c, c1);
      if (op) ops.push(op);
      c = c1 + 1;
    }
    bandStart = bandEnd + 1;
  }
  for (const run of runs) {
    const value = "=" + run.r1c1;
    ops.push({
      kind: "scalar",
      rect: { row: b.row + run.r0, col: b.col + run.col, rows: run.r1 - run.r0 + 1, cols: 1 },
      prop: "formulasR1C1",
      value,
      bytes: fixed(jsonBytes(value)),
    });
  }
  return ops;
}

/** Number formats (one scalar per run of equal adjacent column formats), style and wrap of a block. */
export function planBlockFormats(b: Block): PlanOp[] {
  const height = b.cells.length;
  const width = blockWidth(b);
  if (height === 0 || width === 0) return [];
  const ops: PlanOp[] = [];
  const formats = b.numberFormats ?? [];
  let c = 0;
  while (c < Math.min(width, formats.length)) {
    const fmt = formats[c];
    if (fmt === null || fmt === undefined) { c++; continue; }
    let c1 = c;
    while (c1 + 1 < Math.min(width, formats.length) && formats[c1 + 1] === fmt) c1++;
    ops.push({ kind: "scalar", rect: { row: b.row, col: b.col + c, rows: height, cols: c1 - c + 1 }, prop: "numberFormat", value: fmt, bytes: fixed(jsonBytes(fmt)) });
    c = c1 + 1;
  }
  const rect = { row: b.row, col: b.col, rows: height, cols: width };
  const settings: FormatSetting[] = [...(b.style ? STYLES[b.style] : [])];
  if (b.wrap) settings.push(["wrapText", true]);
  if (b.wrap && !settings.some(([p]) => p === "verticalAlignment")) settings.push(["verticalAlignment", "Center"]);
  if (settings.length > 0) ops.push({ kind: "format", rect, settings, bytes: fixed(settings.length * 200) });
  // Alignment: one setting per run of equal adjacent column alignments.
  const align = b.align ?? [];
  c = 0;
  while (c < Math.min(width, align.length)) {
    const a = align[c];
    if (!a) { c++; continue; }
    let c1 = c;
    while (c1 + 1 < Math.min(width, align.length) && align[c1 + 1] === a) c1++;
    const alignment: FormatSetting[] = [["horizontalAlignment", HORIZONTAL[a]]];
    ops.push({ kind: "format", rect: { row: b.row, col: b.col + c, rows: height, cols: c1 - c + 1 }, settings: alignment, bytes: fixed(200) });
    c = c1 + 1;
  }
  // Spill areas (beyond the formula's own cell) look like the formula's cell.
  for (let r = 0; r < height; r++) {
    for (let j = 0; j < width; j++) {
      const cell = cellAt(b, r, j);
      if (!isFormula(cell) || !cell.spill || cell.spill.rows * cell.spill.cols <= 1) continue;
      const area = { row: b.row + r, col: b.col + j, rows: cell.spill.rows, cols: cell.spill.cols };
      const fmt = formats[j];
      if (fmt) ops.push({ kind: "scalar", rect: area, prop: "numberFormat", value: fmt, bytes: fixed(jsonBytes(fmt)) });
      const look: FormatSetting[] = [...(b.style ? STYLES[b.style] : []), ...(align[j] ? [["horizontalAlignment", HORIZONTAL[align[j]!]] as FormatSetting] : [])];
      if (look.length > 0) ops.push({ kind: "format", rect: area, settings: look, bytes: fixed(look.length * 200) });
    }
  }
  return ops;
}

const HORIZONTAL: Readonly<Record<HorizontalAlignment, string>> = { left: "Left", center: "Center", right: "Right" };

/* ---------------------------------------------------------------- helpers */

/** Value of the model cell at sheet (row, col): literal, or the engine's value of a formula. */
function modelValueLookup(model: SheetModel): (row: number, col: number) => Cell {
  return (row, col) => {
    for (let i = model.blocks.length - 1; i >= 0; i--) {
      const b = model.blocks[i];
      const r = row - b.row;
      const c = col - b.col;
      if (r >= 0 && c >= 0 && r < b.cells.length && c < (b.cells[r]?.length ?? 0)) {
        const cell = b.cells[r][c];
        return isFormula(cell) ? cell.v : cell;
      }
    }
    return null;
  };
}

function numericExtent(lookup: (r: number, c: number) => Cell, ranges: readonly RangeRef[]): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const rg of ranges) {
    for (let r = rg.row; r < rg.row + rg.rows; r++) {
      for (let c = rg.col; c < rg.col + rg.cols; c++) {
        const v = lookup(r, c);
        if (typeof v === "number" && Number.isFinite(v)) {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
    }
  }
  return min <= max ? { min, max } : null;
}

/** Exclusive column end of everything the model places on the sheet. */
function modelExtent(model: SheetModel): number {
  let end = 0;
  const see = (r: RangeRef | undefined): void => { if (r) end = Math.max(end, r.col + r.cols); };
  for (const b of model.blocks) end = Math.max(end, b.col + blockWidth(b));
  model.merges?.forEach(see);
  model.tables?.forEach((t) => see(t.range));
  model.conditionalFormats?.forEach((f) => see(f.range));
  model.validations?.forEach((v) => see(v.range));
  model.names?.forEach((n) => see(n.range));
  for (const ch of model.charts ?? []) for (const s of ch.series) { see(s.categories); see(s.values); see(s.sizes); }
  end = Math.max(end, model.columnWidths?.length ?? 0);
  return end;
}

/** A helper cell that follows a model cell: its formula in A1 and R1C1 (absolute, same sheet). */
interface LinkedValue {
  readonly formula: string;
  readonly r1c1: string;
}

/** The reference line's value as a formula over its model cell, or the number when it has none. */
function lineValue(def: ChartDef, index: number, value: number): number | LinkedValue {
  const cell = def.referenceCells?.[index];
  if (!cell) return value;
  return { formula: "=" + a1(cell.row, cell.col, true), r1c1: `=R${cell.row + 1}C${cell.col + 1}` };
}

class HelperArea {
  private next: number;
  readonly first: number;
  readonly ops: PlanOp[] = [];
  constructor(extent: number) {
    this.first = extent + 1; // one empty column between the content and the helpers
    this.next = this.first;
  }
  get used(): boolean { return this.next > this.first; }
  get last(): number { return this.next - 1; }
  /**
   * Places a rectangle of literal values, or of formulas over one cell ({ formula: "=$X$8" }:
   * chart lines that follow a cell); returns its range.
   */
  cells(values: readonly (readonly (string | number | LinkedValue)[])[]): RangeRef {
    const col = this.next;
    const cols = values[0]?.length ?? 1;
    this.next += cols;
    const rect = { row: 0, col, rows: values.length, cols };
    const linked = values.some((row) => row.some((v) => typeof v === "object"));
    const rows = values.map((row) => row.map((v) => (typeof v === "object" ? v.formula : encodeLiteral(v))));
    this.ops.push({ kind: "cells", rect, prop: linked ? "formulas" : "values", rows, rowBytes: rows.map((r) => jsonBytes(r) + 1) });
    return rect;
  }
  /** A column of `rows` copies of one number, or of one formula over a cell (one scalar write). */
  constant(value: number | LinkedValue, rows: number): RangeRef {
    const col = this.next++;
    const rect = { row: 0, col, rows: Math.max(1, rows), cols: 1 };
    if (typeof value === "object") {
      this.ops.push({ kind: "scalar", rect, prop: "formulasR1C1", value: value.r1c1, bytes: fixed(jsonBytes(value.r1c1)) });
    } else this.ops.push({ kind: "scalar", rect, prop: "values", value, bytes: fixed(jsonBytes(value)) });
    return rect;
  }
}

/* ---------------------------------------------------------------- validations, charts */

function planChart(def: ChartDef, ctx: PlanContext, helpers: HelperArea, lookup: (r: number, c: number) => Cell): ChartPlan | null {
  const label = `chart "${def.title}"`;
  if (!ctx.supports("1.7")) {
    ctx.warn("chart", `${label} not drawn: it needs ExcelApi 1.7 (chart series)`);
    return null;
  }
  const has18 = ctx.supports("1.8");
  const bubble = def.kind === "portfolio" && def.series.some((s) => s.type === "bubble");
  const type: ChartPlan["type"] = def.kind === "pareto" ? "ColumnClustered" : bubble ? "Bubble" : "XYScatter";
  const series: SeriesPlan[] = [];
  for (const s of def.series) {
    const secondary = s.axis === "secondary";
    if (secondary && !has18) {
      ctx.warn("chart.secondaryAxis", `${label}: series "${s.name}" left out: a secondary axis needs ExcelApi 1.8`);
      continue;
    }
    if (type === "Bubble" && !s.sizes) {
      ctx.warn("chart.bubble", `${label}: series "${s.name}" left out: a bubble chart series needs sizes`);
      continue;
    }
    series.push({
      name: s.name,
      values: s.values,
      categories: s.categories,
      sizes: type === "Bubble" ? s.sizes : undefined,
      chartType: type === "ColumnClustered" && s.type === "line" ? "Line" : undefined,
      secondary,
      color: s.color ? hexColor(s.color) : undefined,
      colorMode: seriesColorMode(type, s),
    });
  }
  if (series.length === 0) {
    ctx.warn("chart", `${label} not drawn: no series left`);
    return null;
  }
  let plotHidden = false;
  for (const [index, line] of (def.referenceLines ?? []).entries()) {
    const what = `${label}: reference line "${line.label}"`;
    const at = lineValue(def, index, line.value);
    if (!has18) { ctx.warn("chart.referenceLine", `${what} left out: it needs ExcelApi 1.8`); continue; }
    if (type === "ColumnClustered") {
      if (line.axis === "x") { ctx.warn("chart.referenceLine", `${what} left out: vertical lines are not drawn on column charts`); continue; }
      const cats = series[0].categories;
      const values = helpers.constant(at, cats.rows * cats.cols);
      series.push({ name: line.label, values, categories: cats, chartType: "Line", secondary: line.axis === "y2", color: REFERENCE_COLOR, colorMode: "line", dashed: true });
      plotHidden = true;
    } else {
      // Portfolio: each cut spans the data (and the other cuts). Scatter: a two-point dashed line.
      // Bubble (Excel does not combine bubble and scatter groups): a bubble series of small dots
      // along the line, as the .xlsx renderer draws it.
      const lines = def.referenceLines ?? [];
      const xs = widen(numericExtent(lookup, series.map((s) => s.categories)), lines.filter((l) => l.axis === "x").map((l) => l.value));
      const ys = widen(numericExtent(lookup, series.map((s) => s.values)), lines.filter((l) => l.axis !== "x").map((l) => l.value));
      if (!xs || !ys) { ctx.warn("chart.referenceLine", `${what} left out: no numeric data to span`); continue; }
      const vertical = line.axis === "x";
      if (type === "XYScatter") {
        const pts = vertical ? [[at, ys.min], [at, ys.max]] : [[xs.min, at], [xs.max, at]];
        const rect = helpers.cells(pts);
        series.push({
          name: line.label,
          categories: { row: rect.row, col: rect.col, rows: 2, cols: 1 },
          values: { row: rect.row, col: rect.col + 1, rows: 2, cols: 1 },
          chartType: "XYScatterLinesNoMarkers",
          secondary: false,
          color: REFERENCE_COLOR,
          colorMode: "line",
          dashed: true,
        });
      } else {
        const sizes = numericExtent(lookup, series.flatMap((s) => (s.sizes ? [s.sizes] : [])));
        const dot = (sizes && sizes.max > 0 ? sizes.max : 1) * DOT_AREA;
        const along = (e: { min: number; max: number }, k: number): number => e.min + (k / (DOTS - 1)) * (e.max - e.min);
        const pts = Array.from({ length: DOTS }, (_, k) => (vertical ? [at, along(ys, k), dot] : [along(xs, k), at, dot]));
        const rect = helpers.cells(pts);
        series.push({
          name: line.label,
          categories: { row: rect.row, col: rect.col, rows: DOTS, cols: 1 },
          values: { row: rect.row, col: rect.col + 1, rows: DOTS, cols: 1 },
          sizes: { row: rect.row, col: rect.col + 2, rows: DOTS, cols: 1 },
          secondary: false,
          color: REFERENCE_COLOR,
          colorMode: "fill",
        });
      }
      plotHidden = true;
    }
  }
  const anySecondary = series.some((s) => s.secondary);
  return {
    title: def.title,
    anchor: def.anchor,
    type,
    series,
    xAxisTitle: def.xAxisTitle,
    yAxisTitle: def.yAxisTitle,
    ...(def.yAxisFormat !== undefined && has18 ? { yAxisFormat: def.yAxisFormat } : {}),
    y2AxisTitle: anySecondary ? def.y2AxisTitle : undefined,
    y2: anySecondary ? { max: def.y2Max, min: def.y2Max !== undefined ? 0 : undefined, numberFormat: def.y2Max === 1 ? "0%" : undefined } : undefined,
    plotHidden,
  };
}

const REFERENCE_COLOR = "#7F7F7F";

function widen(e: { min: number; max: number } | null, values: readonly number[]): { min: number; max: number } | null {
  return extentOf([...(e ? [e.min, e.max] : []), ...values.filter((v) => Number.isFinite(v))]) ?? null;
}

function seriesColorMode(type: ChartPlan["type"], s: ChartSeries): SeriesPlan["colorMode"] {
  if (type === "ColumnClustered") return s.type === "line" ? "line" : "fill";
  if (type === "Bubble") return "fill";
  return "marker";
}

/* ---------------------------------------------------------------- sheet */

export function planSheet(model: SheetModel, ctx: PlanContext): SheetPlan {
  const ops: PlanOp[] = [];
  const helpers = new HelperArea(modelExtent(model));
  const lookup = modelValueLookup(model);

  for (const b of model.blocks) appendAll(ops, planBlockContent(b));

  // Validations (may need helper cells) and charts are planned before the helper cells are queued.
  const validationOps: PlanOp[] = [];
  const validations = model.validations ?? [];
  if (validations.length > 0 && !ctx.supports("1.8")) {
    ctx.warn("dataValidation", `${validations.length} drop-down list(s) left out: data validation needs ExcelApi 1.8`);
  } else {
    for (const v of validations) {
      let source = inlineList(v.values);
      if (source === null) {
        if (v.values.length === 0) { ctx.warn("dataValidation", `drop-down list at ${a1Range(v.range)} has no values`); continue; }
        const rect = helpers.cells(v.values.map((x) => [x]));
        source = "=" + a1Range(rect, true);
      }
      validationOps.push({ kind: "validation", def: v, source, bytes: fixed(jsonBytes(source) + jsonBytes(v.prompt ?? "") + 300) });
    }
  }
  const chartOps: PlanOp[] = [];
  for (const def of model.charts ?? []) {
    const chart = planChart(def, ctx, helpers, lookup);
    if (chart) chartOps.push({ kind: "chart", chart, bytes: 3000 + chart.series.length * 2500 + jsonBytes(chart.title) });
  }
  appendAll(ops, helpers.ops);

  for (const b of model.blocks) appendAll(ops, planBlockFormats(b));

  const widths = model.columnWidths ?? [];
  let c = 0;
  while (c < widths.length) {
    const w = widths[c];
    if (w === undefined || w === null || !(w > 0)) { c++; continue; }
    let c1 = c;
    while (c1 + 1 < widths.length && widths[c1 + 1] === w) c1++;
    ops.push({ kind: "columnWidth", firstCol: c, lastCol: c1, points: charsToPoints(w), bytes: fixed() });
    c = c1 + 1;
  }
  if (helpers.used) ops.push({ kind: "hideColumns", firstCol: helpers.first, lastCol: helpers.last, bytes: fixed() });

  for (const m of model.merges ?? []) if (m.rows * m.cols > 1) ops.push({ kind: "merge", rect: m, bytes: fixed() });

  // Rows of wrapped text, once the widths are set: autofit (ExcelApi 1.2), except where the
  // text sits in cells merged over several columns, which Excel does not autofit: those rows
  // get the estimated height.
  const merged = (model.merges ?? []).filter((m) => m.rows * m.cols > 1);
  const meets = (a: RangeRef, b: RangeRef) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
  const estimateRows = new Set<number>();
  for (const b of model.blocks) {
    if (!b.wrap) continue;
    const rect = { row: b.row, col: b.col, rows: b.cells.length, cols: blockWidth(b) };
    const overlapping = merged.filter((m) => meets(m, rect));
    if (overlapping.length === 0) ops.push({ kind: "autofitRows", rect, bytes: fixed() });
    else for (const m of overlapping) for (let r = Math.max(m.row, rect.row); r < Math.min(m.row + m.rows, rect.row + rect.rows); r++) estimateRows.add(r);
  }
  if (estimateRows.size > 0) {
    const heights = wrappedRowHeights(model, fontOf);
    for (const r of [...estimateRows].sort((x, y) => x - y)) {
      const h = heights.get(r);
      if (h !== undefined) ops.push({ kind: "rowHeight", row: r, points: h, bytes: fixed() });
    }
  }

  const tableNames: string[] = [];
  for (const t of model.tables ?? []) {
    const name = ctx.objectNames.claimTable(t.name);
    tableNames.push(name);
    ops.push({ kind: "table", def: t, name, bytes: fixed(1200 + jsonBytes(name)) });
  }

  const cfs = model.conditionalFormats ?? [];
  if (cfs.length > 0 && !ctx.supports("1.6")) {
    ctx.warn("conditionalFormat", `${cfs.length} conditional format(s) left out: they need ExcelApi 1.6`);
  } else {
    for (const def of cfs) ops.push({ kind: "conditionalFormat", def, bytes: fixed(1500 + jsonBytes(def)) });
  }

  appendAll(ops, validationOps);

  const definedNames: string[] = [];
  for (const n of model.names ?? []) {
    const name = ctx.objectNames.claimName(n.name);
    definedNames.push(name);
    const comment = n.comment !== undefined ? truncateUnits(n.comment, 255) : undefined;
    ops.push({ kind: "name", def: n, name, comment, bytes: fixed(600 + jsonBytes(name) + jsonBytes(comment ?? "")) });
  }

  appendAll(ops, chartOps);

  const needs17: string[] = [];
  if (model.freeze && (model.freeze.rows > 0 || model.freeze.cols > 0)) {
    if (ctx.supports("1.7")) ops.push({ kind: "freeze", rows: Math.max(0, model.freeze.rows), cols: Math.max(0, model.freeze.cols), bytes: fixed(200) });
    else needs17.push("frozen panes");
  }
  if (model.tabColor) {
    if (ctx.supports("1.7")) ops.push({ kind: "tabColor", color: hexColor(model.tabColor), bytes: fixed() });
    else needs17.push("tab colour");
  }
  if (needs17.length > 0) ctx.warn("worksheetView", `${needs17.join(" and ")} left out: ExcelApi 1.7 needed`);

  if (model.print) {
    if (ctx.supports("1.9")) ops.push({ kind: "pageLayout", print: model.print, bytes: fixed(800) });
    else ctx.warn("pageLayout", "print setup (print area, orientation, fit to pages, repeated rows) left out: it needs ExcelApi 1.9");
  }

  return { ops, definedNames, tableNames };
}
