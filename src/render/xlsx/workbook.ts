/**
 * The .xlsx renderer: SheetModel[] → workbook bytes.
 *
 * ExcelJS writes cells, styles, number formats, widths, merges, freeze panes, conditional
 * formats and data validations; the package it produces is then post-processed (JSZip) to add
 * what ExcelJS does not write or writes badly: charts (DrawingML, see charts.ts), tables (table
 * parts, see tables.ts) and defined names (with comments).
 *
 * Names:
 * - sheet names are made valid (≤31 characters, none of []:*?/\, not blank, no leading or
 *   trailing apostrophe) and unique case-insensitively with " (2)", " (3)", …;
 * - tables and defined names share Excel's workbook-wide namespace: every name is made valid
 *   and unique there with "_2", "_3", …. Defined names are WORKBOOK-scoped (no localSheetId),
 *   so a formula anywhere can use them.
 *
 * Helper sheet: validation lists Excel cannot hold inline (a value with a comma or quote, or
 * over 255 characters in all) and chart constants (reference lines) go to one hidden sheet,
 * "Helper data", appended after the model's sheets (only when needed).
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
import JSZip from "jszip";
import { pipeline } from "node:stream/promises";
import {
  a1,
  a1Range,
  isFormula,
  type Block,
  type HorizontalAlignment,
  type PrintSetup,
  type Cell,
  type ChartDef,
  type ConditionalFormat,
  type ListValidation,
  type Literal,
  type RangeRef,
  type SheetModel,
  type StyleName,
} from "../../sheets/model";
import { chartXml, drawingXml, type ChartConstant, type ChartContext, type DrawingChart } from "./charts";
import { storedFormula } from "./formula";
import { CONTENT_TYPE, findRootChild, insertRootChild, PackageEditor, REL, WORKBOOK_ORDER, WORKSHEET_ORDER } from "./package";
import { LOOKS, rowHeightFor, StyleBook, toArgb } from "./styles";
import { tableColumnNames, tableStyleName, tableXml, type TablePlan } from "./tables";
import { encodeOoxmlString, truncateForCell, xmlEscape } from "./text";
import { wrappedRowHeights } from "../../sheets/text-metrics";
import { inlineList } from "../../excel/inline-list";
import { MAX_COLS, MAX_ROWS } from "../../excel/limits";
import { ObjectNames } from "../../excel/object-names";
import { quoteSheetName, SheetNames } from "../../excel/sheet-names";
import { wellFormed } from "../../excel/well-formed";

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

interface Entry {
  cell: Cell;
  style?: StyleName;
  numFmt?: string | null;
  wrap?: boolean;
  align?: HorizontalAlignment | null;
}

/** Excel's default column width (characters) where the model sets none. */
const DEFAULT_WIDTH = 8.43;

const key = (row: number, col: number) => row * MAX_COLS + col;

function checkRange(r: RangeRef, what: string): void {
  const ok =
    Number.isInteger(r.row) && Number.isInteger(r.col) && Number.isInteger(r.rows) && Number.isInteger(r.cols) &&
    r.row >= 0 && r.col >= 0 && r.rows >= 1 && r.cols >= 1 && r.row + r.rows <= MAX_ROWS && r.col + r.cols <= MAX_COLS;
  if (!ok) throw new Error(`xlsx renderer: ${what} has an invalid range ${JSON.stringify(r)}`);
}

const overlaps = (a: RangeRef, b: RangeRef) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

/** The model's cells of one sheet after all blocks are laid down (later blocks win). */
function layOut(sheet: SheetModel): Map<number, Entry> {
  const grid = new Map<number, Entry>();
  sheet.blocks.forEach((b: Block, bi) => {
    b.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        const r = b.row + i;
        const c = b.col + j;
        if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) {
          throw new Error(`xlsx renderer: sheet "${sheet.name}", block ${bi} writes outside the sheet at (${r}, ${c})`);
        }
        const entry: Entry = { cell, style: b.style, numFmt: b.numberFormats?.[j] ?? null, wrap: b.wrap, align: b.align?.[j] ?? null };
        grid.set(key(r, c), entry);
        // A spill area takes the anchor's look (its cells stay empty).
        if (isFormula(cell) && cell.spill) {
          for (let i2 = 0; i2 < cell.spill.rows; i2++) {
            for (let j2 = 0; j2 < cell.spill.cols; j2++) {
              if ((i2 || j2) && !grid.has(key(r + i2, c + j2))) grid.set(key(r + i2, c + j2), { ...entry, cell: null });
            }
          }
        }
      }),
    );
  });
  return grid;
}

/** The spill area of a dynamic-array formula cell at (row, col), or undefined. */
function spillOf(cell: Cell, row: number, col: number, sheetName: string): RangeRef | undefined {
  if (!isFormula(cell) || !cell.spill) return undefined;
  const r: RangeRef = { row, col, rows: cell.spill.rows, cols: cell.spill.cols };
  checkRange(r, `the spill area of the formula at ${a1(row, col)} on sheet "${sheetName}"`);
  return r;
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

const valueOf = (cell: Cell | undefined): Literal | undefined => (cell === undefined ? undefined : isFormula(cell) ? cell.v : cell);

/** A literal as an ExcelJS value; strings always as text. */
function literalValue(v: Literal): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "string") return encodeOoxmlString(truncateForCell(v));
  if (typeof v === "number") return Number.isFinite(v) ? v : ({ error: "#NUM!" } as unknown as ExcelJS.CellErrorValue);
  return v;
}

function cellValue(cell: Cell, cache: boolean, spill?: RangeRef): ExcelJS.CellValue {
  if (!isFormula(cell)) return literalValue(cell);
  const formula = storedFormula(cell.f);
  // A dynamic array: an array formula over its spill area (cm="1" is added when post-processing).
  const array = spill ? { shareType: "array", ref: a1Range(spill) } : {};
  if (!cache || cell.v === null || cell.v === undefined || (typeof cell.v === "number" && !Number.isFinite(cell.v))) {
    return { formula, ...array } as ExcelJS.CellFormulaValue;
  }
  const result = typeof cell.v === "string" ? encodeOoxmlString(truncateForCell(cell.v)) : cell.v;
  return { formula, result, ...array } as ExcelJS.CellFormulaValue;
}

function conditionalFormat(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingOptions {
  const ref = a1Range(cf.range);
  switch (cf.kind) {
    case "colorScale": {
      const cfvo: ExcelJS.Cvfo[] = [{ type: "min" }];
      const color: Partial<ExcelJS.Color>[] = [{ argb: toArgb(cf.min) ?? "FFF8696B" }];
      if (cf.mid !== undefined) {
        cfvo.push({ type: "percentile", value: 50 });
        color.push({ argb: toArgb(cf.mid) ?? "FFFFEB84" });
      }
      cfvo.push({ type: "max" });
      color.push({ argb: toArgb(cf.max) ?? "FF63BE7B" });
      return { ref, rules: [{ type: "colorScale", priority, cfvo, color }] };
    }
    case "dataBar":
      return {
        ref,
        rules: [
          {
            type: "dataBar",
            priority,
            minLength: 0,
            maxLength: 100,
            gradient: false,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: { argb: toArgb(cf.color) ?? "FF638EC6" },
          } as ExcelJS.DataBarRuleType,
        ],
      };
    case "textEquals": {
      const fill = toArgb(cf.fill) ?? "FFFFC7CE";
      const style: Partial<ExcelJS.Style> = { fill: { type: "pattern", pattern: "solid", fgColor: { argb: fill }, bgColor: { argb: fill } } };
      const font = toArgb(cf.font);
      if (font) style.font = { color: { argb: font } };
      // "cellIs equal" compares text case-insensitively, like Excel's "Text that contains/equals" rules.
      return { ref, rules: [{ type: "cellIs", priority, operator: "equal", formulae: [`"${cf.text.replace(/"/g, '""')}"`], style }] };
    }
  }
}

/**
 * The hidden helper sheet: one column per stored list or constant series, appended after the
 * model's sheets once everything is known.
 */
class HelperSheet {
  private readonly columns: (readonly (string | ChartConstant)[])[] = [];

  constructor(
    readonly name: string | undefined,
    private readonly cache = true,
  ) {}

  /**
   * Stores a column of values (texts, numbers, or formulas over a cell: chart lines that follow
   * a cell); returns its absolute reference ('Helper data'!$A$1:$A$3).
   */
  column(values: readonly (string | ChartConstant)[]): string {
    if (!this.name) throw new Error("xlsx renderer: helper sheet was not planned");
    const col = this.columns.length;
    this.columns.push(values);
    return `${quoteSheetName(this.name)}!${a1Range({ row: 0, col, rows: Math.max(1, values.length), cols: 1 }, true)}`;
  }

  addTo(wb: ExcelJS.Workbook): void {
    if (!this.name || this.columns.length === 0) return;
    const ws = wb.addWorksheet(this.name, { state: "hidden" });
    this.columns.forEach((values, col) =>
      values.forEach((v, i) => {
        const cell = ws.getCell(i + 1, col + 1);
        if (typeof v === "string") cell.value = encodeOoxmlString(v);
        else if (typeof v === "number") cell.value = v;
        else cell.value = (this.cache ? { formula: v.ref, result: v.value } : { formula: v.ref }) as ExcelJS.CellFormulaValue;
      }),
    );
  }
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

interface SheetPost {
  name: string;
  tables: TablePlan[];
  charts: { def: ChartDef; xml: string }[];
  /** A1 addresses of dynamic-array anchors (their <c> gets cm="1"). */
  spills: string[];
}

/** The part flagging dynamic arrays: cell metadata type XLDAPR, cm="1" in the sheets. */
const DYNAMIC_ARRAY_METADATA =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
  `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
  `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>` +
  `</metadata>`;

const GENERATE = { compression: "DEFLATE", compressionOptions: { level: 6 } } as const;

/** Writes the sheet models as an .xlsx workbook. */
export async function writeWorkbook(sheets: readonly SheetModel[], options: WriteWorkbookOptions = {}): Promise<Buffer> {
  return (await workbookPackage(sheets, options)).generateAsync({ type: "nodebuffer", ...GENERATE });
}

/**
 * Writes the workbook into `out` as it is compressed (a large workbook is not held twice in
 * memory); resolves when `out` has finished, rejects (and destroys `out`) on any failure.
 */
export async function writeWorkbookTo(sheets: readonly SheetModel[], options: WriteWorkbookOptions, out: NodeJS.WritableStream & { destroy?(): unknown }): Promise<void> {
  try {
    const zip = await workbookPackage(sheets, options);
    await pipeline(zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, ...GENERATE }), out);
  } catch (e) {
    out.destroy?.();
    throw e;
  }
}

async function workbookPackage(sheets: readonly SheetModel[], options: WriteWorkbookOptions): Promise<JSZip> {
  if (sheets.length === 0) throw new Error("xlsx renderer: a workbook needs at least one sheet");
  const cache = options.cacheFormulaResults ?? true;
  const plan = planNames(sheets);
  const wb = new ExcelJS.Workbook();
  wb.creator = options.creator ?? "KA Planner";
  wb.lastModifiedBy = wb.creator;
  wb.created = new Date();
  wb.modified = wb.created;
  // Without cached results, ask Excel to calculate everything when the file is opened.
  if (!cache) wb.calcProperties.fullCalcOnLoad = true;

  const styles = new StyleBook();
  const posts: SheetPost[] = [];
  const definedNames: { name: string; ref: string; comment?: string; localSheetId?: number }[] = [];
  let tableId = 0;
  const helper = new HelperSheet(plan.helperSheet, cache);

  sheets.forEach((sheet, si) => {
    const name = plan.sheets[si];
    const grid = layOut(sheet);

    // Tables: header texts become the column names (and are written back as plain text).
    const tables: TablePlan[] = [];
    (sheet.tables ?? []).forEach((t, ti) => {
      checkRange(t.range, `table "${t.name}" on sheet "${sheet.name}"`);
      // The last row is the totals row when showTotals; Excel needs at least one data row in
      // between, so a table without data rows gets one (empty) row and no totals row.
      const withTotals = Boolean(t.showTotals) && t.range.rows >= 3;
      const range: RangeRef = { ...t.range, rows: Math.max(t.range.rows, 2) };
      for (const other of tables) {
        if (overlaps(other.range, range)) throw new Error(`xlsx renderer: tables "${other.name}" and "${t.name}" overlap on sheet "${sheet.name}"`);
      }
      const headers = Array.from({ length: range.cols }, (_, j) => valueOf(grid.get(key(range.row, range.col + j))?.cell));
      const columns = tableColumnNames(headers);
      columns.forEach((col, j) => {
        const k = key(range.row, range.col + j);
        grid.set(k, { ...(grid.get(k) ?? {}), cell: col });
      });
      let totals: TablePlan["totals"];
      if (withTotals) {
        const last = range.row + range.rows - 1;
        totals = columns.map((_, j) => {
          const cell = grid.get(key(last, range.col + j))?.cell;
          if (cell === undefined || cell === null) return null;
          if (isFormula(cell)) return { formula: storedFormula(cell.f) };
          return typeof cell === "string" ? { label: cell } : null;
        });
      }
      tables.push({ id: ++tableId, name: plan.tables[si][ti], range, columns, totals, style: tableStyleName(t.style) });
    });

    const ws = wb.addWorksheet(name, {
      properties: toArgb(sheet.tabColor) ? { tabColor: { argb: toArgb(sheet.tabColor)! } } : {},
    });

    // Cells.
    const rowHeights = wrappedRowHeights(sheet, (style) => {
      const font = style ? LOOKS[style]?.font : undefined;
      return { size: font?.size ?? 11, bold: Boolean(font?.bold) };
    }, DEFAULT_WIDTH);
    const spills: string[] = [];
    for (const [k, e] of grid) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      const xc = ws.getCell(r + 1, c + 1);
      const spill = spillOf(e.cell, r, c, sheet.name);
      if (spill) spills.push(a1(r, c));
      const v = cellValue(e.cell, cache, spill);
      if (v !== null) xc.value = v;
      const style = styles.get(e.style, e.numFmt, e.wrap, e.align);
      if (style) xc.style = style as ExcelJS.Style;
      const h = rowHeightFor(e.style);
      if (h) rowHeights.set(r, Math.max(rowHeights.get(r) ?? 0, h));
    }
    for (const [r, h] of rowHeights) ws.getRow(r + 1).height = h;

    (sheet.columnWidths ?? []).forEach((w, c) => {
      if (typeof w === "number" && Number.isFinite(w) && w > 0) ws.getColumn(c + 1).width = Math.min(255, w);
    });

    // Merges (after the cells: ExcelJS routes writes to merged cells to the master).
    const merges: RangeRef[] = [];
    for (const m of sheet.merges ?? []) {
      checkRange(m, `a merge on sheet "${sheet.name}"`);
      if (m.rows === 1 && m.cols === 1) continue;
      const clash = merges.find((o) => overlaps(o, m));
      if (clash) throw new Error(`xlsx renderer: merges ${a1Range(clash)} and ${a1Range(m)} overlap on sheet "${sheet.name}"`);
      const table = tables.find((t) => overlaps(t.range, m));
      if (table) throw new Error(`xlsx renderer: merge ${a1Range(m)} overlaps table "${table.name}" on sheet "${sheet.name}" (Excel tables cannot contain merged cells)`);
      merges.push(m);
      ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
    }

    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
      const rows = Math.max(0, Math.floor(sheet.freeze.rows));
      const cols = Math.max(0, Math.floor(sheet.freeze.cols));
      ws.views = [{ state: "frozen", xSplit: cols, ySplit: rows, topLeftCell: a1(rows, cols), activeCell: a1(rows, cols) }];
    }

    // Print: the model's page setup, else all columns on one page width (landscape for wide sheets).
    if (sheet.print) {
      ws.pageSetup = { ...ws.pageSetup, ...pageSetupOf(sheet.print) };
      const areas = [...(sheet.print.area ? [sheet.print.area] : []), ...(sheet.print.areas ?? [])];
      if (areas.length > 0) {
        for (const a of areas) checkRange(a, `the print area of sheet "${sheet.name}"`);
        const ref = areas.map((a) => `${quoteSheetName(name)}!${a1Range(a, true)}`).join(",");
        definedNames.push({ name: "_xlnm.Print_Area", ref, localSheetId: si });
      }
      const rep = sheet.print.repeatRows;
      if (rep) {
        if (!(Number.isInteger(rep.from) && Number.isInteger(rep.to) && rep.from >= 0 && rep.to >= rep.from && rep.to < MAX_ROWS)) {
          throw new Error(`xlsx renderer: sheet "${sheet.name}" repeats invalid rows ${JSON.stringify(rep)}`);
        }
        definedNames.push({ name: "_xlnm.Print_Titles", ref: `${quoteSheetName(name)}!$${rep.from + 1}:$${rep.to + 1}`, localSheetId: si });
      }
    } else {
      const totalWidth = (sheet.columnWidths ?? []).reduce((s, w) => s + (typeof w === "number" && w > 0 ? w : 0), 0);
      ws.pageSetup = { ...ws.pageSetup, orientation: totalWidth > 100 ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    }

    let priority = 1;
    for (const cf of sheet.conditionalFormats ?? []) {
      checkRange(cf.range, `a conditional format on sheet "${sheet.name}"`);
      ws.addConditionalFormatting(conditionalFormat(cf, priority++));
    }

    for (const v of sheet.validations ?? []) {
      checkRange(v.range, `a validation on sheet "${sheet.name}"`);
      if (v.values.length === 0) continue; // nothing to choose from: no drop-down
      addValidation(ws, v, helper);
    }

    (sheet.names ?? []).forEach((n, ni) => {
      checkRange(n.range, `name "${n.name}" on sheet "${sheet.name}"`);
      definedNames.push({ name: plan.names[si][ni], ref: `${quoteSheetName(name)}!${a1Range(n.range, true)}`, comment: n.comment });
    });

    const chartContext: ChartContext = {
      sheetName: name,
      valueAt: (row, col) => valueOf(grid.get(key(row, col))?.cell),
      formatAt: (row, col) => grid.get(key(row, col))?.numFmt,
      cache,
      constants: (values) => helper.column(values),
    };
    const charts = (sheet.charts ?? []).map((def) => {
      checkRange(def.anchor, `chart "${def.title}" on sheet "${sheet.name}"`);
      for (const s of def.series) {
        checkRange(s.categories, `chart "${def.title}", series "${s.name}" (categories)`);
        checkRange(s.values, `chart "${def.title}", series "${s.name}" (values)`);
        if (s.sizes) checkRange(s.sizes, `chart "${def.title}", series "${s.name}" (sizes)`);
      }
      return { def, xml: chartXml(def, chartContext) };
    });
    posts.push({ name, tables, charts, spills });
  });
  helper.addTo(wb);

  const raw = await wb.xlsx.writeBuffer();
  return postProcess(Buffer.from(raw as ArrayBuffer), posts, definedNames);
}

/** A list validation: inline ("a,b,c") when Excel allows it, else a range on the helper sheet. */
function addValidation(ws: ExcelJS.Worksheet, v: ListValidation, helper: HelperSheet): void {
  const values = v.values.map((s) => truncateForCell(wellFormed(String(s))));
  const inline = inlineList(values);
  const formula = inline === null ? helper.column(values) : `"${inline}"`;
  const validation: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "stop",
  };
  if (v.prompt) {
    validation.showInputMessage = true;
    validation.prompt = v.prompt.slice(0, 255);
  }
  (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(
    a1Range(v.range),
    validation,
  );
}

/** Adds table parts, drawings with charts, and defined names to the package ExcelJS wrote. */
async function postProcess(
  xlsx: Buffer,
  posts: readonly SheetPost[],
  definedNames: readonly { name: string; ref: string; comment?: string; localSheetId?: number }[],
): Promise<JSZip> {
  const zip = await JSZip.loadAsync(xlsx);
  const pkg = new PackageEditor(zip);
  const paths = await pkg.worksheetPaths();
  let nextTable = pkg.nextPartNumber("xl/tables/table");
  let nextDrawing = pkg.nextPartNumber("xl/drawings/drawing");
  let nextChart = pkg.nextPartNumber("xl/charts/chart");

  for (const post of posts) {
    const charts = post.charts;
    if (post.tables.length === 0 && charts.length === 0 && post.spills.length === 0) continue;
    const sheetPath = paths.get(post.name);
    if (!sheetPath) throw new Error(`xlsx post-processing: worksheet part for "${post.name}" not found`);
    let sheetXml = await pkg.read(sheetPath);

    for (const addr of post.spills) {
      const at = new RegExp(`<c r="${addr}"(?=[\\s/>])`);
      if (!at.test(sheetXml)) throw new Error(`xlsx post-processing: dynamic-array cell ${addr} of "${post.name}" not found`);
      sheetXml = sheetXml.replace(at, `<c r="${addr}" cm="1"`);
    }

    if (charts.length > 0) {
      if (findRootChild(sheetXml, "drawing")) throw new Error(`xlsx post-processing: sheet "${post.name}" already has a drawing`);
      const drawingPath = `xl/drawings/drawing${nextDrawing++}.xml`;
      const items: DrawingChart[] = [];
      for (const { def, xml } of charts) {
        const chartPath = `xl/charts/chart${nextChart++}.xml`;
        pkg.write(chartPath, xml);
        await pkg.addOverride(chartPath, CONTENT_TYPE.chart);
        items.push({ def, relId: await pkg.addRelationship(drawingPath, REL.chart, chartPath) });
      }
      pkg.write(drawingPath, drawingXml(items));
      await pkg.addOverride(drawingPath, CONTENT_TYPE.drawing);
      const rid = await pkg.addRelationship(sheetPath, REL.drawing, drawingPath);
      sheetXml = insertRootChild(sheetXml, WORKSHEET_ORDER, "drawing", `<drawing r:id="${rid}"/>`);
    }

    if (post.tables.length > 0) {
      if (findRootChild(sheetXml, "tableParts")) throw new Error(`xlsx post-processing: sheet "${post.name}" already has table parts`);
      const parts: string[] = [];
      for (const t of post.tables) {
        const tablePath = `xl/tables/table${nextTable++}.xml`;
        pkg.write(tablePath, tableXml(t));
        await pkg.addOverride(tablePath, CONTENT_TYPE.table);
        parts.push(`<tablePart r:id="${await pkg.addRelationship(sheetPath, REL.table, tablePath)}"/>`);
      }
      sheetXml = insertRootChild(sheetXml, WORKSHEET_ORDER, "tableParts", `<tableParts count="${parts.length}">${parts.join("")}</tableParts>`);
    }
    if (!/\sxmlns:r="/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet"))))) {
      sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
    }
    pkg.write(sheetPath, sheetXml);
  }

  if (posts.some((p) => p.spills.length > 0)) {
    pkg.write("xl/metadata.xml", DYNAMIC_ARRAY_METADATA);
    await pkg.addOverride("xl/metadata.xml", CONTENT_TYPE.sheetMetadata);
    await pkg.addRelationship("xl/workbook.xml", REL.sheetMetadata, "xl/metadata.xml");
  }

  if (definedNames.length > 0) {
    let wbXml = await pkg.read("xl/workbook.xml");
    const items = definedNames
      .map(
        (d) =>
          `<definedName name="${xmlEscape(d.name)}"${d.localSheetId !== undefined ? ` localSheetId="${d.localSheetId}"` : ""}${d.comment ? ` comment="${xmlEscape(d.comment.slice(0, 255))}"` : ""}>${xmlEscape(d.ref)}</definedName>`,
      )
      .join("");
    const existing = findRootChild(wbXml, "definedNames");
    if (existing) {
      const close = wbXml.lastIndexOf("</definedNames>", existing.end);
      wbXml = close >= existing.start
        ? wbXml.slice(0, close) + items + wbXml.slice(close)
        : wbXml.slice(0, existing.start) + `<definedNames>${items}</definedNames>` + wbXml.slice(existing.end);
    } else {
      wbXml = insertRootChild(wbXml, WORKBOOK_ORDER, "definedNames", `<definedNames>${items}</definedNames>`);
    }
    pkg.write("xl/workbook.xml", wbXml);
  }

  pkg.flush();
  return zip;
}
