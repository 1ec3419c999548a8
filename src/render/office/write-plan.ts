/**
 * Plans what the Office.js renderer queues for one sheet: a list of write operations with their
 * estimated request size, in write order. Pure (no Office.js), so the request-size and
 * sync-count behaviour can be reasoned about and tested without Excel.
 *
 * Order: block contents (block-writes.ts), the hidden helper cells (drop-down lists that cannot
 * be inline, chart reference lines: helper-cells.ts), block formats, column widths, merges, row
 * heights, tables, conditional formats, drop-downs, defined names, charts (chart-writes.ts),
 * the view and the print setup. All of it is queued in the sheet's requests (no extra sync):
 * rows of wrapped blocks are autofitted (`format.autofitRows()`, ExcelApi 1.2) after the widths
 * are set, and rows holding wrapped text merged over several columns (which Excel does not
 * autofit) get an estimated height; the print setup goes through `worksheet.pageLayout`
 * (ExcelApi 1.9; a warning without it).
 */
import { a1Range, appendAll, type RangeRef, type SheetModel } from "../../sheets/model";
import { wrappedRowHeights } from "../../sheets/text-metrics";
import { inlineList } from "../../excel/inline-list";
import type { ObjectNames } from "../../excel/object-names";
import { truncateUnits } from "../../excel/well-formed";
import { blockContentWrites, blockFormatWrites, blockWidth, opSize } from "./block-writes";
import { chartWrite } from "./chart-writes";
import { jsonBytes } from "./encode";
import { HelperArea, modelExtent, modelValueLookup } from "./helper-cells";
import { charsToPoints, fontOf, hexColor } from "./styles";
import type { WriteOp } from "./write-ops";

export interface WriteContext {
  /** ExcelApi requirement-set probe, e.g. supports("1.8"). */
  supports: (version: string) => boolean;
  /** Every table and defined name in the workbook; the names chosen here are added. */
  readonly objectNames: ObjectNames;
  warn: (feature: string, message: string) => void;
}

export interface SheetWrites {
  readonly ops: readonly WriteOp[];
  /** Names chosen for the sheet's workbook names (to remove them again if the sheet fails). */
  readonly definedNames: readonly string[];
  readonly tableNames: readonly string[];
}

/** Drop-down lists: inline where Excel allows it, else over helper cells (ExcelApi 1.8). */
function validationWrites(model: SheetModel, ctx: WriteContext, helpers: HelperArea): WriteOp[] {
  const validations = model.validations ?? [];
  if (validations.length > 0 && !ctx.supports("1.8")) {
    ctx.warn("dataValidation", `${validations.length} drop-down list(s) left out: data validation needs ExcelApi 1.8`);
    return [];
  }
  const ops: WriteOp[] = [];
  for (const validation of validations) {
    let source = inlineList(validation.values);
    if (source === null) {
      if (validation.values.length === 0) {
        ctx.warn("dataValidation", `drop-down list at ${a1Range(validation.range)} has no values`);
        continue;
      }
      source = "=" + a1Range(helpers.cells(validation.values.map((value) => [value])), true);
    }
    ops.push({ kind: "validation", def: validation, source, bytes: opSize(jsonBytes(source) + jsonBytes(validation.prompt ?? "") + 300) });
  }
  return ops;
}

/** One width per stretch of adjacent columns with the same width. */
function columnWidthWrites(model: SheetModel): WriteOp[] {
  const widths = model.columnWidths ?? [];
  const ops: WriteOp[] = [];
  let col = 0;
  while (col < widths.length) {
    const width = widths[col];
    if (width === undefined || width === null || !(width > 0)) {
      col++;
      continue;
    }
    let last = col;
    while (last + 1 < widths.length && widths[last + 1] === width) last++;
    ops.push({ kind: "columnWidth", firstCol: col, lastCol: last, points: charsToPoints(width), bytes: opSize() });
    col = last + 1;
  }
  return ops;
}

const meets = (one: RangeRef, other: RangeRef): boolean =>
  one.row < other.row + other.rows && other.row < one.row + one.rows && one.col < other.col + other.cols && other.col < one.col + one.cols;

/**
 * Rows of wrapped text, once the widths are set: autofit (ExcelApi 1.2), except where the text
 * sits in cells merged over several columns, which Excel does not autofit: those rows get the
 * estimated height.
 */
function rowHeightWrites(model: SheetModel): WriteOp[] {
  const merged = (model.merges ?? []).filter((merge) => merge.rows * merge.cols > 1);
  const ops: WriteOp[] = [];
  const estimateRows = new Set<number>();
  for (const block of model.blocks) {
    if (!block.wrap) continue;
    const rect = { row: block.row, col: block.col, rows: block.cells.length, cols: blockWidth(block) };
    const overlapping = merged.filter((merge) => meets(merge, rect));
    if (overlapping.length === 0) ops.push({ kind: "autofitRows", rect, bytes: opSize() });
    for (const merge of overlapping) {
      for (let row = Math.max(merge.row, rect.row); row < Math.min(merge.row + merge.rows, rect.row + rect.rows); row++)
        estimateRows.add(row);
    }
  }
  if (estimateRows.size === 0) return ops;
  const heights = wrappedRowHeights(model, fontOf);
  for (const row of [...estimateRows].sort((first, second) => first - second)) {
    const points = heights.get(row);
    if (points !== undefined) ops.push({ kind: "rowHeight", row, points, bytes: opSize() });
  }
  return ops;
}

function conditionalFormatWrites(model: SheetModel, ctx: WriteContext): WriteOp[] {
  const formats = model.conditionalFormats ?? [];
  if (formats.length > 0 && !ctx.supports("1.6")) {
    ctx.warn("conditionalFormat", `${formats.length} conditional format(s) left out: they need ExcelApi 1.6`);
    return [];
  }
  return formats.map((def): WriteOp => ({ kind: "conditionalFormat", def, bytes: opSize(1500 + jsonBytes(def)) }));
}

/** Frozen panes and tab colour (ExcelApi 1.7), and the print setup (ExcelApi 1.9). */
function viewWrites(model: SheetModel, ctx: WriteContext): WriteOp[] {
  const ops: WriteOp[] = [];
  const needs17: string[] = [];
  const freeze = model.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    if (ctx.supports("1.7"))
      ops.push({ kind: "freeze", rows: Math.max(0, freeze.rows), cols: Math.max(0, freeze.cols), bytes: opSize(200) });
    else needs17.push("frozen panes");
  }
  if (model.tabColor) {
    if (ctx.supports("1.7")) ops.push({ kind: "tabColor", color: hexColor(model.tabColor), bytes: opSize() });
    else needs17.push("tab colour");
  }
  if (needs17.length > 0) ctx.warn("worksheetView", `${needs17.join(" and ")} left out: ExcelApi 1.7 needed`);
  if (model.print) {
    if (ctx.supports("1.9")) ops.push({ kind: "pageLayout", print: model.print, bytes: opSize(800) });
    else ctx.warn("pageLayout", "print setup (print area, orientation, fit to pages, repeated rows) left out: it needs ExcelApi 1.9");
  }
  return ops;
}

/** The sheet's writes, in order; table and defined names are claimed in the workbook's namespace. */
export function planSheetWrites(model: SheetModel, ctx: WriteContext): SheetWrites {
  const ops: WriteOp[] = [];
  const helpers = new HelperArea(modelExtent(model));
  for (const block of model.blocks) appendAll(ops, blockContentWrites(block));

  // Drop-downs and charts may need helper cells: planned before the helper cells are queued.
  const validationOps = validationWrites(model, ctx, helpers);
  const chartOps: WriteOp[] = [];
  const chartContext = { supports: ctx.supports, warn: ctx.warn, helpers, valueAt: modelValueLookup(model) };
  for (const def of model.charts ?? []) {
    const chart = chartWrite(def, chartContext);
    if (chart) chartOps.push({ kind: "chart", chart, bytes: 3000 + chart.series.length * 2500 + jsonBytes(chart.title) });
  }
  appendAll(ops, helpers.ops);

  for (const block of model.blocks) appendAll(ops, blockFormatWrites(block));
  appendAll(ops, columnWidthWrites(model));
  if (helpers.used) ops.push({ kind: "hideColumns", firstCol: helpers.first, lastCol: helpers.last, bytes: opSize() });
  for (const merge of model.merges ?? []) if (merge.rows * merge.cols > 1) ops.push({ kind: "merge", rect: merge, bytes: opSize() });
  appendAll(ops, rowHeightWrites(model));

  const tableNames: string[] = [];
  for (const def of model.tables ?? []) {
    const name = ctx.objectNames.claimTable(def.name);
    tableNames.push(name);
    ops.push({ kind: "table", def, name, bytes: opSize(1200 + jsonBytes(name)) });
  }
  appendAll(ops, conditionalFormatWrites(model, ctx));
  appendAll(ops, validationOps);

  const definedNames: string[] = [];
  for (const def of model.names ?? []) {
    const name = ctx.objectNames.claimName(def.name);
    definedNames.push(name);
    const comment = def.comment !== undefined ? truncateUnits(def.comment, 255) : undefined;
    ops.push({ kind: "name", def, name, comment, bytes: opSize(600 + jsonBytes(name) + jsonBytes(comment ?? "")) });
  }
  appendAll(ops, chartOps);
  appendAll(ops, viewWrites(model, ctx));
  return { ops, definedNames, tableNames };
}
