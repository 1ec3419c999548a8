/**
 * `ka-planner build <input> --out <workbook.xlsx>`: the generated worksheets as an .xlsx file,
 * through the same builders as the task pane (src/sheets) and the .xlsx writer (src/render/xlsx):
 * the 80/20 contribution sheet, the customer portfolio matrix, one key account plan per
 * selected account (--plans: first-tier by default, top:N, or "Name;Name"; at most
 * MAX_PLAN_SHEETS, the first of the selection, with a note on what was left out) and the risk
 * register of the same accounts. With --live, the source table is copied into a "Data" sheet
 * and the sheets use KA.* formulas over its ranges (they calculate in Excel with the add-in).
 *
 * The workbook is written atomically (output/atomic-file.ts): an existing --out file is never
 * replaced without --force, and a failure never leaves a partial file.
 */
import * as fs from "fs";
import * as nodePath from "path";
import { Portfolio } from "../../engine/portfolio";
import { TIER_LOSS, TIER_NONE } from "../../engine/tiers";
import { planNames, writeWorkbook, writeWorkbookTo } from "../../render/xlsx";
import { buildSheetModels, choosePlanAccounts, PlanAccounts, today } from "../../app/build";
import { MAX_PLAN_SHEETS, PlanSelection } from "../../sheets/account-plan";
import { LiveSource, SheetOptions } from "../../sheets/sheet-options";
import { SheetModel } from "../../sheets/model";
import { Locale, text } from "../../strings";
import { CliError } from "../errors";
import { settleDecimalSeparators } from "../input/decimals";
import {
  BuildColumnOptions,
  dateOrderOption,
  mapBuildColumns,
  MappedColumns,
  measureOption,
  readPortfolio,
  splitList,
} from "../input/columns";
import { totalRowNotes } from "../input/sales";
import { Table } from "../input/table";
import { Io } from "../io";
import { AtomicWriteOptions, checkTarget, createTempStream, syncFile, writeAtomicWith } from "../output/atomic-file";
import { DATA_SHEET_KEY, dataSheetModel, liveSourceOf } from "../output/data-sheet";
import { formatInteger } from "../output/format";
import { Progress } from "../output/progress";
import { terminalText } from "../output/terminal";
import { guarded, loadTable, localeOption, tierSpecOption } from "./common";

/** Options as commander delivers them. */
export interface BuildOptions extends BuildColumnOptions {
  out?: string;
  sheet?: string;
  scheme?: string;
  thresholds?: string;
  plans?: string;
  live?: boolean;
  locale?: string;
  force?: boolean;
  /** --decimal comma|point (input/decimals.ts). */
  decimal?: string;
}

/** What the caller may change about how the build runs (the demo, tests). */
export interface BuildEnv {
  /** Generation date shown on the sheets (YYYY-MM-DD); default today. */
  readonly today?: string;
  /** Cache the engine's values as formula results (default true; LibreOffice tests turn it off). */
  readonly cacheFormulaResults?: boolean;
  /** Replaces the .xlsx writer, which streams into the temporary file (tests). */
  readonly writeWorkbook?: typeof writeWorkbookTo;
  /** Replaces the write of the temporary file: the workbook is then rendered to bytes first (tests inject failures). */
  readonly writeTemp?: AtomicWriteOptions["writeTemp"];
  /** Progress on stderr: default when stderr is a terminal. */
  readonly progress?: boolean;
  /** Print the summary on stdout (default true). */
  readonly summary?: boolean;
}

export interface BuildResult {
  /** The workbook written (absolute path) and its size. */
  readonly file: string;
  readonly bytes: number;
  /** The sheet models in workbook order, and the final sheet names the writer gave them. */
  readonly sheets: readonly SheetModel[];
  readonly sheetNames: readonly string[];
  readonly portfolio: Portfolio;
  readonly columns: MappedColumns;
  /** Customer ids with a plan sheet (and a line in the risk register), in sheet order. */
  readonly planIds: readonly number[];
  /** Accounts of the selection left out by the plan cap (MAX_PLAN_SHEETS). */
  readonly plansLeftOut: number;
  /** --plans names that matched no customer. */
  readonly unknownPlans: readonly string[];
  readonly ms: { readonly build: number; readonly write: number };
}

/** --plans: first-tier (default), top:N, or customer names separated by ";". */
function plansOption(v: string | undefined): PlanSelection {
  if (v === undefined) return "first-tier";
  const s = v.trim();
  if (/^first[-_ ]?tier$/i.test(s)) return "first-tier";
  const top = /^top\s*:\s*(\S*)$/i.exec(s);
  if (top) {
    if (!/^\d+$/.test(top[1]) || Number(top[1]) < 1) throw new CliError("cli.build.error.plans", { plans: v });
    return { top: Number(top[1]) };
  }
  const names = splitList(s);
  if (names.length === 0) throw new CliError("cli.build.error.plans", { plans: v });
  return { names };
}

/** --out: required, an .xlsx file name. */
function outOption(v: string | undefined): string {
  if (v === undefined || v.trim() === "") throw new CliError("cli.build.error.outRequired", {});
  if (nodePath.extname(v).toLowerCase() !== ".xlsx") throw new CliError("cli.build.error.outExtension", { file: v });
  return v;
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return nodePath.resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Checks --out before any work: an .xlsx name, not the input, not an existing file unless --force. */
function checkOut(out: string | undefined, input: string | undefined, force: boolean): string {
  const file = outOption(out);
  if (input !== undefined && sameFile(file, input)) throw new CliError("cli.build.error.outIsInput", { file });
  checkTarget(nodePath.resolve(file), file, force);
  return file;
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface Built {
  sheets: SheetModel[];
  portfolio: Portfolio;
  mapped: MappedColumns;
  planIds: readonly number[];
  plansLeftOut: number;
  unknown: readonly string[];
  selection: PlanSelection;
}

/** The sheet models of the workbook, in order: contribution, matrix, plans, risk register, [data]. */
function workbookSheets(table: Table, options: BuildOptions, io: Io, progress: Progress, generatedOn: string): Built {
  const locale = localeOption(options.locale);
  const spec = tierSpecOption(options, locale);
  const selection = plansOption(options.plans);
  const mapped = mapBuildColumns(table, options, locale);
  const s = mapped.single;
  // The columns the engine reads as numbers (and the live data sheet writes as numbers).
  const numeric = new Set<number>(
    [s.revenue, s.profit, s.effort, s.satisfaction, ...mapped.attractiveness, ...mapped.strength]
      .filter((c) => c !== undefined)
      .map((c) => c.index),
  );
  const decimalNotes = settleDecimalSeparators(table, [...numeric], options.decimal, locale);
  for (const note of [...mapped.notes, ...decimalNotes]) io.stderr.write(`${note}\n`);
  const { portfolio, notes } = readPortfolio(table, mapped, spec, locale, dateOrderOption(options.dateOrder));
  for (const note of notes) io.stderr.write(`${note}\n`);
  for (const note of totalRowNotes(portfolio.analysis.customers.totalRows, table, locale)) io.stderr.write(`${note}\n`);

  const { selected, planned: ids, unknown } = planAccounts(portfolio, selection, table, locale, io);

  const columnNames = {
    customer: mapped.customer.header,
    revenue: s.revenue?.header,
    profit: s.profit?.header,
    effort: s.effort?.header,
  };
  const label = text(locale, "cli.build.progress.plans");
  const make = (source: LiveSource | undefined): SheetModel[] => {
    const options: SheetOptions = { locale, generated: generatedOn, columnNames, ...(source ? { live: { source } } : {}) };
    const onPlan = (done: number, total: number) => progress.count(label, done, total);
    return buildSheetModels(portfolio, { choice: "all", options, accounts: ids, onPlan }).sheets.map((b) => b.model);
  };

  const sheets = options.live ? withDataSheet(make, table, mapped, numeric, locale) : make(undefined);
  progress.clear();
  return { sheets, portfolio, mapped, planIds: ids, plansLeftOut: selected.length - ids.length, unknown, selection };
}

/**
 * The accounts that get a plan (choosePlanAccounts): named accounts none of which is a customer
 * are an error, some unknown a warning; the plan cap a note.
 */
function planAccounts(portfolio: Portfolio, selection: PlanSelection, table: Table, locale: Locale, io: Io): PlanAccounts {
  const accounts = choosePlanAccounts(portfolio, selection);
  const { selected, planned, unknown } = accounts;
  if (typeof selection === "object" && "names" in selection) {
    const quotedNames = unknown.map((n) => `"${n}"`).join(", ");
    if (selected.length === 0) throw new CliError("cli.build.error.noPlanMatch", { names: quotedNames, file: table.file });
    if (unknown.length > 0)
      io.stderr.write(`${text(locale, "cli.build.warning.unknownPlans", { names: quotedNames, count: selected.length })}\n`);
  }
  // The plan cap: the first plans of the selection (the largest accounts, or the first named).
  if (selected.length > planned.length) {
    const args = { selected: formatInteger(selected.length), max: MAX_PLAN_SHEETS, left: formatInteger(selected.length - planned.length) };
    io.stderr.write(`${text(locale, "cli.build.note.planCap", args)}\n`);
  }
  return accounts;
}

/**
 * --live: the sheets over a copy of the table in a data sheet, last. The writer may rename it if
 * a generated sheet took its name, and the live formulas must name it as written: the sheets are
 * built again with the final name then.
 */
function withDataSheet(
  make: (source: LiveSource) => SheetModel[],
  table: Table,
  mapped: MappedColumns,
  numeric: ReadonlySet<number>,
  locale: Locale,
): SheetModel[] {
  const s = mapped.single;
  const measure = mapped.measure === "profit" ? s.profit : s.revenue;
  if (!measure) throw new Error("withDataSheet: the measure's column is not mapped");
  const columns = { customer: mapped.customer.index, measure: measure.index, profit: s.profit?.index, effort: s.effort?.index };
  const data = (name: string) => dataSheetModel(table, name, { numeric, date: s.date?.index });
  const dataName = text(locale, "cli.build.dataSheet");
  const sheets = [...make(liveSourceOf(dataName, table.rowCount, columns)), data(dataName)];
  const finalName = planNames(sheets).sheets[sheets.length - 1];
  if (finalName === dataName) return sheets;
  return [...make(liveSourceOf(finalName, table.rowCount, columns)), data(finalName)];
}

/** Builds the workbook of a table and writes it (see the module comment); prints the summary. */
export async function runBuild(table: Table, options: BuildOptions, io: Io, env: BuildEnv = {}): Promise<BuildResult> {
  const locale = localeOption(options.locale);
  const force = options.force === true;
  const out = checkOut(options.out, nodePath.resolve(table.file), force);
  const progress = Progress.on(io.stderr, env.progress);
  const started = Date.now();
  const built = workbookSheets(table, options, io, progress, env.today ?? today());
  const buildMs = Date.now() - started;

  const writeStart = Date.now();
  progress.status(text(locale, "cli.build.progress.writing", { file: out }));
  const names = planNames(built.sheets).sheets;
  const abs = nodePath.resolve(out);
  const writeOptions = { cacheFormulaResults: env.cacheFormulaResults ?? true };
  try {
    try {
      await fs.promises.mkdir(nodePath.dirname(abs), { recursive: true });
    } catch (e) {
      throw new CliError("cli.build.error.write", { file: out, detail: (e as Error).message });
    }
    const { writeTemp } = env;
    // The writer streams the workbook into the (tracked) temporary file as it compresses it.
    const streamed = async (temp: string) => {
      await (env.writeWorkbook ?? writeWorkbookTo)(built.sheets, writeOptions, createTempStream(temp));
      await syncFile(temp);
    };
    const produce = writeTemp ? async (temp: string) => writeTemp(temp, await writeWorkbook(built.sheets, writeOptions)) : streamed;
    await writeAtomicWith(abs, produce, { force, display: out });
  } finally {
    progress.clear();
  }
  const bytes = fs.statSync(abs).size;
  const writeMs = Date.now() - writeStart;

  const result: BuildResult = {
    file: abs,
    bytes,
    sheets: built.sheets,
    sheetNames: names,
    portfolio: built.portfolio,
    columns: built.mapped,
    planIds: built.planIds,
    plansLeftOut: built.plansLeftOut,
    unknownPlans: built.unknown,
    ms: { build: buildMs, write: writeMs },
  };
  // Sheet and file names come from the user's data: terminal text.
  if (env.summary !== false) io.stdout.write(terminalText(summaryText(result, out, built.selection, locale, !!options.live)));
  return result;
}

/** What was written: one line for the file, one per kind of sheet. */
function summaryText(r: BuildResult, display: string, selection: PlanSelection, locale: Locale, live: boolean): string {
  const t = (key: string, args?: Record<string, string | number>) => text(locale, `cli.build.summary.${key}`, args);
  const a = r.portfolio.analysis;
  const lines: string[] = [
    t("written", {
      file: display,
      size: sizeText(r.bytes),
      sheets: r.sheets.length,
      seconds: ((r.ms.build + r.ms.write) / 1000).toFixed(1),
    }),
  ];
  const firstTier = a.tiers.tiers.filter((x) => x === 0).length;
  const ranked = a.tiers.tiers.filter((x) => x !== TIER_NONE && x !== TIER_LOSS).length;
  r.sheets.forEach((s, i) => {
    const sheet = r.sheetNames[i];
    if (s.key === "contribution") {
      lines.push(
        t("contribution", {
          sheet,
          customers: formatInteger(ranked),
          first: formatInteger(firstTier),
          tier: a.spec.labels[0],
          measure: r.portfolio.measureName,
        }),
      );
    } else if (s.key === "matrix") {
      lines.push(t("matrix", { sheet }));
    }
  });
  // Plans: one line for all of them (first and last sheet named).
  const planIndex = r.planIds.map((_, k) => 2 + k);
  const what =
    selection === "first-tier"
      ? text(locale, "cli.build.selection.firstTier", { tier: a.spec.labels[0] })
      : "top" in selection
        ? text(locale, "cli.build.selection.top", { n: selection.top, measure: r.portfolio.measureName })
        : text(locale, "cli.build.selection.names");
  if (planIndex.length === 0) lines.push(t("noPlans", { selection: what }));
  else {
    const first = r.sheetNames[planIndex[0]];
    const last = r.sheetNames[planIndex[planIndex.length - 1]];
    lines.push(t("plans", { count: planIndex.length, selection: what, sheets: planIndex.length === 1 ? first : `${first} … ${last}` }));
    const riskIndex = 2 + r.planIds.length;
    lines.push(t("risk", { sheet: r.sheetNames[riskIndex], count: r.planIds.length }));
  }
  r.sheets.forEach((s, i) => {
    if (s.key === DATA_SHEET_KEY)
      lines.push(t("data", { sheet: r.sheetNames[i], rows: formatInteger(s.blocks.length > 1 ? s.blocks[1].cells.length : 0) }));
  });
  if (live) lines.push(t("live"));
  return `${lines[0]}\n${lines
    .slice(1)
    .map((l) => `  ${l}\n`)
    .join("")}`;
}

export function buildCommand(file: string, options: BuildOptions, io: Io, env: BuildEnv = {}): Promise<number> {
  return guarded(options.locale, io, async () => {
    const locale = localeOption(options.locale);
    // Every option is checked before the file is read.
    tierSpecOption(options, locale);
    plansOption(options.plans);
    checkOut(options.out, file, options.force === true);
    measureOption(options.measure);
    dateOrderOption(options.dateOrder);
    await runBuild(await loadTable(file, options, locale, io), options, io, env);
  });
}
