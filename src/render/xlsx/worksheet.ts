/**
 * One model sheet into an ExcelJS worksheet: cells with their styles and row heights, column
 * widths, merges, frozen panes, print setup, conditional formats and drop-downs; and what the
 * post-processing adds (tables, charts, dynamic-array anchors, defined names).
 */
import type ExcelJS from "exceljs";
import { a1, a1Range, type PrintSetup, type RangeRef, type SheetModel } from "../../sheets/model";
import { wrappedRowHeights } from "../../sheets/text-metrics";
import { MAX_ROWS } from "../../excel/limits";
import { quoteSheetName } from "../../excel/sheet-names";
import { chartXml, type ChartContext } from "./charts";
import { conditionalFormat } from "./conditional-formats";
import { cellOfKey, cellKey, cellValue, checkRange, overlaps, spillOf, valueOf, type Grid } from "./grid";
import { addValidation, type HelperSheet } from "./helper-sheet";
import type { DefinedNameEntry, SheetPost } from "./post-process";
import { LOOKS, rowHeightFor, type StyleBook } from "./styles";
import type { TablePlan } from "./tables";

/** Excel's default column width (characters) where the model sets none. */
const DEFAULT_WIDTH = 8.43;

/** One sheet being written, with what it shares with the workbook. */
export interface SheetWriting {
  readonly model: SheetModel;
  /** Final (unique) sheet name, and the sheet's position in the workbook. */
  readonly name: string;
  readonly index: number;
  readonly grid: Grid;
  readonly ws: ExcelJS.Worksheet;
  readonly cache: boolean;
  readonly styles: StyleBook;
  readonly helper: HelperSheet;
}

/** Writes the grid's cells with their styles and row heights; returns the dynamic-array anchors (A1). */
export function writeCells(sheet: SheetWriting): string[] {
  const rowHeights = wrappedRowHeights(
    sheet.model,
    (style) => {
      const font = style ? LOOKS[style]?.font : undefined;
      return { size: font?.size ?? 11, bold: Boolean(font?.bold) };
    },
    DEFAULT_WIDTH,
  );
  const spills: string[] = [];
  for (const [key, entry] of sheet.grid) {
    const { row, col } = cellOfKey(key);
    const target = sheet.ws.getCell(row + 1, col + 1);
    const spill = spillOf(entry.cell, row, col, sheet.model.name);
    if (spill) spills.push(a1(row, col));
    const value = cellValue(entry.cell, sheet.cache, spill);
    if (value !== null) target.value = value;
    const style = sheet.styles.get(entry.style, entry.numFmt, entry.wrap, entry.align);
    if (style) target.style = style;
    const height = rowHeightFor(entry.style);
    if (height) rowHeights.set(row, Math.max(rowHeights.get(row) ?? 0, height));
  }
  for (const [row, height] of rowHeights) sheet.ws.getRow(row + 1).height = height;
  (sheet.model.columnWidths ?? []).forEach((width, col) => {
    if (typeof width === "number" && Number.isFinite(width) && width > 0) sheet.ws.getColumn(col + 1).width = Math.min(255, width);
  });
  return spills;
}

/** Merges, after the cells (ExcelJS routes writes to merged cells to the master); never over a table. */
export function writeMerges(sheet: SheetWriting, tables: readonly TablePlan[]): void {
  const where = `on sheet "${sheet.model.name}"`;
  const merges: RangeRef[] = [];
  for (const merge of sheet.model.merges ?? []) {
    checkRange(merge, `a merge ${where}`);
    if (merge.rows === 1 && merge.cols === 1) continue;
    const clash = merges.find((other) => overlaps(other, merge));
    if (clash) throw new Error(`xlsx renderer: merges ${a1Range(clash)} and ${a1Range(merge)} overlap ${where}`);
    const table = tables.find((other) => overlaps(other.range, merge));
    if (table)
      throw new Error(
        `xlsx renderer: merge ${a1Range(merge)} overlaps table "${table.name}" ${where} (Excel tables cannot contain merged cells)`,
      );
    merges.push(merge);
    sheet.ws.mergeCells(merge.row + 1, merge.col + 1, merge.row + merge.rows, merge.col + merge.cols);
  }
}

export function writeFreeze(sheet: SheetWriting): void {
  const freeze = sheet.model.freeze;
  if (!freeze || !(freeze.rows > 0 || freeze.cols > 0)) return;
  const rows = Math.max(0, Math.floor(freeze.rows));
  const cols = Math.max(0, Math.floor(freeze.cols));
  sheet.ws.views = [{ state: "frozen", xSplit: cols, ySplit: rows, topLeftCell: a1(rows, cols), activeCell: a1(rows, cols) }];
}

/** The model's page setup as ExcelJS pageSetup properties. */
function pageSetupOf(print: PrintSetup): Partial<ExcelJS.PageSetup> {
  const fit = print.fitToWidth !== undefined || print.fitToHeight !== undefined;
  const setup: Partial<ExcelJS.PageSetup> = { orientation: print.landscape ? "landscape" : "portrait", fitToPage: fit };
  if (fit) {
    setup.fitToWidth = Math.max(0, Math.floor(print.fitToWidth ?? 0));
    setup.fitToHeight = Math.max(0, Math.floor(print.fitToHeight ?? 0));
  }
  return setup;
}

/** The print area and repeated rows as the sheet's _xlnm names. */
function printNames(sheet: SheetWriting, print: PrintSetup): DefinedNameEntry[] {
  const names: DefinedNameEntry[] = [];
  const areas = [...(print.area ? [print.area] : []), ...(print.areas ?? [])];
  if (areas.length > 0) {
    for (const area of areas) checkRange(area, `the print area of sheet "${sheet.model.name}"`);
    const ref = areas.map((area) => `${quoteSheetName(sheet.name)}!${a1Range(area, true)}`).join(",");
    names.push({ name: "_xlnm.Print_Area", ref, localSheetId: sheet.index });
  }
  const repeat = print.repeatRows;
  if (repeat) {
    if (!(
      Number.isInteger(repeat.from) &&
      Number.isInteger(repeat.to) &&
      repeat.from >= 0 &&
      repeat.to >= repeat.from &&
      repeat.to < MAX_ROWS
    )) {
      throw new Error(`xlsx renderer: sheet "${sheet.model.name}" repeats invalid rows ${JSON.stringify(repeat)}`);
    }
    names.push({
      name: "_xlnm.Print_Titles",
      ref: `${quoteSheetName(sheet.name)}!$${repeat.from + 1}:$${repeat.to + 1}`,
      localSheetId: sheet.index,
    });
  }
  return names;
}

/** Print: the model's page setup, else all columns on one page width (landscape for wide sheets); returns its names. */
export function writePrint(sheet: SheetWriting): DefinedNameEntry[] {
  const print = sheet.model.print;
  if (print) {
    sheet.ws.pageSetup = { ...sheet.ws.pageSetup, ...pageSetupOf(print) };
    return printNames(sheet, print);
  }
  const totalWidth = (sheet.model.columnWidths ?? []).reduce((sum, width) => sum + (typeof width === "number" && width > 0 ? width : 0), 0);
  sheet.ws.pageSetup = {
    ...sheet.ws.pageSetup,
    orientation: totalWidth > 100 ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  return [];
}

/** Conditional formats (in model order of priority) and drop-down lists. */
export function writeRules(sheet: SheetWriting): void {
  let priority = 1;
  for (const format of sheet.model.conditionalFormats ?? []) {
    checkRange(format.range, `a conditional format on sheet "${sheet.model.name}"`);
    sheet.ws.addConditionalFormatting(conditionalFormat(format, priority++));
  }
  for (const validation of sheet.model.validations ?? []) {
    checkRange(validation.range, `a validation on sheet "${sheet.model.name}"`);
    if (validation.values.length === 0) continue; // nothing to choose from: no drop-down
    addValidation(sheet.ws, validation, sheet.helper);
  }
}

/** The sheet's workbook-scoped defined names, under their final names. */
export function definedNamesOf(sheet: SheetWriting, finalNames: readonly string[]): DefinedNameEntry[] {
  return (sheet.model.names ?? []).map((def, index) => {
    checkRange(def.range, `name "${def.name}" on sheet "${sheet.model.name}"`);
    return { name: finalNames[index], ref: `${quoteSheetName(sheet.name)}!${a1Range(def.range, true)}`, comment: def.comment };
  });
}

/** The sheet's chart parts. */
export function chartsOf(sheet: SheetWriting): SheetPost["charts"] {
  const context: ChartContext = {
    sheetName: sheet.name,
    valueAt: (row, col) => valueOf(sheet.grid.get(cellKey(row, col))?.cell),
    formatAt: (row, col) => sheet.grid.get(cellKey(row, col))?.numFmt,
    cache: sheet.cache,
    constants: (values) => sheet.helper.column(values),
  };
  return (sheet.model.charts ?? []).map((def) => {
    checkRange(def.anchor, `chart "${def.title}" on sheet "${sheet.model.name}"`);
    for (const series of def.series) {
      const what = `chart "${def.title}", series "${series.name}"`;
      checkRange(series.categories, `${what} (categories)`);
      checkRange(series.values, `${what} (values)`);
      if (series.sizes) checkRange(series.sizes, `${what} (sizes)`);
    }
    return { def, xml: chartXml(def, context) };
  });
}
