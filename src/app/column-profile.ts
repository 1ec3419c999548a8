/**
 * Content sniffing for the column mapping (mapping.ts): what the sample cells of a column whose
 * header names no role look like, and which such column is the date, satisfaction, credit,
 * customer or revenue column (the thresholds are in mapping.ts's module comment).
 */
import { isCreditRating, isDistinctiveRating } from "../engine/credit-rating";
import { maxOf } from "../engine/arrays";
import { DEFAULT_CHURN_LEVELS, levelKey } from "../engine/churn";
import { excelErrorOf, isBlank } from "../engine/input/cells";
import { isDateText } from "../engine/input/dates";
import { parseNumericText } from "../engine/input/numbers";

export interface ColumnProfile {
  readonly col: number;
  /** Non-blank cells in the sample. */
  readonly n: number;
  readonly numbers: number;
  readonly text: number;
  readonly distinct: number;
  /** Text cells that look like codes (order numbers, ids): three or more digits in a row. */
  readonly codes: number;
  readonly dates: number;
  readonly dateSpanOk: boolean;
  readonly satisfaction: number;
  readonly ratings: number;
  readonly longRating: boolean;
  readonly meanMagnitude: number;
}

/** The roles content sniffing looks for, in the order it assigns them. */
export const SNIFFED_ROLES = ["date", "satisfaction", "credit", "customer", "revenue"] as const;
export type SniffedRole = (typeof SNIFFED_ROLES)[number];

type Pick = (candidates: readonly ColumnProfile[]) => ColumnProfile | undefined;

const widest = (pool: readonly ColumnProfile[], size: (p: ColumnProfile) => number): ColumnProfile | undefined =>
  pool.reduce<ColumnProfile | undefined>((best, p) => (!best || size(p) > size(best) ? p : best), undefined);

/** How each sniffed role picks its column among the free profiled ones. */
export const SNIFF: Readonly<Record<SniffedRole, Pick>> = {
  date: (cs) => cs.find((p) => p.dates >= 0.9 * p.n && p.dateSpanOk),
  satisfaction: (cs) => cs.find((p) => p.satisfaction >= 0.9 * p.n),
  credit: (cs) => cs.find((p) => p.ratings >= 0.8 * p.n && p.longRating),
  customer: (cs) => {
    const text = cs.filter((p) => p.text >= 0.8 * p.n && p.codes < 0.8 * p.text);
    // Transaction lines repeat their customer, while notes are unique: a column with repeats is
    // preferred, unless it has few distinct values (a region among per-customer rows).
    const most = maxOf(
      text.map((p) => p.distinct),
      0,
    );
    const repeated = text.filter((p) => p.distinct < p.text && p.distinct > 0.25 * most);
    return widest(repeated.length > 0 ? repeated : text, (p) => p.distinct);
  },
  revenue: (cs) =>
    widest(
      cs.filter((p) => p.numbers >= 0.9 * p.n && p.meanMagnitude >= 10),
      (p) => p.meanMagnitude,
    ),
};

/** Excel serials of 1990-01-01 and 2050-12-31. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 55153;
/** Sales dates cluster: serial numbers spread over more than 20 years are amounts. */
const SERIAL_SPAN_MAX = 7305;
const LEVEL_NAMES = new Set<string>();
for (const d of DEFAULT_CHURN_LEVELS) for (const name of [...d.en, ...d.zh]) LEVEL_NAMES.add(levelKey(name));

function numberEitherWay(s: string): number {
  const x = parseNumericText(s);
  return x === x ? x : parseNumericText(s, "comma");
}

interface Tally {
  n: number;
  numbers: number;
  text: number;
  codes: number;
  dates: number;
  serialMin: number;
  serialMax: number;
  satisfaction: number;
  ratings: number;
  longRating: boolean;
  magnitude: number;
  readonly distinct: Set<string>;
}

function countNumber(t: Tally, v: unknown, x: number): void {
  t.numbers++;
  t.magnitude += Math.abs(x);
  if (typeof v === "number" && Number.isInteger(x) && x >= SERIAL_MIN && x <= SERIAL_MAX) {
    t.dates++;
    t.serialMin = Math.min(t.serialMin, x);
    t.serialMax = Math.max(t.serialMax, x);
  }
  if (Number.isInteger(x) && x >= 1 && x <= 5) t.satisfaction++;
}

function countText(t: Tally, s: string): void {
  t.text++;
  t.distinct.add(s.toLowerCase());
  if (/\d{3,}/.test(s)) t.codes++;
  if (isDateText(s)) t.dates++;
  if (LEVEL_NAMES.has(levelKey(s))) t.satisfaction++;
  if (isCreditRating(s)) {
    t.ratings++;
    if (isDistinctiveRating(s)) t.longRating = true;
  }
}

/** What the non-blank sample cells of column `col` look like. */
export function profileOf(cells: readonly unknown[], col: number): ColumnProfile {
  const t: Tally = {
    n: 0,
    numbers: 0,
    text: 0,
    codes: 0,
    dates: 0,
    serialMin: Infinity,
    serialMax: -Infinity,
    satisfaction: 0,
    ratings: 0,
    longRating: false,
    magnitude: 0,
    distinct: new Set<string>(),
  };
  for (const v of cells) {
    if (isBlank(v) || excelErrorOf(v)) continue;
    t.n++;
    if (v instanceof Date) {
      if (v.getTime() === v.getTime()) t.dates++;
      continue;
    }
    // A text that is a number with either decimal separator counts (European exports in an
    // English Excel keep 1.234,56 as text); reading it is the column rule's job.
    const x = typeof v === "number" ? v : typeof v === "string" ? numberEitherWay(v) : NaN;
    if (Number.isFinite(x)) countNumber(t, v, x);
    else if (typeof v === "string") countText(t, v.trim());
  }
  return {
    col,
    n: t.n,
    numbers: t.numbers,
    text: t.text,
    distinct: t.distinct.size,
    codes: t.codes,
    dates: t.dates,
    dateSpanOk: t.serialMin === Infinity || t.serialMax - t.serialMin <= SERIAL_SPAN_MAX,
    satisfaction: t.satisfaction,
    ratings: t.ratings,
    longRating: t.longRating,
    meanMagnitude: t.numbers > 0 ? t.magnitude / t.numbers : 0,
  };
}
