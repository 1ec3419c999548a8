/**
 * The .xlsx renderer: SheetModel[] → workbook bytes.
 *
 * ExcelJS writes cells, styles, number formats, widths, merges, freeze panes, conditional
 * formats and data validations; the package it produces is then post-processed (JSZip) to add
 * what ExcelJS does not write or writes badly: charts (DrawingML, see charts.ts), tables (table
 * parts, see tables.ts) and defined names (with comments).
 *
 * Names (Excel's rules, src/excel, the same as the Office renderer's): sheet names valid and
 * unique case-insensitively with " (2)", " (3)", …; tables and defined names share Excel's
 * workbook-wide namespace, unique there with "_2", "_3", …. Defined names are
 * WORKBOOK-scoped (no localSheetId), so a formula anywhere can use them.
 *
 * Helper sheet (helper-sheet.ts): drop-down lists Excel cannot hold inline (src/excel/inline-list.ts)
 * and chart constants (reference lines) go to one hidden sheet, "Helper data", appended after
 * the model's sheets (only when needed).
 *
 * Tables: the range includes the header row and, with showTotals, the totals row (its last
 * row; text cells become totalsRowLabel, formulas a custom totalsRowFormula). Header cells are
 * rewritten as the (unique, one-line) column names Excel requires.
 *
 * Row heights: rows holding wrapped text get the height the text needs, estimated from its
 * length against the column width (merged cells: the merged width; wide CJK characters count
 * double; 15 pt per line at 11 pt) — LibreOffice does not grow such rows by itself.
 *
 * Print: the model's print setup (area, orientation, fit to pages, rows repeated on every
 * page) as pageSetup and the sheet's _xlnm.Print_Area / _xlnm.Print_Titles names; without one,
 * one page wide (landscape for wide sheets).
 *
 * Dynamic arrays (FormulaCell.spill, the live KA.* functions): the anchor cell holds an array
 * formula over the spill area (`<f t="array" ref="…">`) flagged as dynamic by cell metadata
 * (`cm="1"`, xl/metadata.xml, XLDAPR), which is how Excel stores a spilling formula; the rest
 * of the area stays empty (it takes the anchor's style and number format). Programs without
 * dynamic arrays read it as a legacy array formula over the area.
 *
 * Text safety: every literal string is written as a (shared) string cell, never as a formula,
 * whatever it starts with (=, +, -, @, tab, CR); characters XML cannot carry are `_xHHHH_`-
 * escaped; strings over Excel's 32,767-character cell limit are truncated with a note.
 */
import ExcelJS from "exceljs";
import type JSZip from "jszip";
import { pipeline } from "node:stream/promises";
import type { SheetModel } from "../../sheets/model";
import { inlineList } from "../../excel/inline-list";
import { ObjectNames } from "../../excel/object-names";
import { SheetNames } from "../../excel/sheet-names";
import { layOut } from "./grid";
import { HelperSheet } from "./helper-sheet";
import { postProcess, type DefinedNameEntry, type SheetPost } from "./post-process";
import { StyleBook, toArgb } from "./styles";
import { planTables } from "./tables";
import { chartsOf, definedNamesOf, writeCells, writeFreeze, writeMerges, writePrint, writeRules, type SheetWriting } from "./worksheet";

export interface WriteWorkbookOptions {
  /** Cache each formula's expected value (`v`) in the file (default true). When false, formulas are
   * written without results and the workbook asks for a full calculation on load. */
  readonly cacheFormulaResults?: boolean;
  /** Author shown in the file's properties. */
  readonly creator?: string;
}

/** Final names the renderer uses, in model order. */
export interface WorkbookNames {
  readonly sheets: readonly string[];
  /** Per sheet, per TableDef: the table name used (null when the table could not be written). */
  readonly tables: readonly (readonly string[])[];
  /** Per sheet, per NamedRange: the workbook-scoped defined name used. */
  readonly names: readonly (readonly string[])[];
  /** Hidden sheet holding long validation lists and chart constants, if one is needed. */
  readonly helperSheet?: string;
}

/** Plans every final name (sheets, tables, defined names) without writing anything. */
export function planNames(sheets: readonly SheetModel[]): WorkbookNames {
  const sheetNames = new SheetNames();
  const objectNames = new ObjectNames();
  const finalSheetNames = sheets.map((s) => sheetNames.claim(s.name));
  const tables = sheets.map((s) => (s.tables ?? []).map((t) => objectNames.claimTable(t.name)));
  const names = sheets.map((s) => (s.names ?? []).map((n) => objectNames.claimName(n.name)));
  const needsHelper =
    sheets.some((s) => (s.validations ?? []).some((v) => v.values.length > 0 && inlineList(v.values) === null)) ||
    sheets.some((s) => (s.charts ?? []).some((c) => (c.referenceLines ?? []).length > 0));
  return { sheets: finalSheetNames, tables, names, helperSheet: needsHelper ? sheetNames.claim("Helper data") : undefined };
}

const GENERATE = { compression: "DEFLATE", compressionOptions: { level: 6 } } as const;

/** Writes the sheet models as an .xlsx workbook. */
export async function writeWorkbook(sheets: readonly SheetModel[], options: WriteWorkbookOptions = {}): Promise<Buffer> {
  return (await workbookPackage(sheets, options)).generateAsync({ type: "nodebuffer", ...GENERATE });
}

/**
 * Writes the workbook into `out` as it is compressed (a large workbook is not held twice in
 * memory); resolves when `out` has finished, rejects (and destroys `out`) on any failure.
 */
export async function writeWorkbookTo(
  sheets: readonly SheetModel[],
  options: WriteWorkbookOptions,
  out: NodeJS.WritableStream & { destroy?(): unknown },
): Promise<void> {
  try {
    const zip = await workbookPackage(sheets, options);
    await pipeline(zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, ...GENERATE }), out);
  } catch (e) {
    out.destroy?.();
    throw e;
  }
}

function newWorkbook(options: WriteWorkbookOptions, cache: boolean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = options.creator ?? "KA Planner";
  wb.lastModifiedBy = wb.creator;
  wb.created = new Date();
  wb.modified = wb.created;
  // Without cached results, ask Excel to calculate everything when the file is opened.
  if (!cache) wb.calcProperties.fullCalcOnLoad = true;
  return wb;
}

async function workbookPackage(sheets: readonly SheetModel[], options: WriteWorkbookOptions): Promise<JSZip> {
  if (sheets.length === 0) throw new Error("xlsx renderer: a workbook needs at least one sheet");
  const cache = options.cacheFormulaResults ?? true;
  const names = planNames(sheets);
  const wb = newWorkbook(options, cache);
  const styles = new StyleBook();
  const helper = new HelperSheet(names.helperSheet, cache);
  const posts: SheetPost[] = [];
  const definedNames: DefinedNameEntry[] = [];
  let tableCount = 0;
  sheets.forEach((model, index) => {
    const grid = layOut(model);
    const tables = planTables(model, grid, names.tables[index], tableCount + 1);
    tableCount += tables.length;
    const tabColor = toArgb(model.tabColor);
    const ws = wb.addWorksheet(names.sheets[index], { properties: tabColor ? { tabColor: { argb: tabColor } } : {} });
    const sheet: SheetWriting = { model, name: names.sheets[index], index, grid, ws, cache, styles, helper };
    const spills = writeCells(sheet);
    writeMerges(sheet, tables);
    writeFreeze(sheet);
    definedNames.push(...writePrint(sheet));
    writeRules(sheet);
    definedNames.push(...definedNamesOf(sheet, names.names[index]));
    posts.push({ name: sheet.name, tables, charts: chartsOf(sheet), spills });
  });
  helper.addTo(wb);
  const raw = await wb.xlsx.writeBuffer();
  return postProcess(Buffer.from(raw), posts, definedNames);
}
