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
 * Layout beyond cells (planned in write-plan.ts, queued in the same requests): rows of wrapped text
 * autofitted (ExcelApi 1.2) or given an estimated height where the text is merged over several
 * columns; the print setup via worksheet.pageLayout (ExcelApi 1.9, else a warning); a
 * dynamic-array formula written to its own cell only, its spill area left empty for Excel.
 *
 * Calculation: `application.suspendApiCalculationUntilNextSync()` (ExcelApi 1.6) is queued at the
 * start of every request that writes; the calculation mode is never changed, so an error can never
 * leave the workbook in manual calculation (setting it needs ExcelApi 1.8, is application-wide, and
 * would survive a crashed or closed task pane).
 */
import type { SheetModel } from "../../sheets/model";
import { ObjectNames } from "../../excel/object-names";
import { SheetNames } from "../../excel/sheet-names";
import { applyOp } from "./apply-op";
import { DEFAULT_MAX_REQUEST_BYTES, OP_OVERHEAD } from "./encode";
import { SheetRenderError } from "./render-error";
import { Requests } from "./requests";
import { cleanUp, type SheetAttempt } from "./sheet-cleanup";
import { markerFormula, newRunId, TEMP_MARKER, tempSheetName } from "./temp-sheets";
import { planSheetWrites } from "./write-plan";

export { SheetRenderError } from "./render-error";

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
  isSetSupported?: (version: string) => boolean;
  /** The run's id (temp-sheets.ts), carried by its temporary sheets; a new one when not given. */
  runId?: string;
}

interface RenderWarning {
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

const isCancelled = (signal: RenderOptions["signal"]): boolean =>
  signal === undefined ? false : "aborted" in signal ? signal.aborted : signal.cancelled;

function defaultSupports(): (version: string) => boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(n: string, v?: string): boolean } } } }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? (version) => requirements.isSetSupported("ExcelApi", version) : () => true;
}

/** What one call writes with: the host, the budget, and the names the workbook has. */
interface Run {
  readonly context: Excel.RequestContext;
  readonly supports: (version: string) => boolean;
  readonly budget: number;
  readonly suspend: boolean;
  readonly runId: string;
  /** Next number for a temporary sheet name of the run. */
  tempSeq: number;
  readonly sheetNames: SheetNames;
  readonly objectNames: ObjectNames;
  readonly preexistingIds: ReadonlySet<string>;
  readonly warnings: RenderWarning[];
}

/** The workbook's sheet, table and workbook names, loaded once (sheet-scoped names only when the models add names). */
async function loadWorkbookNames(
  context: Excel.RequestContext,
  models: readonly SheetModel[],
): Promise<Pick<Run, "sheetNames" | "objectNames" | "preexistingIds">> {
  const workbook = context.workbook;
  workbook.worksheets.load("items/name,items/id");
  workbook.tables.load("items/name");
  workbook.names.load("items/name");
  await context.sync();
  const sheets = workbook.worksheets.items;
  const objectNames = new ObjectNames([
    ...workbook.tables.items.map((table) => table.name),
    ...workbook.names.items.map((name) => name.name),
  ]);
  if (models.some((model) => (model.tables?.length ?? 0) > 0 || (model.names?.length ?? 0) > 0)) {
    const scoped = sheets.map((sheet) => sheet.names.load("items/name"));
    await context.sync();
    for (const names of scoped) for (const name of names.items) objectNames.reserve(name.name);
  }
  return {
    sheetNames: new SheetNames(sheets.map((sheet) => sheet.name)),
    objectNames,
    preexistingIds: new Set(sheets.map((sheet) => sheet.id)),
  };
}

/** A temporary name of the run that no sheet has, now taken. */
function claimTempName(run: Run): string {
  for (;;) {
    const candidate = tempSheetName(run.runId, run.tempSeq++);
    if (run.sheetNames.has(candidate)) continue;
    run.sheetNames.reserve(candidate);
    return candidate;
  }
}

/**
 * Writes one model into a new sheet built under the temporary name and renamed to its final
 * name in its last request; returns the sheet's id.
 */
async function writeSheet(run: Run, model: SheetModel, attempt: SheetAttempt): Promise<string> {
  const warn = (feature: string, message: string): void => {
    run.warnings.push({ sheetKey: model.key, sheetName: attempt.finalName, feature, message });
  };
  const writes = planSheetWrites(model, { supports: run.supports, objectNames: run.objectNames, warn });
  attempt.definedNames = writes.definedNames;
  const requests = new Requests(run.context, run.budget, run.suspend);
  requests.take(2 * OP_OVERHEAD);
  const sheet = run.context.workbook.worksheets.add(attempt.tempName);
  sheet.names.add(TEMP_MARKER, markerFormula(run.runId, Date.now()));
  sheet.load("id");
  for (const op of writes.ops) {
    await applyOp(run.context, sheet, op, requests);
    if (attempt.id === undefined && requests.syncs > 0) attempt.id = sheet.id;
  }
  await requests.reserve(2 * OP_OVERHEAD);
  // Renamed first: a sheet whose rename fails (its name taken meanwhile) keeps its marker.
  sheet.name = attempt.finalName;
  sheet.names.getItem(TEMP_MARKER).delete();
  await requests.flush();
  attempt.id = sheet.id;
  run.sheetNames.release(attempt.tempName);
  return sheet.id;
}

/** Writes sheet `index` of `models`; on failure removes what it created and throws a SheetRenderError. */
async function writeOrCleanUp(run: Run, models: readonly SheetModel[], index: number): Promise<{ name: string; id: string }> {
  const model = models[index];
  const attempt: SheetAttempt = { finalName: run.sheetNames.claim(model.name), tempName: claimTempName(run), definedNames: [] };
  try {
    return { name: attempt.finalName, id: await writeSheet(run, model, attempt) };
  } catch (error) {
    const { outcome, incompleteName } = await cleanUp(run.context, attempt, run.preexistingIds, run.sheetNames, run.supports);
    const leftName = outcome === "cleanup-failed" ? attempt.tempName : incompleteName;
    throw new SheetRenderError(index, models.length, model.key, attempt.finalName, outcome, leftName, error);
  }
}

/**
 * Writes each SheetModel into a new worksheet. Resolves with the created sheets (in order) and
 * whether the run was cancelled; throws a SheetRenderError naming the sheet that failed.
 */
export async function renderSheets(
  context: Excel.RequestContext,
  models: readonly SheetModel[],
  options: RenderOptions = {},
): Promise<RenderResult> {
  const supports = options.isSetSupported ?? defaultSupports();
  if (!supports("1.4")) throw new Error("KA Planner needs Excel with ExcelApi 1.4 or later to insert sheets.");
  const created: { key: string; name: string }[] = [];
  const createdIds: string[] = [];
  const warnings: RenderWarning[] = [];
  if (isCancelled(options.signal)) return { created, cancelled: true, warnings };

  const budget = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const suspend = supports("1.6");
  const names = await loadWorkbookNames(context, models);
  const run: Run = { context, supports, budget, suspend, runId: options.runId ?? newRunId(), tempSeq: 1, warnings, ...names };
  if (!suspend)
    warnings.push({
      sheetKey: "",
      sheetName: "",
      feature: "calculation",
      message: "calculation not suspended while writing: needs ExcelApi 1.6",
    });

  let cancelled = false;
  for (let index = 0; index < models.length; index++) {
    if (index > 0 && isCancelled(options.signal)) {
      cancelled = true;
      break;
    }
    const sheet = await writeOrCleanUp(run, models, index);
    created.push({ key: models[index].key, name: sheet.name });
    createdIds.push(sheet.id);
    options.onProgress?.(index + 1, models.length, sheet.name);
  }
  if (options.activate && createdIds.length > 0) {
    context.workbook.worksheets.getItem(createdIds[0]).activate();
    await context.sync();
  }
  return { created, cancelled, warnings };
}
