/** Option parsing and the error boundary shared by the analysis commands. */
import { analyseCustomers, CustomerAnalysis } from "../../engine/analysis";
import { isKaError } from "../../engine/errors";
import { localeOf } from "../../engine/input/scalars";
import { TierSpec, tierSpecOf } from "../../engine/tiers";
import { Locale, text } from "../../strings";
import { CliError, describeError, EXIT_OK } from "../errors";
import { decimalOption, settleDecimalSeparators } from "../input/decimals";
import { locateError, readSalesInput, SalesInput, salesColumns, totalRowNotes } from "../input/sales";
import { readTable } from "../input/read-table";
import { Table } from "../input/table";
import { Io } from "../io";
import { Format, FORMATS } from "../output/render";

/** Options every analysis command takes (as commander delivers them: strings). */
export interface InputOptions {
  sheet?: string;
  customer?: string;
  value?: string;
  locale?: string;
  format?: string;
  /** --decimal comma|point (input/decimals.ts). */
  decimal?: string;
}

export interface TierOptions extends InputOptions {
  scheme?: string;
  thresholds?: string;
  top?: string | number;
}

/** The locale option: en (default) or zh, with the engine's aliases (zh-CN, 中文…). */
export function localeOption(v: string | undefined): Locale {
  return localeOf(v);
}

export function formatOption(v: string | undefined): Format {
  if (v === undefined) return "table";
  const f = v.trim().toLowerCase();
  if ((FORMATS as readonly string[]).includes(f)) return f as Format;
  throw new CliError("cli.error.format", { format: v });
}

/** --top: a whole number from 1 up; Infinity when omitted. */
export function topOption(v: string | number | undefined): number {
  if (v === undefined) return Infinity;
  const s = String(v).trim();
  if (!/^\d+$/.test(s) || Number(s) < 1) throw new CliError("cli.error.top", { top: String(v) });
  return Number(s);
}

export function tierSpecOption(options: TierOptions, locale: Locale): TierSpec {
  return tierSpecOf(options.scheme ?? null, options.thresholds ?? null, null, locale);
}

/** The locale to report errors in, even when the locale option itself is wrong. */
function safeLocale(v: string | undefined): Locale {
  try {
    return localeOption(v);
  } catch {
    return "en";
  }
}

/**
 * Runs a command body: expected errors become one line on stderr and exit code 2,
 * unexpected ones exit code 1 (with the stack only when KA_PLANNER_DEBUG is set).
 */
export async function guarded(localeArg: string | undefined, io: Io, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return EXIT_OK;
  } catch (e) {
    const locale = safeLocale(localeArg);
    const { message, exitCode } = describeError(e, locale);
    io.stderr.write(`ka-planner: ${message}\n`);
    if (exitCode !== 2 && process.env.KA_PLANNER_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return exitCode;
  }
}

/** Reads the file; notes that concern the reading go to stderr. */
export async function loadTable(file: string, options: InputOptions, locale: Locale, io: Io): Promise<Table> {
  decimalOption(options.decimal); // checked before the file is read, like every option
  const table = await readTable(file, { sheet: options.sheet });
  if (options.sheet !== undefined && table.format !== "xlsx") io.stderr.write(`${text(locale, "cli.note.sheetIgnored", { file })}\n`);
  return table;
}

/** Reads the sales columns of a table through the engine and analyses them. */
export function analyseTable(
  table: Table,
  options: InputOptions,
  spec: TierSpec,
  locale: Locale,
  io: Io,
): { input: SalesInput; analysis: CustomerAnalysis } {
  const decimalNotes =
    table.rowCount > 0 ? settleDecimalSeparators(table, [salesColumns(table, options).value.index], options.decimal, locale) : [];
  const input = readSalesInput(table, options, locale);
  for (const note of [...input.notes, ...decimalNotes]) io.stderr.write(`${note}\n`);
  let analysis: CustomerAnalysis;
  try {
    analysis = analyseCustomers(input.numbers, input.customers, spec);
  } catch (e) {
    // A total beyond the number range: name the file and the value column.
    throw isKaError(e) ? locateError(e, table, input.value.index, locale) : e;
  }
  for (const note of totalRowNotes(analysis.customers.totalRows, table, locale)) io.stderr.write(`${note}\n`);
  return { input, analysis };
}
