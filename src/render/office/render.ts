/**
 * The Office.js renderer: writes SheetModels into NEW worksheets of the open workbook.
 * The only place in the code base that calls Office.js.
 *
 * Never overwrite: existing worksheet, table and workbook/sheet-scoped names are loaded once; every
 * new sheet, table and defined name gets a valid name no existing one has (case-insensitive), and
 * only sheets this call created are written to. Each sheet is built under a temporary name that
 * carries the run's id, with the run's marker (temp-sheets.ts), and renamed to its final name in its
 * last request, so a failed sheet can always be found (by the temporary name, or by id once known)
 * and deleted, with the names that refer to it, without any risk of touching a user's sheet or
 * another run's (two runs may choose the same free names: names are loaded once, at the start).
 *
 * Syncs: 1–2 setup syncs per call (load names; sheet-scoped names only when the models have tables
 * or names), then per sheet one sync per request. Everything for a sheet is queued into requests
 * of at most `maxRequestBytes` (default 3,800,000 bytes, estimated conservatively: JSON of the
 * arguments + 400 bytes per operation); a sync is made only when the next operation would cross the
 * budget, and per-cell arrays are cut into row chunks to fill each request. With P the sheet's
 * estimated payload, B the budget and r the largest single row:
 *     syncs per sheet = 1 + number of budget overflows ≤ 1 + ⌊P / (B − r)⌋.
 * Repeated formulas are one R1C1 scalar per column, number formats one scalar per block column and
 * styles one set of properties per block, so P grows only with the literal cells: measured for a
 * 7-column contribution sheet (rank, name, value, 3 formula columns, tier formula), 33 bytes per row
 * with 15-character names → 1 sync per sheet at 100, 1,000, 10,000 and 100,000 rows (largest
 * request 3.3 MB); with 40-character names 55 bytes per row → 2 syncs at 100,000 rows.
 * Plus 1 sync at the end to activate the first sheet (option), and 1–3 on the failure path.
 *
 * Layout beyond cells (planned in plan.ts, queued in the same requests): rows of wrapped text
 * autofitted (ExcelApi 1.2) or given an estimated height where the text is merged over several
 * columns; the print setup via worksheet.pageLayout (ExcelApi 1.9, else a warning); a
 * dynamic-array formula written to its own cell only, its spill area left empty for Excel.
 *
 * Calculation: `application.suspendApiCalculationUntilNextSync()` (ExcelApi 1.6) is queued at the
 * start of every request that writes; the calculation mode is never changed, so an error can never
 * leave the workbook in manual calculation (setting it needs ExcelApi 1.8, is application-wide, and
 * would survive a crashed or closed task pane).
 */
import { a1, a1Range, type PrintSetup, type RangeRef, type SheetModel } from "../../sheets/model";
import { DEFAULT_MAX_REQUEST_BYTES, OP_OVERHEAD, REQUEST_OVERHEAD } from "./encode";
import { ObjectNames } from "../../excel/object-names";
import { MAX_SHEET_NAME, SheetNames } from "../../excel/sheet-names";
import { truncateUnits } from "../../excel/well-formed";
import { planSheet, type CellsOp, type ChartPlan, type PlanOp } from "./write-plan";
import { markerFormula, newRunId, refersToProperty, refersToSheet, TEMP_MARKER, tempSheetName } from "./temp-sheets";
import { columnLetters } from "./r1c1";
import { hexColor as hex } from "./styles";

export interface RenderOptions {
  /** Called after each sheet is complete. */
  onProgress?(done: number, total: number, sheetName: string): void;
  /** Checked between sheets (never in the middle of one). */
  signal?: { cancelled: boolean } | AbortSignal;
  /** Activate the first created sheet at the end. */
  activate?: boolean;
  /** Request budget in bytes (default 3,800,000: every request under 4 MB). */
  maxRequestBytes?: number;
  /** ExcelApi requirement-set probe; default Office.context.requirements.isSetSupported("ExcelApi", v). */
  isSetSupported?(version: string): boolean;
  /** The run's id (temp-sheets.ts), carried by its temporary sheets; a new one when not given. */
  runId?: string;
}

export interface RenderWarning {
  readonly sheetKey: string;
  readonly sheetName: string;
  readonly feature: string;
  readonly message: string;
}

export interface RenderResult {
  readonly created: { key: string; name: string }[];
  readonly cancelled: boolean;
  /** Features left out (requirement sets not supported, unsupported chart options). */
  readonly warnings: RenderWarning[];
}

export type CleanupOutcome = "deleted" | "marked-incomplete" | "not-created" | "cleanup-failed";

/** A sheet could not be written. Sheets before it are complete; nothing after it was started. */
export class SheetRenderError extends Error {
  override readonly name = "SheetRenderError";
  constructor(
    readonly sheetIndex: number,
    readonly sheetCount: number,
    readonly sheetKey: string,
    readonly sheetName: string,
    readonly cleanup: CleanupOutcome,
    /** Name the half-written sheet kept when it could not be deleted (its temporary name when even marking failed). */
    readonly incompleteName: string | undefined,
    override readonly cause: unknown,
  ) {
    super(
      `Sheet ${sheetIndex + 1} of ${sheetCount} "${sheetName}" (${sheetKey}) could not be written: ${describe(cause)}. ` +
        (cleanup === "deleted"
          ? "The half-written sheet was deleted."
          : cleanup === "marked-incomplete"
            ? `The half-written sheet could not be deleted and was renamed "${incompleteName}".`
            : cleanup === "not-created"
              ? "No sheet was created for it."
              : `The half-written sheet could not be removed: delete the sheet "${incompleteName}" or "${sheetName}" if present.`) +
        (sheetIndex > 0 ? ` Sheets 1–${sheetIndex} are complete.` : ""),
    );
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === "string" && code !== "" && !e.message.includes(code) ? `${e.message} (${code})` : e.message;
  }
  return String(e);
}

const isCancelled = (s: RenderOptions["signal"]): boolean =>
  s === undefined ? false : "aborted" in s ? s.aborted : Boolean((s as { cancelled: boolean }).cancelled);

function defaultSupports(): (version: string) => boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(n: string, v?: string): boolean } } } }).Office;
  const req = office?.context?.requirements;
  return req ? (v) => req.isSetSupported("ExcelApi", v) : () => true;
}

/* ---------------------------------------------------------------- requests */

/** Queues operations and syncs only when the next one would cross the request budget. */
class Requests {
  bytes = 0;
  ops = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    private readonly suspend: boolean,
  ) {}
  /** Room left in the current request. */
  get room(): number {
    return this.budget - (this.ops === 0 ? this.opening : this.bytes);
  }
  private get opening(): number {
    return REQUEST_OVERHEAD + (this.suspend ? OP_OVERHEAD : 0);
  }
  /** Make room for `n` bytes: sync first if the current request has content and would overflow. */
  async reserve(n: number): Promise<void> {
    if (this.ops > 0 && this.bytes + n > this.budget) await this.flush();
    this.take(n);
  }
  /** Account for `n` bytes queued now (opening a request with the calculation suspension). */
  take(n: number): void {
    if (this.ops === 0) {
      if (this.suspend) this.context.workbook.application.suspendApiCalculationUntilNextSync();
      this.bytes = this.opening;
    }
    this.bytes += n;
    this.ops++;
  }
  async flush(): Promise<void> {
    if (this.ops === 0) return;
    this.ops = 0;
    this.bytes = 0;
    await this.context.sync();
    this.syncs++;
  }
}

/* ---------------------------------------------------------------- operations */

const rangeOf = (sheet: Excel.Worksheet, r: RangeRef): Excel.Range => sheet.getRange(a1Range(r));
const columnsOf = (sheet: Excel.Worksheet, first: number, last: number): Excel.Range =>
  sheet.getRange(`${columnLetters(first + 1)}:${columnLetters(last + 1)}`);

/** Sets a value Office.js accepts as a single value applied to every cell (typed as any[][]). */
function setScalar(range: Excel.Range, prop: "values" | "formulas" | "formulasR1C1" | "numberFormat", value: unknown): void {
  (range as unknown as Record<string, unknown>)[prop] = value;
}

/** Sets a property under range.format by path: "font.bold", "fill.color", "borders.EdgeTop.style". */
function setPath(format: Excel.RangeFormat, path: string, value: unknown): void {
  const parts = path.split(".");
  let obj: unknown = format;
  let i = 0;
  if (parts[0] === "borders") {
    obj = format.borders.getItem(parts[1] as Excel.BorderIndex);
    i = 2;
  }
  for (; i < parts.length - 1; i++) obj = (obj as Record<string, unknown>)[parts[i]];
  (obj as Record<string, unknown>)[parts[parts.length - 1]] = value;
}

async function writeCells(sheet: Excel.Worksheet, op: CellsOp, req: Requests): Promise<void> {
  const total = op.rows.length;
  let r = 0;
  while (r < total) {
    const room = req.room - OP_OVERHEAD - 2;
    let end = r;
    let size = 0;
    while (end < total && size + op.rowBytes[end] <= room) {
      size += op.rowBytes[end];
      end++;
    }
    if (end === r) {
      if (req.ops > 0) {
        await req.flush();
        continue;
      }
      size = op.rowBytes[r]; // a single row larger than the budget goes alone
      end = r + 1;
    }
    const rect = { row: op.rect.row + r, col: op.rect.col, rows: end - r, cols: op.rect.cols };
    req.take(OP_OVERHEAD + 2 + size);
    const range = rangeOf(sheet, rect);
    const rows = r === 0 && end === total ? op.rows : op.rows.slice(r, end);
    if (op.prop === "formulas") range.formulas = rows as unknown[][];
    else range.values = rows as unknown[][];
    r = end;
  }
}

function applyChart(sheet: Excel.Worksheet, plan: ChartPlan): void {
  const first = plan.series[0];
  const chart = sheet.charts.add(plan.type, rangeOf(sheet, first.values), "Columns");
  chart.title.text = plan.title;
  const a = plan.anchor;
  chart.setPosition(a1(a.row, a.col), a1(a.row + Math.max(1, a.rows) - 1, a.col + Math.max(1, a.cols) - 1));
  chart.legend.position = "Bottom";
  if (plan.plotHidden) chart.plotVisibleOnly = false;
  plan.series.forEach((s, k) => {
    const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    if (k > 0) series.setValues(rangeOf(sheet, s.values));
    series.setXAxisValues(rangeOf(sheet, s.categories));
    if (s.sizes) series.setBubbleSizes(rangeOf(sheet, s.sizes));
    if (s.chartType) series.chartType = s.chartType;
    if (s.secondary) series.axisGroup = "Secondary";
    if (s.color) {
      if (s.colorMode === "fill") series.format.fill.setSolidColor(s.color);
      else if (s.colorMode === "line") series.format.line.color = s.color;
      else { series.markerBackgroundColor = s.color; series.markerForegroundColor = s.color; }
    }
    if (s.dashed) series.format.line.lineStyle = "Dash";
    if (s.chartType === "Line" || s.chartType === "XYScatterLinesNoMarkers") series.markerStyle = "None";
  });
  if (plan.xAxisTitle) chart.axes.categoryAxis.title.text = plan.xAxisTitle;
  if (plan.yAxisTitle) chart.axes.valueAxis.title.text = plan.yAxisTitle;
  if (plan.yAxisFormat) chart.axes.valueAxis.numberFormat = plan.yAxisFormat;
  if (plan.y2) {
    const y2 = chart.axes.getItem("Value", "Secondary");
    if (plan.y2AxisTitle) y2.title.text = plan.y2AxisTitle;
    if (plan.y2.min !== undefined) y2.minimum = plan.y2.min;
    if (plan.y2.max !== undefined) y2.maximum = plan.y2.max;
    if (plan.y2.numberFormat) y2.numberFormat = plan.y2.numberFormat;
  }
}

async function applyOp(context: Excel.RequestContext, sheet: Excel.Worksheet, op: PlanOp, req: Requests): Promise<void> {
  if (op.kind === "cells") return writeCells(sheet, op, req);
  await req.reserve(op.bytes);
  switch (op.kind) {
    case "scalar":
      setScalar(rangeOf(sheet, op.rect), op.prop, op.value);
      return;
    case "format": {
      const format = rangeOf(sheet, op.rect).format;
      for (const [path, value] of op.settings) setPath(format, path, value);
      return;
    }
    case "columnWidth":
      columnsOf(sheet, op.firstCol, op.lastCol).format.columnWidth = op.points;
      return;
    case "hideColumns":
      columnsOf(sheet, op.firstCol, op.lastCol).columnHidden = true;
      return;
    case "merge":
      rangeOf(sheet, op.rect).merge(false);
      return;
    case "table": {
      const table = sheet.tables.add(rangeOf(sheet, op.def.range), true);
      table.name = op.name;
      if (op.def.style) table.style = op.def.style;
      if (op.def.showTotals) table.showTotals = true;
      return;
    }
    case "conditionalFormat": {
      const def = op.def;
      const range = rangeOf(sheet, def.range);
      if (def.kind === "colorScale") {
        const cf = range.conditionalFormats.add("ColorScale");
        cf.colorScale.criteria = {
          minimum: { type: "LowestValue", color: hex(def.min) },
          ...(def.mid !== undefined ? { midpoint: { type: "Percentile", formula: "50", color: hex(def.mid) } } : {}),
          maximum: { type: "HighestValue", color: hex(def.max) },
        };
      } else if (def.kind === "dataBar") {
        const cf = range.conditionalFormats.add("DataBar");
        cf.dataBar.positiveFormat.fillColor = hex(def.color);
      } else {
        // Exact (case-insensitive) equality, as Excel's "Cell Value equal to": the text is a string literal.
        const cf = range.conditionalFormats.add("CellValue");
        cf.cellValue.format.fill.color = hex(def.fill);
        if (def.font) cf.cellValue.format.font.color = hex(def.font);
        cf.cellValue.rule = { formula1: `="${def.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
      }
      return;
    }
    case "validation": {
      const dv = rangeOf(sheet, op.def.range).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: op.source } };
      if (op.def.prompt) dv.prompt = { showPrompt: true, title: "", message: truncateUnits(op.def.prompt, 255) };
      return;
    }
    case "name":
      context.workbook.names.add(op.name, rangeOf(sheet, op.def.range), op.comment);
      return;
    case "chart":
      applyChart(sheet, op.chart);
      return;
    case "freeze":
      if (op.rows > 0 && op.cols > 0) sheet.freezePanes.freezeAt(rangeOf(sheet, { row: 0, col: 0, rows: op.rows, cols: op.cols }));
      else if (op.rows > 0) sheet.freezePanes.freezeRows(op.rows);
      else sheet.freezePanes.freezeColumns(op.cols);
      return;
    case "tabColor":
      sheet.tabColor = op.color;
      return;
    case "autofitRows":
      rangeOf(sheet, op.rect).format.autofitRows();
      return;
    case "rowHeight":
      rangeOf(sheet, { row: op.row, col: 0, rows: 1, cols: 1 }).format.rowHeight = op.points;
      return;
    case "pageLayout":
      applyPrint(sheet, op.print);
      return;
  }
}

/** The print setup through worksheet.pageLayout (ExcelApi 1.9); fit 0 = as many pages as needed. */
function applyPrint(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  if (print.landscape !== undefined) layout.orientation = print.landscape ? "Landscape" : "Portrait";
  if (print.fitToWidth !== undefined || print.fitToHeight !== undefined) {
    layout.zoom = { horizontalFitToPages: Math.max(0, Math.floor(print.fitToWidth ?? 0)), verticalFitToPages: Math.max(0, Math.floor(print.fitToHeight ?? 0)) };
  }
  const areas = [...(print.area ? [print.area] : []), ...(print.areas ?? [])];
  if (areas.length > 0) layout.setPrintArea(areas.map((a) => a1Range(a)).join(","));
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.from + 1}:$${print.repeatRows.to + 1}`);
}


/* ---------------------------------------------------------------- cleanup */

interface SheetAttempt {
  tempName: string;
  finalName: string;
  id?: string;
  definedNames: readonly string[];
}

/**
 * Removes what a failed sheet of THIS run created: its sheet, found by id or by its temporary
 * name (which carries the run id), never by its final name (another run, or the user, may have
 * taken that name meanwhile); and the workbook names it added, only those that refer to that
 * sheet (by its current name), never a name of another run or of the user.
 */
async function cleanUp(
  context: Excel.RequestContext,
  attempt: SheetAttempt,
  preexistingIds: ReadonlySet<string>,
  sheetNames: SheetNames,
  supports: (version: string) => boolean,
): Promise<{ outcome: CleanupOutcome; incompleteName?: string }> {
  try {
    const sheets = context.workbook.worksheets;
    const candidates = [...(attempt.id ? [sheets.getItemOrNullObject(attempt.id)] : []), sheets.getItemOrNullObject(attempt.tempName)];
    candidates.forEach((s) => s.load("id,name"));
    const refersTo = refersToProperty(supports);
    const names = attempt.definedNames.map((n) => {
      const item = context.workbook.names.getItemOrNullObject(n);
      item.load(`name,${refersTo}`);
      return item;
    });
    await context.sync();
    const ours = candidates.find((s) => !s.isNullObject && !preexistingIds.has(s.id) && (s.id === attempt.id || s.name === attempt.tempName));
    if (!ours) return { outcome: "not-created" };
    for (const item of names) {
      if (!item.isNullObject && refersToSheet(refersTo === "formula" ? item.formula : item.value, ours.name)) item.delete();
    }
    ours.delete();
    try {
      await context.sync();
      return { outcome: "deleted" };
    } catch {
      const incompleteName = sheetNames.claim(`${truncateUnits(attempt.finalName, MAX_SHEET_NAME - 13)} (incomplete)`);
      const sheet = context.workbook.worksheets.getItem(ours.id);
      sheet.name = incompleteName;
      sheet.getRange("A1").values = [["'INCOMPLETE: this sheet was not fully written by KA Planner and can be deleted."]];
      await context.sync();
      return { outcome: "marked-incomplete", incompleteName };
    }
  } catch {
    return { outcome: "cleanup-failed" };
  }
}

/* ---------------------------------------------------------------- main */

/** A temporary name of the run that no sheet has. */
function freeTempName(runId: string, seq: { n: number }, sheetNames: SheetNames): string {
  for (;;) {
    const candidate = tempSheetName(runId, seq.n++);
    if (!sheetNames.has(candidate)) return candidate;
  }
}

/**
 * Writes each SheetModel into a new worksheet. Resolves with the created sheets (in order) and
 * whether the run was cancelled; throws a SheetRenderError naming the sheet that failed.
 */
export async function renderSheets(
  context: Excel.RequestContext,
  sheets: readonly SheetModel[],
  options: RenderOptions = {},
): Promise<RenderResult> {
  const supports = options.isSetSupported ?? defaultSupports();
  if (!supports("1.4")) throw new Error("KA Planner needs Excel with ExcelApi 1.4 or later to insert sheets.");
  const budget = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const suspend = supports("1.6");
  const created: { key: string; name: string }[] = [];
  const createdIds: string[] = [];
  const warnings: RenderWarning[] = [];
  const runId = options.runId ?? newRunId();
  const seq = { n: 1 };

  if (isCancelled(options.signal)) return { created, cancelled: true, warnings };

  // Setup: existing names, loaded once.
  const wb = context.workbook;
  const worksheets = wb.worksheets;
  worksheets.load("items/name,items/id");
  const tables = wb.tables;
  tables.load("items/name");
  const names = wb.names;
  names.load("items/name");
  await context.sync();
  const sheetNames = new SheetNames(worksheets.items.map((s) => s.name));
  const preexistingIds = new Set(worksheets.items.map((s) => s.id));
  const objectNames = new ObjectNames([...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)]);
  if (sheets.some((m) => (m.tables?.length ?? 0) > 0 || (m.names?.length ?? 0) > 0)) {
    const scoped = worksheets.items.map((s) => s.names.load("items/name"));
    await context.sync();
    for (const c of scoped) for (const n of c.items) objectNames.reserve(n.name);
  }
  if (!suspend) warnings.push({ sheetKey: "", sheetName: "", feature: "calculation", message: "calculation not suspended while writing: needs ExcelApi 1.6" });

  for (let i = 0; i < sheets.length; i++) {
    if (i > 0 && isCancelled(options.signal)) return finish(true);
    const model = sheets[i];
    const finalName = sheetNames.claim(model.name);
    const tempName = freeTempName(runId, seq, sheetNames);
    sheetNames.reserve(tempName);
    const warn = (feature: string, message: string): void => {
      warnings.push({ sheetKey: model.key, sheetName: finalName, feature, message });
    };
    const attempt: SheetAttempt = { tempName, finalName, definedNames: [] };
    try {
      const plan = planSheet(model, { supports, objectNames, warn });
      attempt.definedNames = plan.definedNames;
      const req = new Requests(context, budget, suspend);
      req.take(2 * OP_OVERHEAD);
      const sheet = worksheets.add(tempName);
      sheet.names.add(TEMP_MARKER, markerFormula(runId, Date.now()));
      sheet.load("id");
      let idKnown = false;
      for (const op of plan.ops) {
        await applyOp(context, sheet, op, req);
        if (!idKnown && req.syncs > 0) { attempt.id = sheet.id; idKnown = true; }
      }
      await req.reserve(2 * OP_OVERHEAD);
      // Renamed first: a sheet whose rename fails (its name taken meanwhile) keeps its marker.
      sheet.name = finalName;
      sheet.names.getItem(TEMP_MARKER).delete();
      await req.flush();
      attempt.id = sheet.id;
      createdIds.push(sheet.id);
      sheetNames.release(tempName);
    } catch (e) {
      const { outcome, incompleteName } = await cleanUp(context, attempt, preexistingIds, sheetNames, supports);
      throw new SheetRenderError(i, sheets.length, model.key, finalName, outcome, outcome === "cleanup-failed" ? tempName : incompleteName, e);
    }
    created.push({ key: model.key, name: finalName });
    options.onProgress?.(i + 1, sheets.length, finalName);
  }
  return finish(false);

  async function finish(cancelled: boolean): Promise<RenderResult> {
    if (options.activate && createdIds.length > 0) {
      worksheets.getItem(createdIds[0]).activate();
      await context.sync();
    }
    return { created, cancelled, warnings };
  }
}

/** Convenience: renderSheets inside Excel.run. */
export function insertSheets(sheets: readonly SheetModel[], options: RenderOptions = {}): Promise<RenderResult> {
  return Excel.run((context) => renderSheets(context, sheets, options));
}
