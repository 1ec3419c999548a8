/**
 * From a Table to the engine's inputs: finds the customer and value columns (options or
 * header words), reads them through the same functions as the custom functions
 * (columnVector → readNumericVector / readCustomerVector), and turns the engine's positional
 * errors into messages that name the file, the sheet, the column and the row.
 */
import { isKaError, KaError } from "../../engine/errors";
import { readCustomerVector, CustomerVector } from "../../engine/input/customer-vector";
import { normaliseHeader } from "../../engine/input/headers";
import { NumericVector, readNumericVector } from "../../engine/input/numeric-vector";
import { columnVector } from "../../engine/input/range";
import { TotalRowsReport } from "../../engine/total-rows";
import { totalRowMessages } from "../../engine/total-rows-text";
import { Locale, text } from "../../strings";
import { CliError, MessageArgs } from "../errors";
import { namedColumn, ResolvedColumn, resolvedOf, tableProposal } from "./proposal";
import { columnIndexOfLetters, columnLetter, Table } from "./table";

export type { ResolvedColumn };

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
  const make = (index: number): ResolvedColumn => namedColumn(table, index);
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

/** A required column the options did not name and the proposal did not find: the error lists the headers. */
export function notDetected(table: Table, option: string): CliError {
  return new CliError("cli.error.columnNotDetected", { option, file: table.file, headers: headerList(table) });
}

/**
 * The customer column: named by --customer, else as the shared proposal finds it (header words,
 * then contents) before any other option is applied, so that an option naming it is an error.
 */
export function customerColumn(table: Table, spec: string | undefined): ResolvedColumn {
  if (spec !== undefined) return resolveColumn(table, spec, "--customer");
  const customer = resolvedOf(table, tableProposal(table), "customer");
  if (!customer) throw notDetected(table, "--customer");
  return customer;
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

/** The customer and value columns: options first, else the shared proposal (value: revenue, else profit). */
export function salesColumns(table: Table, options: SalesColumnsOptions): { customer: ResolvedColumn; value: ResolvedColumn } {
  const customer = customerColumn(table, options.customer);
  let value: ResolvedColumn | undefined;
  if (options.value !== undefined) value = resolveColumn(table, options.value, "--value");
  else {
    // As proposed for the table alone: a --customer naming that column is an error, not a
    // reason to take another value column.
    const proposal = tableProposal(table);
    value = resolvedOf(table, proposal, "revenue") ?? resolvedOf(table, proposal, "profit");
  }
  if (!value) throw notDetected(table, "--value");
  if (customer.index === value.index) {
    throw new CliError("cli.error.sameColumn", { file: table.file, column: `${value.letter} "${value.header}"` });
  }
  return { customer, value };
}

function notesFor(table: Table, customer: ResolvedColumn, value: ResolvedColumn, locale: Locale): string[] {
  const notes: string[] = [];
  if (customer.how !== "named" || value.how !== "named") {
    notes.push(
      text(locale, "cli.note.columns", {
        file: fileRef(table, locale),
        customer: columnRef(table, customer.index, locale),
        value: columnRef(table, value.index, locale),
      }),
    );
  }
  notes.push(
    ...choiceNotes(
      table,
      [
        { col: customer, option: "--customer" },
        { col: value, option: "--value" },
      ],
      locale,
    ),
  );
  return notes;
}

/** Notes for stderr on how a column was chosen: among several header matches, or from its contents. */
export function choiceNotes(table: Table, choices: readonly { col: ResolvedColumn; option: string }[], locale: Locale): string[] {
  const notes: string[] = [];
  for (const { col, option } of choices) {
    const chosen = columnRef(table, col.index, locale);
    if (col.others.length > 0) {
      const others = col.others.map((i) => columnRef(table, i, locale)).join(", ");
      notes.push(text(locale, "cli.note.ambiguous", { option, chosen, others }));
    }
    if (col.how === "content") notes.push(text(locale, "cli.note.foundByContent", { option, chosen }));
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
