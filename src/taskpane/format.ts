/** How the pane shows addresses and cell values (pure). */
import { columnLetter as columnLetterOfIndex, columnNumber } from "../excel/column-letters";
import type { Locale } from "../strings";

/** The cells part of an address ("Sales!$A$1:$L$41" → "A1:L41"). */
export function cellsOf(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
}

/** Column letter of the table's column `index` (0-based), from the table's address; "" if unknown. */
export function columnLetter(address: string, index: number): string {
  const m = /^([A-Za-z]{1,3})\d+(?::|$)/.exec(cellsOf(address));
  return m ? columnLetterOfIndex(columnNumber(m[1]) - 1 + index) : "";
}

/** Excel's date serial (1900 system) as yyyy-mm-dd, or undefined outside years 1900–9999. */
export function serialDate(serial: number): string | undefined {
  if (!(serial >= 1 && serial < 2958466)) return undefined;
  // Serial 60 is Excel's 29 Feb 1900, which did not exist; serials after it are one day late.
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  return new Date(Date.UTC(1899, 11, 31) + days * 86400000).toISOString().slice(0, 10);
}

/**
 * A cell value as plain text. Excel's values are strings, numbers and booleans: strings as they
 * are, other primitives as String() writes them, a blank (null, undefined) as "". Anything else is
 * not a cell value and reads as its JSON, never as "[object Object]".
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return JSON.stringify(v) ?? "";
}

/** A cell value for the preview: numbers in the pane's locale (date serials as dates in a date column), blanks readable. */
export function formatValue(v: unknown, locale: Locale, role?: string): string {
  if (v === null || v === undefined || v === "") return "–";
  if (typeof v === "number" && role === "date") {
    const d = serialDate(v);
    if (d) return d;
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    return new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 }).format(v);
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = cellText(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
