/**
 * Dates as sales tables hold them: Excel serial numbers (what Office.js returns for a date
 * cell), JavaScript Dates (file readers), and text. The result is a month number
 * (year × 12 + month − 1): trends are read by month.
 *
 * Text forms, with an optional time after a space or "T" (`8:26`, `08:26:00 PM`,
 * `08:26:00.000Z`):
 * - year first, always read: 2025-03-31, 2025/3/31, 2025.3.31, 2025年3月31日, 2025-03;
 * - day and month first with a four-digit year, separated by one of / . - used twice:
 *   12/1/2010, 31.12.2024, 1-13-2011. Which part is the month is decided per COLUMN from
 *   its data (dateOrderOf): a first part above 12 anywhere → day-first, a second part above
 *   12 → month-first, both → the column is "mixed" (not a date column); every part ≤ 12 →
 *   "ambiguous", read only in the order the user says (--date-order, the pane's setting).
 * - two-digit years (12/1/10) are not read: the year could be any of the three parts.
 * Patterns are anchored, with no nested repetition, and text over 64 characters is no date,
 * so hostile cells cost linear time.
 */
import { Cell, excelErrorOf, isBlank } from "./cells";

/** How the day, month and year of a text date follow each other. */
export type DateOrder = "ymd" | "mdy" | "dmy";
/** A column's order as its data decides it (see the module comment). */
export type ColumnDateOrder = DateOrder | "ambiguous" | "mixed";
export const DATE_ORDERS: readonly DateOrder[] = ["ymd", "mdy", "dmy"];

/** Excel's 1900 date system: serial 1 = 1900-01-01, with the phantom 1900-02-29 (serial 60). */
function monthOfSerial(serial: number): number {
  if (!(serial >= 1 && serial < 2958466)) return NaN; // 9999-12-31 is the last Excel date
  if (Math.floor(serial) === 60) return 1900 * 12 + 1; // 1900-02-29, which never existed
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0); // days after 1899-12-31
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

const MAX_DATE_TEXT = 64;
const YEAR_FIRST = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$/;
const PARTS_THEN_YEAR = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|[+-]\d{2}:?\d{2})?$/i;

/** Kinds of text date (parseTextDate). */
const NONE = 0;
const YEAR_FIRST_TEXT = 1;
/** Two parts then the year: which of the two is the month is the column's order. */
const PARTS_TEXT = 2;

/** Parts of the last text parsed: [year, month, day] or [first, second, year]. */
const parts = new Int32Array(3);

function validTime(t: string): boolean {
  const m = TIME.exec(t);
  if (!m) return false;
  const h = Number(m[1]);
  const okHour = m[4] === undefined ? h <= 23 : h >= 1 && h <= 12;
  return okHour && Number(m[2]) <= 59 && (m[3] === undefined || Number(m[3]) <= 59);
}

/** The date part of a text with an optional time ("12/1/2010 8:26" → "12/1/2010"), null when the time is not one. */
function datePart(s: string): string | null {
  const colon = s.indexOf(":");
  if (colon < 0) return s;
  let cut = colon - 1;
  while (cut >= 0 && s[cut] !== " " && s[cut] !== "T") cut--;
  if (cut < 0 || !validTime(s.slice(cut + 1).trim())) return null;
  return s.slice(0, cut).trimEnd();
}

/** Parses a text date into `parts`; returns its kind (NONE when it is no date text). */
function parseTextDate(v: string): number {
  if (v.length > MAX_DATE_TEXT * 4) return NONE;
  const s = v.normalize("NFKC").trim();
  if (s.length > MAX_DATE_TEXT) return NONE;
  const d = datePart(s);
  if (d === null) return NONE;
  let m = YEAR_FIRST.exec(d);
  if (m) {
    parts[0] = Number(m[1]);
    parts[1] = Number(m[2]);
    parts[2] = m[3] === undefined ? 1 : Number(m[3]);
    return YEAR_FIRST_TEXT;
  }
  m = PARTS_THEN_YEAR.exec(d);
  if (!m) return NONE;
  parts[0] = Number(m[1]);
  parts[1] = Number(m[3]);
  parts[2] = Number(m[4]);
  return PARTS_TEXT;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function monthNumber(year: number, month: number, day: number): number {
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NOT_A_DATE;
  return year * 12 + month - 1;
}

export const NOT_A_DATE = -1;
export const BLANK_DATE = -2;

/**
 * Month number of a date cell, BLANK_DATE for a blank, NOT_A_DATE for anything else. Text
 * with the day and month first is read in `order` ("mdy" or "dmy"); with "ymd" (the default)
 * only year-first text is read.
 */
export function monthOf(v: Cell, order: DateOrder = "ymd"): number {
  if (isBlank(v)) return BLANK_DATE;
  if (typeof v === "number") {
    const m = monthOfSerial(v);
    return Number.isNaN(m) ? NOT_A_DATE : m;
  }
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? NOT_A_DATE : v.getUTCFullYear() * 12 + v.getUTCMonth();
  }
  if (typeof v !== "string" || excelErrorOf(v)) return NOT_A_DATE;
  const kind = parseTextDate(v);
  if (kind === YEAR_FIRST_TEXT) return monthNumber(parts[0], parts[1], parts[2]);
  if (kind !== PARTS_TEXT || order === "ymd") return NOT_A_DATE;
  return order === "mdy" ? monthNumber(parts[2], parts[0], parts[1]) : monthNumber(parts[2], parts[1], parts[0]);
}

/** True for text that is a date in some order (content sniffing: is this a date column?). */
export function isDateText(v: string): boolean {
  return monthOf(v, "mdy") !== NOT_A_DATE || monthOf(v, "dmy") !== NOT_A_DATE;
}

/** Cells of a column, as the engine's vectors and plain arrays both give them. */
export interface DateCells {
  readonly length: number;
  at(i: number): Cell;
}

interface ColumnDateOrderDetails {
  readonly order: ColumnDateOrder;
  /** First cell (index) whose first part is above 12, whose second part is, and whose parts are both ≤ 12; −1: none. */
  readonly dayFirstAt: number;
  readonly monthFirstAt: number;
  readonly ambiguousAt: number;
}

/** The column's order decided from its data, and the cells that decided it (one pass). */
function dateOrderDetails(cells: DateCells): ColumnDateOrderDetails {
  let dayFirstAt = -1;
  let monthFirstAt = -1;
  let ambiguousAt = -1;
  for (let i = 0; i < cells.length; i++) {
    const v = cells.at(i);
    if (typeof v !== "string" || parseTextDate(v) !== PARTS_TEXT) continue;
    const first = parts[0];
    const second = parts[1];
    if (first > 12 && second <= 12) {
      if (dayFirstAt < 0) dayFirstAt = i;
    } else if (second > 12 && first <= 12) {
      if (monthFirstAt < 0) monthFirstAt = i;
    } else if (first <= 12 && second <= 12 && ambiguousAt < 0) ambiguousAt = i;
    if (dayFirstAt >= 0 && monthFirstAt >= 0) break; // mixed: nothing later changes it
  }
  const order: ColumnDateOrder =
    dayFirstAt >= 0 && monthFirstAt >= 0
      ? "mixed"
      : dayFirstAt >= 0
        ? "dmy"
        : monthFirstAt >= 0
          ? "mdy"
          : ambiguousAt >= 0
            ? "ambiguous"
            : "ymd";
  return { order, dayFirstAt, monthFirstAt, ambiguousAt };
}

/** The column's order decided from its data ("ymd": it has no day-and-month-first text). */
export function dateOrderOf(cells: DateCells | readonly Cell[]): ColumnDateOrder {
  return dateOrderDetails(asDateCells(cells)).order;
}

function asDateCells(cells: DateCells | readonly Cell[]): DateCells {
  return Array.isArray(cells) ? { length: cells.length, at: (i) => cells[i] as Cell } : cells;
}

/** Why a date column cannot be read, and the cell (index) that shows it. */
export interface DateColumnProblem {
  readonly reason: "ambiguous" | "mixed" | "notDate";
  readonly index: number;
  /** "mixed": the earlier cell of the other order. */
  readonly other?: number;
}

export type DateColumnReading = { readonly months: Int32Array; readonly order: DateOrder } | { readonly problem: DateColumnProblem };

/**
 * The month of every cell of a date column. The data decides the order; `asked` (the user's
 * --date-order or pane setting) is used only when every day-and-month-first date is
 * ambiguous. Two passes over the column (the order, then the months), each linear.
 */
export function readDateColumn(cells: DateCells | readonly Cell[], asked?: DateOrder): DateColumnReading {
  const c = asDateCells(cells);
  const found = dateOrderDetails(c);
  if (found.order === "mixed") {
    const [other, index] = [found.dayFirstAt, found.monthFirstAt].sort((a, b) => a - b);
    return { problem: { reason: "mixed", index, other } };
  }
  const order = found.order === "ambiguous" ? asked : found.order;
  if (order === undefined) return { problem: { reason: "ambiguous", index: found.ambiguousAt } };
  const months = new Int32Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const m = monthOf(c.at(i), order);
    if (m === NOT_A_DATE) return { problem: { reason: "notDate", index: i } };
    months[i] = m;
  }
  return { months, order };
}

export function monthLabel(month: number): string {
  const y = Math.floor(month / 12);
  const m = (month % 12) + 1;
  return `${y}-${m < 10 ? "0" : ""}${m}`;
}
