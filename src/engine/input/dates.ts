/**
 * Dates as sales tables hold them: Excel serial numbers (what Office.js returns for a date
 * cell), JavaScript Dates (file readers), and text in the unambiguous year-first forms
 * ("2025-03-31", "2025/3/31", "2025年3月31日", "2025-03"). Day-first and month-first text
 * ("03/04/2025") is ambiguous between locales and is refused rather than guessed.
 * The result is a month number (year × 12 + month − 1): trends are read by month.
 */
import { Cell, excelErrorOf, isBlank } from "./cells";

/** Excel's 1900 date system: serial 1 = 1900-01-01, with the phantom 1900-02-29 (serial 60). */
function monthOfSerial(serial: number): number {
  if (!(serial >= 1 && serial < 2958466)) return NaN; // 9999-12-31 is the last Excel date
  if (Math.floor(serial) === 60) return 1900 * 12 + 1; // 1900-02-29, which never existed
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0); // days after 1899-12-31
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

const YEAR_FIRST = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?(?:[ T].*)?\s*月?$/;

export const NOT_A_DATE = -1;
export const BLANK_DATE = -2;

/** Month number of a date cell, BLANK_DATE for a blank, NOT_A_DATE for anything else. */
export function monthOf(v: Cell): number {
  if (isBlank(v)) return BLANK_DATE;
  if (typeof v === "number") {
    const m = monthOfSerial(v);
    return Number.isNaN(m) ? NOT_A_DATE : m;
  }
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? NOT_A_DATE : v.getUTCFullYear() * 12 + v.getUTCMonth();
  }
  if (typeof v === "string" && !excelErrorOf(v)) {
    const m = YEAR_FIRST.exec(v.normalize("NFKC").trim());
    if (!m) return NOT_A_DATE;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = m[3] === undefined ? 1 : Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900) return NOT_A_DATE;
    return year * 12 + month - 1;
  }
  return NOT_A_DATE;
}

export function monthLabel(month: number): string {
  const y = Math.floor(month / 12);
  const m = (month % 12) + 1;
  return `${y}-${m < 10 ? "0" : ""}${m}`;
}
