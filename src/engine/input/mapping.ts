/**
 * Which column of a sales table plays which role (the "mapping"), as the task pane proposes,
 * shows and checks it, and the engine's SalesColumns built from it. Pure: the task pane's
 * actions (render/office/actions) and the command line can both use it.
 *
 * A mapping is role → 0-based column index within the table (the header row's columns); the
 * two portfolio axes ("attractiveness", "strength") hold lists of criteria columns.
 *
 * proposeMapping(headers, sampleRows):
 * 1. Header words first (headers.ts findColumn, English and Chinese): the customer, then the
 *    single roles in SINGLE_ROLES order; a column is never taken twice (the role's next match
 *    is tried); the criteria columns are every column of the axis' roles (CRITERIA_ROLES).
 * 2. Content sniffing, only over columns whose header names no role at all (blank, "Column C",
 *    "Kunde", a code; a PivotTable's "Count of …" names one), for roles not found, in order:
 *    - date: ≥ 90% of the non-blank sample cells are dates (date cells, text such as 2025-03-31
 *      or 12/1/2010 8:26, whole Excel serials 1990–2050 spanning at most 20 years);
 *    - satisfaction: ≥ 90% whole numbers 1–5 (or satisfaction level names);
 *    - credit: ≥ 80% ratings such as AAA, BB+, Baa… (at least one beyond a single letter,
 *      so that a column of A/B/C tiers is not taken for ratings);
 *    - customer: ≥ 80% text, not code-like (order numbers); among those, the columns with
 *      repeated values (transaction lines) and more than a quarter of the most distinct values
 *      first (not a region column), then the most distinct values, then the leftmost;
 *    - revenue: ≥ 90% numbers with mean magnitude ≥ 10; the largest mean magnitude wins.
 *    Profit, effort, region, manager and the criteria are never guessed from content.
 */
import { maxOf } from "../arrays";
import { DEFAULT_CHURN_LEVELS, levelKey } from "../churn";
import { KaError } from "../errors";
import { NamedColumn, SalesColumns } from "../portfolio";
import { Cell, cellText, describeCell, excelErrorOf, isBlank } from "./cells";
import { isDateText } from "./dates";
import { ColumnRole, COLUMN_ROLES, findColumn, pivotValueHeaderOf } from "./headers";
import { parseNumericText } from "./numbers";
import { columnLetter } from "./column-letters";

/** role → column index (0-based in the table); attractiveness/strength → criteria column indexes. */
export type ColumnMapping = Record<string, number | number[] | undefined>;

export type Measure = "revenue" | "profit";

/** Roles that take one column, in the order header detection assigns them. */
export const SINGLE_ROLES = [
  "customer", "revenue", "profit", "date", "satisfaction", "effort", "credit", "region", "manager",
  "orderId", "quantity", "product", "industry",
] as const satisfies readonly ColumnRole[];
export type SingleRole = (typeof SINGLE_ROLES)[number];

export const CRITERIA_AXES = ["attractiveness", "strength"] as const;
export type CriteriaAxis = (typeof CRITERIA_AXES)[number];

/** The header roles whose columns are criteria of each portfolio axis (as the command line). */
export const CRITERIA_ROLES: Readonly<Record<CriteriaAxis, readonly ColumnRole[]>> = {
  attractiveness: ["attractiveness", "marketGrowth", "marginPotential", "strategicFit"],
  strength: ["strength", "shareOfWallet", "relationship", "productFit"],
};

/** How a proposed column was found. */
export type FoundBy = "header" | "content";

export interface MappingProposal {
  readonly mapping: ColumnMapping;
  /** How each mapped single role was found; criteria are always found by header. */
  readonly foundBy: Readonly<Partial<Record<SingleRole, FoundBy>>>;
  /** Roles whose header matched several columns: the others, leftmost first. */
  readonly alternatives: Readonly<Partial<Record<SingleRole, readonly number[]>>>;
}

/** The proposed mapping (see the module comment). */
export function proposeMapping(headers: readonly unknown[], sampleRows: readonly (readonly unknown[])[] = []): ColumnMapping {
  return proposeMappingDetails(headers, sampleRows).mapping;
}

export function proposeMappingDetails(headers: readonly unknown[], sampleRows: readonly (readonly unknown[])[] = []): MappingProposal {
  const width = headers.length;
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  const foundBy: Partial<Record<SingleRole, FoundBy>> = {};
  const alternatives: Partial<Record<SingleRole, number[]>> = {};

  for (const role of SINGLE_ROLES) {
    const m = findColumn(headers, role);
    if (!m) continue;
    const free = [m.index, ...m.others].filter((i) => !taken.has(i));
    if (free.length === 0) continue;
    mapping[role] = free[0];
    foundBy[role] = "header";
    if (free.length > 1) alternatives[role] = free.slice(1);
    taken.add(free[0]);
  }
  for (const axis of CRITERIA_AXES) {
    const cols: number[] = [];
    for (const role of CRITERIA_ROLES[axis]) {
      const m = findColumn(headers, role);
      if (!m) continue;
      for (const i of [m.index, ...m.others]) {
        if (taken.has(i)) continue;
        taken.add(i);
        cols.push(i);
      }
    }
    mapping[axis] = cols.sort((a, b) => a - b);
  }

  // Columns whose header names no role (nor a PivotTable count or average) are sniffed.
  const recognised = new Set<number>();
  for (const role of COLUMN_ROLES) {
    const m = findColumn(headers, role);
    if (m) for (const i of [m.index, ...m.others]) recognised.add(i);
  }
  const profiles: ColumnProfile[] = [];
  for (let c = 0; c < width; c++) {
    if (taken.has(c) || recognised.has(c) || pivotValueHeaderOf(headers[c])?.summable === false) continue;
    const p = profileOf(sampleRows.map((r) => r[c]), c);
    if (p.n > 0) profiles.push(p);
  }
  const sniff = (role: SingleRole, pick: (candidates: ColumnProfile[]) => ColumnProfile | undefined): void => {
    if (mapping[role] !== undefined) return;
    const chosen = pick(profiles.filter((p) => !taken.has(p.col)));
    if (!chosen) return;
    mapping[role] = chosen.col;
    foundBy[role] = "content";
    taken.add(chosen.col);
  };
  sniff("date", (cs) => cs.find((p) => p.dates >= 0.9 * p.n && p.dateSpanOk));
  sniff("satisfaction", (cs) => cs.find((p) => p.satisfaction >= 0.9 * p.n));
  sniff("credit", (cs) => cs.find((p) => p.ratings >= 0.8 * p.n && p.longRating));
  sniff("customer", (cs) => {
    const text = cs.filter((p) => p.text >= 0.8 * p.n && p.codes < 0.8 * p.text);
    // Transaction lines repeat their customer, while notes are unique: a column with repeats is
    // preferred, unless it has few distinct values (a region among per-customer rows).
    const most = maxOf(text.map((p) => p.distinct), 0);
    const repeated = text.filter((p) => p.distinct < p.text && p.distinct > 0.25 * most);
    const pool = repeated.length > 0 ? repeated : text;
    return pool.reduce<ColumnProfile | undefined>((best, p) => (!best || p.distinct > best.distinct ? p : best), undefined);
  });
  sniff("revenue", (cs) =>
    cs
      .filter((p) => p.numbers >= 0.9 * p.n && p.meanMagnitude >= 10)
      .reduce<ColumnProfile | undefined>((best, p) => (!best || p.meanMagnitude > best.meanMagnitude ? p : best), undefined),
  );
  return { mapping, foundBy, alternatives };
}

/* ------------------------------------------------------------------ content profiles */

interface ColumnProfile {
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

/** Excel serials of 1990-01-01 and 2050-12-31. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 55153;
const RATING = /^(AAA|AA|A|BBB|BB|B|CCC|CC|C|D|Aaa|Aa|Baa|Ba|Caa|Ca)[+-]?$/;
const LONG_RATING = /^(AAA|AA|BBB|BB|CCC|CC|Aaa|Aa|Baa|Ba|Caa|Ca)|[+-]$/;
const LEVEL_NAMES = new Set<string>();
for (const d of DEFAULT_CHURN_LEVELS) for (const name of [...d.en, ...d.zh]) LEVEL_NAMES.add(levelKey(name));

function numberEitherWay(s: string): number {
  const x = parseNumericText(s);
  return x === x ? x : parseNumericText(s, "comma");
}

function profileOf(cells: readonly unknown[], col: number): ColumnProfile {
  let n = 0;
  let numbers = 0;
  let text = 0;
  let codes = 0;
  let dates = 0;
  let serialMin = Infinity;
  let serialMax = -Infinity;
  let satisfaction = 0;
  let ratings = 0;
  let longRating = false;
  let magnitude = 0;
  const distinct = new Set<string>();
  for (const v of cells) {
    if (isBlank(v) || excelErrorOf(v)) continue;
    n++;
    if (v instanceof Date) {
      if (v.getTime() === v.getTime()) dates++;
      continue;
    }
    // A text that is a number with either decimal separator counts (European exports in an
    // English Excel keep 1.234,56 as text); reading it is the column rule's job.
    const x = typeof v === "number" ? v : typeof v === "string" ? numberEitherWay(v) : NaN;
    if (Number.isFinite(x)) {
      numbers++;
      magnitude += Math.abs(x);
      if (typeof v === "number" && Number.isInteger(x) && x >= SERIAL_MIN && x <= SERIAL_MAX) {
        dates++;
        serialMin = Math.min(serialMin, x);
        serialMax = Math.max(serialMax, x);
      }
      if (Number.isInteger(x) && x >= 1 && x <= 5) satisfaction++;
      continue;
    }
    if (typeof v !== "string") continue;
    const s = v.trim();
    text++;
    distinct.add(s.toLowerCase());
    if (/\d{3,}/.test(s)) codes++;
    if (isDateText(s)) dates++;
    if (LEVEL_NAMES.has(levelKey(s))) satisfaction++;
    if (RATING.test(s)) {
      ratings++;
      if (LONG_RATING.test(s)) longRating = true;
    }
  }
  return {
    col,
    n,
    numbers,
    text,
    distinct: distinct.size,
    codes,
    dates,
    // Sales dates cluster: serial numbers spread over more than 20 years are amounts.
    dateSpanOk: serialMin === Infinity || serialMax - serialMin <= 7305,
    satisfaction,
    ratings,
    longRating,
    meanMagnitude: numbers > 0 ? magnitude / numbers : 0,
  };
}

/* ------------------------------------------------------------------ validation */

export type MappingProblem =
  | { readonly kind: "missing"; readonly role: "customer" | Measure }
  | { readonly kind: "duplicate"; readonly column: number; readonly roles: readonly string[] }
  | { readonly kind: "invalid"; readonly role: string; readonly value: unknown };

const ROLE_SET = new Set<string>(COLUMN_ROLES);
const AXIS_SET = new Set<string>(CRITERIA_AXES);

const isIndex = (v: unknown, width: number | undefined): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 && (width === undefined || v < width);

/**
 * Problems of a mapping, empty when it can be used: the customer column and the measure's
 * column (revenue, or profit) are required; single roles take one column index, the criteria
 * axes a list; no column serves two roles; indexes lie within the table (when `columnCount`
 * is given). Unknown role names are invalid.
 */
export function validateMapping(mapping: ColumnMapping, options: { measure?: Measure; columnCount?: number } = {}): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const width = options.columnCount;
  const users = new Map<number, string[]>();
  const use = (col: number, role: string) => {
    const list = users.get(col);
    if (list) list.push(role);
    else users.set(col, [role]);
  };
  for (const [role, value] of Object.entries(mapping)) {
    if (value === undefined) continue;
    if (AXIS_SET.has(role)) {
      if (!Array.isArray(value) || !value.every((v) => isIndex(v, width))) problems.push({ kind: "invalid", role, value });
      else for (const col of new Set(value)) use(col, role);
      continue;
    }
    if (!ROLE_SET.has(role) || !isIndex(value, width)) {
      problems.push({ kind: "invalid", role, value });
      continue;
    }
    use(value, role);
  }
  const missing: MappingProblem[] = [];
  const measure = options.measure ?? "revenue";
  if (!isIndex(mapping.customer, width)) missing.push({ kind: "missing", role: "customer" });
  if (!isIndex(mapping[measure], width)) missing.push({ kind: "missing", role: measure });
  for (const [column, roles] of users) if (roles.length > 1) problems.push({ kind: "duplicate", column, roles });
  return [...missing, ...problems];
}

/* ------------------------------------------------------------------ SalesColumns */

/** Excel's column letters of a 0-based index (0 → A, 26 → AA). */
export const columnLetterOf = columnLetter;

export interface MappedSalesColumns {
  readonly columns: SalesColumns;
  /** NamedColumn.name (as the engine's messages name it) → column index in the table. */
  readonly indexOf: ReadonlyMap<string, number>;
}

/**
 * The engine's SalesColumns of a mapping. `columns[i]` holds the data cells (header row
 * excluded) of table column i; columns not mapped may be absent. The column names are the
 * headers (blank ones "Column C", by the column's letter within the table), made unique among
 * the mapped columns so that an engine error always leads back to one column.
 * Throws when the customer or the measure's column is not mapped (validateMapping first).
 */
export function salesColumnsOf(
  headers: readonly unknown[],
  columns: readonly (readonly Cell[] | undefined)[],
  mapping: ColumnMapping,
  measure: Measure = "revenue",
): SalesColumns {
  return mappedSalesColumns(headers, columns, mapping, measure).columns;
}

export function mappedSalesColumns(
  headers: readonly unknown[],
  columns: readonly (readonly Cell[] | undefined)[],
  mapping: ColumnMapping,
  measure: Measure = "revenue",
): MappedSalesColumns {
  const single = (role: string): number | undefined => {
    const v = mapping[role];
    return typeof v === "number" ? v : undefined;
  };
  const customerIndex = single("customer");
  const measureIndex = single(measure);
  if (customerIndex === undefined) throw new Error("salesColumnsOf: the customer column is not mapped");
  if (measureIndex === undefined) throw new Error(`salesColumnsOf: the ${measure} column is not mapped`);
  const rows = columns[customerIndex]?.length ?? 0;
  const indexOf = new Map<string, number>();
  const byIndex = new Map<number, NamedColumn>();
  const named = (index: number): NamedColumn => {
    const existing = byIndex.get(index);
    if (existing) return existing;
    const h = headers[index];
    const header = cellText(h).trim();
    let name = header !== "" ? header : `Column ${columnLetterOf(index)}`;
    if (indexOf.has(name)) name = `${name} (${columnLetterOf(index)})`;
    const c: NamedColumn = { name, cells: columns[index] ?? new Array<Cell>(rows).fill(null) };
    indexOf.set(name, index);
    byIndex.set(index, c);
    return c;
  };
  const opt = (role: string): NamedColumn | undefined => {
    const i = single(role);
    return i === undefined ? undefined : named(i);
  };
  const list = (axis: CriteriaAxis): NamedColumn[] | undefined => {
    const v = mapping[axis];
    return Array.isArray(v) && v.length > 0 ? [...new Set(v)].map(named) : undefined;
  };
  const customer = named(customerIndex);
  const revenue = opt("revenue");
  const profit = opt("profit");
  const sales: SalesColumns = {
    customer,
    measure: named(measureIndex),
    revenue,
    profit,
    date: opt("date"),
    satisfaction: opt("satisfaction"),
    effort: opt("effort"),
    credit: opt("credit"),
    region: opt("region"),
    manager: opt("manager"),
    attractiveness: list("attractiveness"),
    strength: list("strength"),
  };
  return { columns: sales, indexOf };
}

/* ------------------------------------------------------------------ locating engine errors */

export interface CellErrorLocation {
  /** Column index in the table. */
  readonly column: number;
  /** The column's name as the engine used it. */
  readonly name: string;
  /** 0-based data row (header excluded). */
  readonly row: number;
  /** The cell as shown in the message. */
  readonly cell: string;
}

/**
 * Where an engine error about one cell of a mapped column points, or null when it is not about
 * a cell of a mapped column (sizes, totals). The engine reports positions within the vector it
 * read; where it re-read a single cell on its own (satisfaction levels) the position says 1,
 * so the position is checked against the cell and recovered as the first cell reading as it.
 */
export function locateCellError(e: KaError, indexOf: ReadonlyMap<string, number>, columns: readonly (readonly Cell[] | undefined)[]): CellErrorLocation | null {
  const name = e.args.arg;
  if (typeof name !== "string") return null;
  const column = indexOf.get(name);
  if (column === undefined) return null;
  if (e.args.posKey !== "position.row" || typeof e.args.posN !== "number") return null;
  const cells = columns[column] ?? [];
  const cell = typeof e.args.cell === "string" ? e.args.cell : undefined;
  let row = e.args.posN - 1;
  if (cell !== undefined && !(row >= 0 && row < cells.length && describeCell(cells[row]) === cell)) {
    const i = cells.findIndex((c) => describeCell(c) === cell);
    if (i >= 0) row = i;
  }
  return { column, name, row, cell: cell ?? describeCell(cells[row]) };
}
