/**
 * From a Table to the engine's inputs: finds the customer and value columns (options or
 * header words), reads them through the same functions as the custom functions
 * (columnVector → readNumericVector / readCustomerVector), and turns the engine's positional
 * errors into messages that name the file, the sheet, the column and the row.
 */
import { isKaError, KaError } from "../../engine/errors";
import { readCustomerVector, CustomerVector } from "../../engine/input/customer-vector";
import { ColumnRole, findColumn, normaliseHeader } from "../../engine/input/headers";
import { NumericVector, readNumericVector } from "../../engine/input/numeric-vector";
import { columnVector } from "../../engine/input/range";
import { TotalRowsReport } from "../../engine/total-rows";
import { totalRowMessages } from "../../engine/total-rows-text";
import { Locale, text } from "../../strings";
import { CliError, MessageArgs } from "../errors";
import { columnIndexOfLetters, columnLetter, Table } from "./table";

export interface ResolvedColumn {
  readonly index: number;
  readonly header: string;
  readonly letter: string;
  /** "option": named by the user; "exact"/"partial": found by its header. */
  readonly how: "option" | "exact" | "partial";
  /** Other columns that matched as well (found by header only). */
  readonly others: readonly number[];
}

/** `file.xlsx (sheet "Sales")` or `file.csv`. */
export function fileRef(table: Table, locale: Locale): string {
  return table.sheetName !== null ? text(locale, "cli.ref.fileSheet", { file: table.file, sheet: table.sheetName }) : table.file;
}

/** `column "Revenue" (C)`, or `column C` when the header is blank. */
export function columnRef(table: Table, index: number, locale: Locale): string {
  const header = table.headers[index] ?? "";
  const letter = columnLetter(index);
  return header ? text(locale, "cli.ref.column", { header, letter }) : text(locale, "cli.ref.columnLetter", { letter });
}

/** `row 12`, or `row 12 (line 14)` when CSV records above it span several lines. */
export function rowRef(table: Table, dataIndex: number, locale: Locale): string {
  const row = table.rowOf(dataIndex);
  const line = table.lineOf(dataIndex);
  return line === row ? text(locale, "position.row", { n: row }) : text(locale, "cli.ref.rowLine", { n: row, line });
}

function headerList(table: Table): string {
  return table.headers.map((h, i) => (h ? `${columnLetter(i)} "${h}"` : columnLetter(i))).join(", ");
}

/** A column named by the user: header text (case-insensitive), 1-based number, or letters. */
export function resolveColumn(table: Table, spec: string, option: string): ResolvedColumn {
  const s = spec.trim();
  const width = table.headers.length;
  const make = (index: number): ResolvedColumn => ({
    index,
    header: table.headers[index] ?? "",
    letter: columnLetter(index),
    how: "option",
    others: [],
  });
  // 1. A header, compared as written (case-insensitive), then in normalised form.
  const lower = s.toLowerCase();
  let i = table.headers.findIndex((h) => h.trim().toLowerCase() === lower);
  if (i < 0 && normaliseHeader(s) !== "") i = table.headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(s));
  if (i >= 0) return make(i);
  // 2. A 1-based column number.
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    if (n >= 1 && n <= width) return make(n - 1);
    throw new CliError("cli.error.columnNumber", { option, spec: s, width, file: table.file });
  }
  // 3. Excel column letters.
  const byLetters = columnIndexOfLetters(s);
  if (byLetters >= 0 && byLetters < width) return make(byLetters);
  throw new CliError("cli.error.columnNotFound", { option, spec: s, file: table.file, headers: headerList(table) });
}

/** The first of `roles` found by header words; throws, listing the headers, when none is. */
export function detectColumn(table: Table, roles: readonly ColumnRole[], option: string): ResolvedColumn {
  for (const role of roles) {
    const m = findColumn(table.headers, role);
    if (m) return { index: m.index, header: m.header, letter: columnLetter(m.index), how: m.how, others: m.others };
  }
  throw new CliError("cli.error.columnNotDetected", { option, file: table.file, headers: headerList(table) });
}

export interface SalesColumnsOptions {
  readonly customer?: string;
  readonly value?: string;
}

export interface SalesInput {
  readonly customer: ResolvedColumn;
  readonly value: ResolvedColumn;
  readonly numbers: NumericVector;
  readonly customers: CustomerVector;
  /** One-line notes for stderr (columns found by header, ambiguities), localised. */
  readonly notes: string[];
}

/** Roles tried for the value column when --value is not given: revenue first, then profit. */
export const VALUE_ROLES: readonly ColumnRole[] = ["revenue", "profit"];

export function salesColumns(table: Table, options: SalesColumnsOptions): { customer: ResolvedColumn; value: ResolvedColumn } {
  const customer = options.customer !== undefined ? resolveColumn(table, options.customer, "--customer") : detectColumn(table, ["customer"], "--customer");
  const value = options.value !== undefined ? resolveColumn(table, options.value, "--value") : detectColumn(table, VALUE_ROLES, "--value");
  if (customer.index === value.index) {
    throw new CliError("cli.error.sameColumn", { file: table.file, column: `${value.letter} "${value.header}"` });
  }
  return { customer, value };
}

function notesFor(table: Table, customer: ResolvedColumn, value: ResolvedColumn, locale: Locale): string[] {
  const notes: string[] = [];
  if (customer.how !== "option" || value.how !== "option") {
    notes.push(
      text(locale, "cli.note.columns", {
        file: fileRef(table, locale),
        customer: columnRef(table, customer.index, locale),
        value: columnRef(table, value.index, locale),
      }),
    );
  }
  for (const [col, option] of [
    [customer, "--customer"],
    [value, "--value"],
  ] as const) {
    if (col.others.length > 0) {
      notes.push(
        text(locale, "cli.note.ambiguous", {
          option,
          chosen: columnRef(table, col.index, locale),
          others: col.others.map((i) => columnRef(table, i, locale)).join(", "),
        }),
      );
    }
  }
  return notes;
}

/** Re-renders an engine error about a cell with the file, sheet, column and row. */
export function locateError(e: KaError, table: Table, columnIndex: number, locale: Locale): CliError {
  const args: MessageArgs = { ...e.args };
  args.arg = text(locale, "cli.ref.fileColumn", { file: fileRef(table, locale), column: columnRef(table, columnIndex, locale) });
  if (args.posKey === "position.row" && typeof args.posN === "number") args.pos = rowRef(table, args.posN - 1, locale);
  return new CliError(e.key, args);
}

/** Reads the customer and value columns through the engine. */
export function readSalesInput(table: Table, options: SalesColumnsOptions, locale: Locale): SalesInput {
  if (table.rowCount === 0) throw new CliError("cli.error.noData", { file: fileRef(table, locale), row: table.rowOffset });
  const { customer, value } = salesColumns(table, options);
  let numbers: NumericVector;
  let customers: CustomerVector;
  try {
    numbers = readNumericVector(columnVector(table.columns[value.index], "value"));
  } catch (e) {
    throw isKaError(e) ? locateError(e, table, value.index, locale) : e;
  }
  try {
    customers = readCustomerVector(columnVector(table.columns[customer.index], "customer"));
  } catch (e) {
    throw isKaError(e) ? locateError(e, table, customer.index, locale) : e;
  }
  return { customer, value, numbers, customers, notes: notesFor(table, customer, value, locale) };
}

/**
 * Lines for stderr about the total rows left out (sheet rows and their customer text) and the
 * total-word customers kept as customers (README "Input rules").
 */
export function totalRowNotes(report: TotalRowsReport, table: Table, locale: Locale): string[] {
  const keys = { leftOut: "cli.note.totalRows", kept: "cli.warning.totalWord" };
  return totalRowMessages(locale, report, (i) => table.rowOf(i), keys, { file: fileRef(table, locale) });
}
