/**
 * buildSheets: reads the table's mapped columns ONCE (read.ts: row chunks, one sync each, the
 * first together with the check that the table is still the one detected), maps them to the
 * engine's SalesColumns, builds the Portfolio and the sheet models (app/build.ts, the same as
 * `ka-planner build`) and writes them into new sheets with renderSheets (activating the first).
 *
 * Syncs: ⌈rows / chunk⌉ reads (chunk = 20,000 rows for up to 10 mapped columns) + 1 fingerprint
 * check when the read took more than one sync + renderSheets (1–2 setup, ≥ 1 per sheet, 1 to
 * activate) + 1 check after writing (the table edited meanwhile: a warning, the sheets show the
 * table as it was read).
 *
 * Before anything is written: the mapping (missingColumn), the settings (thresholds), workbook
 * protection (ExcelApi 1.7), the table (tableChanged), every cell the engine reads
 * (textInNumberColumn: header and worksheet row) and the number of new sheets (sheetLimit:
 * at most MAX_NEW_SHEETS per run). A failure while writing leaves the sheets before it complete
 * and the failed one deleted or marked incomplete (renderSheets); cancelling stops between sheets.
 * One run at a time (run-lock.ts): refused with "busy" while another run is in progress.
 */
import { ColumnMapping, READ_ROLES } from "../app/mapping";
import { Portfolio } from "../engine/portfolio";
import { buildSheetModels, choosePlanAccounts, today } from "../app/build";
import { MAX_PLAN_SHEETS } from "../sheets/account-plan";
import { LiveSource, SheetOptions } from "../sheets/sheet-options";
import { SheetModel } from "../sheets/model";
import { text } from "../strings";
import { renderSheets } from "../render/office/render";
import { qualifiedA1 } from "./address";
import { dateWarnings, mappedColumns, portfolioOf, tierSpecFor } from "./compute";
import { ActionError, toActionError } from "./errors";
import { excelRun, supportsExcel } from "./host";
import { requireUsableMapping } from "./mapping";
import { exclusiveRun } from "./run-lock";
import { checkLocation, chunkRowsFor, geometryOf, isGone, queueFingerprint, queueLocation, readColumns, TableGeometry } from "./read";
import { totalRowNotes } from "./total-rows";
import type { BuildKind, BuildOptions, BuildResult, DetectedTable, PlannerSettings } from "./types";

/** At most this many sheets are inserted by one run (plans for thousands of accounts are refused): the plan cap. */
export const MAX_NEW_SHEETS = MAX_PLAN_SHEETS;

const cancelledOf = (s: BuildOptions["signal"]): boolean => (s === undefined ? false : "aborted" in s ? s.aborted : s.cancelled);

export async function buildSheets(
  kind: BuildKind,
  table: DetectedTable,
  mapping: ColumnMapping,
  settings: PlannerSettings,
  options: BuildOptions = {},
): Promise<BuildResult> {
  // Refused (a rejected promise) before the run starts.
  requireUsableMapping(table, mapping, settings.measure);
  tierSpecFor(settings);
  const geo = geometryOf(table);
  const columns = mappedColumns(mapping, READ_ROLES);
  const t = (key: string, args?: Record<string, string | number>) => text(settings.locale, key, args);
  const progress = (done: number, total: number, label: string) => {
    try {
      options.onProgress?.(done, total, label);
    } catch {
      // A failing progress callback must not break the run.
    }
  };
  const empty = (): BuildResult => ({ created: [], warnings: [], cancelled: true });

  return await exclusiveRun((run) =>
    excelRun(async (context) => {
      let protectedSeen = false;
      try {
        if (cancelledOf(options.signal)) return empty();
        // 1. Read (the first sync also checks the table and the workbook's protection).
        const chunkRows = chunkRowsFor(columns.length);
        const chunkTotal = Math.max(1, Math.ceil(geo.rowCount / chunkRows));
        progress(0, chunkTotal, t("taskpane.progress.reading", { from: 1, to: Math.min(geo.rowCount, chunkRows), total: geo.rowCount }));
        const read = await readColumns(context, geo, columns, {
          first: (ctx) => {
            const location = queueLocation(ctx, table, geo);
            const protection = supportsExcel("1.7") ? ctx.workbook.protection : null;
            protection?.load("protected");
            return () => {
              checkLocation(location, table, geo);
              if (protection?.protected) {
                protectedSeen = true;
                throw new ActionError("protected", "taskpane.error.workbookProtected");
              }
            };
          },
          onChunk: (rows, total) =>
            progress(
              Math.min(chunkTotal, Math.ceil(rows / chunkRows)),
              chunkTotal,
              rows < total
                ? t("taskpane.progress.reading", { from: rows + 1, to: Math.min(total, rows + chunkRows), total })
                : t("taskpane.progress.computing"),
            ),
          cancelled: () => cancelledOf(options.signal),
        });
        if (read.cancelled) return empty();
        if (read.chunks > 1) {
          progress(chunkTotal, chunkTotal, t("taskpane.progress.checking"));
          const check = queueFingerprint(context, table, geo, columns, read);
          await context.sync();
          check();
        }

        // 2. Compute and build (pure).
        const spec = tierSpecFor(settings);
        const portfolio = portfolioOf(table, geo, read.columns, mapping, settings, spec);
        progress(chunkTotal, chunkTotal, t("taskpane.progress.building", { customers: portfolio.analysis.customers.count }));
        const { sheets, labels, warnings } = buildModels(kind, portfolio, table, geo, mapping, settings, options.generated ?? today());
        if (sheets.length > MAX_NEW_SHEETS) {
          throw new ActionError("sheetLimit", "taskpane.error.tooManySheets", { count: sheets.length, max: MAX_NEW_SHEETS });
        }
        if (sheets.length === 0) return { created: [], warnings, cancelled: false };
        if (cancelledOf(options.signal)) return { created: [], warnings, cancelled: true };

        // 3. Write.
        progress(0, sheets.length, labels[0]);
        const result = await renderSheets(context, sheets, {
          activate: true,
          runId: run.id,
          signal: options.signal,
          onProgress: (done, total) => progress(done, total, done < total ? labels[done] : t("taskpane.progress.done", { count: total })),
        });
        for (const w of result.warnings)
          warnings.push(t("taskpane.warning.render", { sheet: w.sheetName || "-", feature: w.feature, detail: w.message }));

        // 4. Was the table edited while the sheets were written?
        if (result.created.length > 0) {
          const check = queueFingerprint(context, table, geo, columns, read);
          try {
            await context.sync();
            check();
          } catch (e) {
            if (!(e instanceof ActionError && e.kind === "tableChanged") && !isGone(e)) throw e;
            warnings.push(t("taskpane.warning.tableChangedDuringRun", { address: table.address }));
          }
        }
        return { created: result.created, warnings, cancelled: result.cancelled };
      } catch (e) {
        if (isGone(e)) throw new ActionError("tableChanged", "taskpane.error.tableGone", { address: table.address }, e);
        throw toActionError(e, { during: "writing", protectedSeen });
      }
    }),
  );
}

/** The sheet models of a kind (app/build.ts), the progress label of each, and notes for the user. */
function buildModels(
  kind: BuildKind,
  portfolio: Portfolio,
  table: DetectedTable,
  geo: TableGeometry,
  mapping: ColumnMapping,
  settings: PlannerSettings,
  generated: string,
): { sheets: SheetModel[]; labels: string[]; warnings: string[] } {
  const locale = settings.locale;
  const t = (key: string, args?: Record<string, string | number>) => text(locale, key, args);
  const warnings: string[] = dateWarnings(portfolio, table, geo, mapping, locale);
  warnings.push(...totalRowNotes(portfolio.analysis.customers.totalRows, geo, locale));
  const header = (role: string): string | undefined => {
    const v = mapping[role];
    return typeof v === "number" ? table.headers[v] : undefined;
  };
  const columnNames = { customer: header("customer"), revenue: header("revenue"), profit: header("profit"), effort: header("effort") };
  const source = settings.mode === "live" ? liveSource(geo, mapping, settings) : undefined;
  const options: SheetOptions = { locale, generated, columnNames, ...(source ? { live: { source } } : {}) };
  // The matrix's note comes before the plan selection's, as the sheets are in that order.
  const matrixNoteAt = warnings.length;
  const accounts = kind === "contribution" || kind === "matrix" ? [] : planAccounts(kind, portfolio, settings, warnings);
  const built = buildSheetModels(portfolio, {
    choice: kind,
    options,
    accounts,
    ...(settings.weights ? { weights: settings.weights } : {}),
  });
  if (built.weightsIgnored) warnings.splice(matrixNoteAt, 0, t("taskpane.warning.weightsIgnored"));
  const names = portfolio.analysis.customers.names;
  let plan = 0;
  const labels = built.sheets.map(({ model, account }) =>
    account === undefined
      ? t("taskpane.progress.sheet", { name: model.name })
      : t("taskpane.progress.plan", { n: ++plan, count: accounts.length, customer: names[account] || "-" }),
  );
  return { sheets: built.sheets.map((b) => b.model), labels, warnings };
}

/**
 * The accounts of the settings' plan selection (unknown names and an empty selection are
 * warnings). More plans than one run may insert is refused before any sheet is built; the risk
 * register alone lists every account of the selection.
 */
function planAccounts(kind: BuildKind, portfolio: Portfolio, settings: PlannerSettings, warnings: string[]): readonly number[] {
  const t = (key: string, args?: Record<string, string | number>) => text(settings.locale, key, args);
  const { selected, unknown } = choosePlanAccounts(portfolio, settings.plans);
  if (unknown.length > 0) warnings.push(t("taskpane.warning.unknownPlans", { names: unknown.map((n) => `"${n}"`).join(", ") }));
  if (selected.length === 0) warnings.push(t("taskpane.warning.noPlanAccounts"));
  if (kind !== "risk" && selected.length > MAX_NEW_SHEETS) {
    const before = kind === "all" ? 2 : 0;
    throw new ActionError("sheetLimit", "taskpane.error.tooManySheets", { count: selected.length + before + 1, max: MAX_NEW_SHEETS });
  }
  return selected;
}

/** Live mode: the source ranges of the mapped columns ('Sales'!$A$2:$A$3001). */
function liveSource(geo: TableGeometry, mapping: ColumnMapping, settings: PlannerSettings): LiveSource {
  const ref = (role: string): string | undefined => {
    const c = mapping[role];
    if (typeof c !== "number") return undefined;
    return qualifiedA1(geo.sheet, { row: geo.rect.row + 1, col: geo.rect.col + c, rows: geo.rowCount, cols: 1 });
  };
  // requireUsableMapping (before any run) refuses a mapping without these.
  const requiredRef = (role: string): string => {
    const r = ref(role);
    if (r === undefined) throw new Error(`liveSource: the ${role} column is not mapped`);
    return r;
  };
  const profit = ref("profit");
  const effort = ref("effort");
  return {
    customer: requiredRef("customer"),
    value: requiredRef(settings.measure),
    ...(profit ? { profit } : {}),
    ...(effort ? { effort } : {}),
  };
}
