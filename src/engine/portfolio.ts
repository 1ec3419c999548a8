/**
 * Everything the generated sheets know about each customer, computed once from the mapped
 * columns of a sales table: the tiering measure's analysis, revenue, profit, sales effort,
 * satisfaction (numeric 1-5 or level names), credit rating, region, KA manager, monthly
 * revenue, and the portfolio-matrix criteria. Raw cells go through the same readers as the
 * custom functions, so a bad cell is reported the same way everywhere.
 */
import { analyseCustomers, CustomerAnalysis } from "./analysis";
import { DEFAULT_CHURN_LEVELS, levelKey } from "./churn";
import { fail } from "./errors";
import { Cell, describeCell, excelErrorOf, isBlank } from "./input/cells";
import { readCustomerVector } from "./input/customer-vector";
import { BLANK_DATE, DateColumnProblem, DateOrder, monthLabel, readDateColumn } from "./input/dates";
import { readNumber, NumberStatus } from "./input/numbers";
import { readNumericVector } from "./input/numeric-vector";
import { cellArgs, columnVector, Vector } from "./input/range";
import { TierSpec } from "./tiers";

export interface NamedColumn {
  /** The header, used in messages and on the sheets. */
  readonly name: string;
  readonly cells: readonly Cell[];
}

/** Columns of a sales table by role; all of the same length (one entry per data row). */
export interface SalesColumns {
  readonly customer: NamedColumn;
  /** The measure tiers are computed on (revenue by default, or profit). */
  readonly measure: NamedColumn;
  readonly revenue?: NamedColumn;
  readonly profit?: NamedColumn;
  readonly date?: NamedColumn;
  readonly satisfaction?: NamedColumn;
  readonly effort?: NamedColumn;
  readonly credit?: NamedColumn;
  readonly region?: NamedColumn;
  readonly manager?: NamedColumn;
  readonly attractiveness?: readonly NamedColumn[];
  readonly strength?: readonly NamedColumn[];
}

interface MonthlySeries {
  /** "YYYY-MM" from the first to the last month with data, no gaps. */
  readonly labels: readonly string[];
  /** Customer-major: values[customer * labels.length + month]. */
  readonly values: Float64Array;
}

interface CriteriaSet {
  readonly names: readonly string[];
  /** Per criterion, the mean per customer (NaN where the customer has no value). */
  readonly values: readonly Float64Array[];
}

/** How the date column is read (input/dates.ts). */
export interface PortfolioOptions {
  /** The order of a column whose dates are all ambiguous (--date-order, the pane's setting). */
  readonly dateOrder?: DateOrder;
  /**
   * The date column was found by its header or contents, not named by the user: when its
   * dates cannot be read, the date-based figures (monthly revenue, trend, recency) are left
   * out and Portfolio.dateProblem says why. Otherwise (default) that is an error.
   */
  readonly optionalDate?: boolean;
}

/** Why the date column was left out: its name, the reason, and the cell that shows it. */
export interface PortfolioDateProblem {
  readonly column: string;
  readonly reason: DateColumnProblem["reason"];
  /** 0-based data row and the cell as text. */
  readonly row: number;
  readonly cell: string;
  /** "mixed": the first cell read the other way. */
  readonly otherCell?: string;
}

export interface Portfolio {
  readonly analysis: CustomerAnalysis;
  readonly measureName: string;
  /** Per-customer sums; null when the column is not mapped. NaN: no value for that customer. */
  readonly revenue: Float64Array | null;
  readonly profit: Float64Array | null;
  readonly effort: Float64Array | null;
  /** Mean satisfaction on the 1-5 scale per customer (level names map to their level). */
  readonly satisfaction: Float64Array | null;
  /** Latest non-blank text per customer (by date when there is one, else the last row). */
  readonly credit: readonly (string | null)[] | null;
  readonly region: readonly (string | null)[] | null;
  readonly manager: readonly (string | null)[] | null;
  /** Revenue (or the measure when revenue is not mapped) by month. */
  readonly monthly: MonthlySeries | null;
  readonly attractiveness: CriteriaSet | null;
  readonly strength: CriteriaSet | null;
  /** Set when a date column found by header or contents could not be read (monthly is then null). */
  readonly dateProblem?: PortfolioDateProblem | null;
}

export function buildPortfolio(cols: SalesColumns, spec: TierSpec, options: PortfolioOptions = {}): Portfolio {
  const n = cols.customer.cells.length;
  const vec = (c: NamedColumn): Vector => {
    const v = columnVector(c.cells, c.name);
    if (v.length !== n) throw fail("#VALUE!", "error.mismatch", { arg1: cols.customer.name, n1: n, arg2: c.name, n2: v.length });
    return v;
  };
  const customers = readCustomerVector(vec(cols.customer));
  const measure = readNumericVector(vec(cols.measure));
  const analysis = analyseCustomers(measure, customers, spec);
  const count = analysis.customers.count;
  const ids = analysis.customers.rowCustomer;

  const sumOf = (c: NamedColumn | undefined): Float64Array | null => {
    if (!c) return null;
    if (c === cols.measure) return analysis.customers.totals.map((x, i) => (analysis.customers.hasValue[i] ? x : NaN));
    const v = readNumericVector(vec(c)).values;
    const out = new Float64Array(count).fill(NaN);
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (id < 0 || v[i] !== v[i]) continue;
      out[id] = out[id] !== out[id] ? v[i] : out[id] + v[i];
    }
    return out;
  };
  const dates = cols.date ? readMonths(vec(cols.date), options) : null;
  const months = dates && "months" in dates ? dates.months : null;
  const revenueSource = cols.revenue ?? cols.measure;
  return {
    analysis,
    measureName: cols.measure.name,
    revenue: sumOf(cols.revenue),
    profit: sumOf(cols.profit),
    effort: sumOf(cols.effort),
    satisfaction: cols.satisfaction ? meanSatisfaction(vec(cols.satisfaction), ids, count) : null,
    credit: cols.credit ? latestText(vec(cols.credit), ids, count, months) : null,
    region: cols.region ? latestText(vec(cols.region), ids, count, months) : null,
    manager: cols.manager ? latestText(vec(cols.manager), ids, count, months) : null,
    monthly: months ? monthlySeries(readNumericVector(vec(revenueSource)).values, months, ids, count) : null,
    attractiveness: cols.attractiveness?.length ? criteriaOf(cols.attractiveness.map(vec), ids, count) : null,
    strength: cols.strength?.length ? criteriaOf(cols.strength.map(vec), ids, count) : null,
    dateProblem: dates && "problem" in dates ? dates.problem : null,
  };
}

const DATE_ERRORS: Readonly<Record<DateColumnProblem["reason"], string>> = {
  notDate: "error.notDate",
  ambiguous: "error.dateAmbiguous",
  mixed: "error.dateMixed",
};

/** The months of the date column; a problem throws when the column is required, else is returned. */
function readMonths(v: Vector, options: PortfolioOptions): { months: Int32Array } | { problem: PortfolioDateProblem } {
  const read = readDateColumn(v, options.dateOrder);
  if ("months" in read) return read;
  const p = read.problem;
  const other = p.other !== undefined ? describeCell(v.at(p.other)) : undefined;
  if (!options.optionalDate)
    throw fail("#VALUE!", DATE_ERRORS[p.reason], { ...cellArgs(v, p.index), ...(other !== undefined ? { other } : {}) });
  return {
    problem: {
      column: v.arg,
      reason: p.reason,
      row: p.index,
      cell: describeCell(v.at(p.index)),
      ...(other !== undefined ? { otherCell: other } : {}),
    },
  };
}

function monthlySeries(values: Float64Array, months: Int32Array, ids: Int32Array, count: number): MonthlySeries | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < months.length; i++) {
    if (months[i] === BLANK_DATE || ids[i] < 0) continue;
    if (months[i] < lo) lo = months[i];
    if (months[i] > hi) hi = months[i];
  }
  if (lo === Infinity) return null;
  const p = hi - lo + 1;
  const out = new Float64Array(count * p);
  for (let i = 0; i < months.length; i++) {
    const id = ids[i];
    if (id < 0 || months[i] === BLANK_DATE || values[i] !== values[i]) continue;
    out[id * p + (months[i] - lo)] += values[i];
  }
  const labels: string[] = [];
  for (let m = lo; m <= hi; m++) labels.push(monthLabel(m));
  return { labels, values: out };
}

const LEVEL_BY_NAME = new Map<string, number>();
for (const d of DEFAULT_CHURN_LEVELS) for (const name of [...d.en, ...d.zh]) LEVEL_BY_NAME.set(levelKey(name), d.level);

function meanSatisfaction(v: Vector, ids: Int32Array, count: number): Float64Array {
  const sum = new Float64Array(count);
  const k = new Float64Array(count);
  const numbers = new Float64Array(v.length);
  const box = new Float64Array(1);
  for (let i = 0; i < v.length; i++) {
    const cell = v.at(i);
    if (isBlank(cell)) {
      numbers[i] = NaN;
      continue;
    }
    const level = typeof cell === "string" ? LEVEL_BY_NAME.get(levelKey(cell)) : undefined;
    if (level !== undefined) numbers[i] = level;
    else if (readNumber(cell, box) === NumberStatus.Ok) numbers[i] = box[0];
    else numbers[i] = NaN;
    if (!(numbers[i] >= 1 && numbers[i] <= 5)) throw fail("#VALUE!", "error.satisfaction", cellArgs(v, i));
  }
  for (let i = 0; i < v.length; i++) {
    const id = ids[i];
    if (id < 0 || numbers[i] !== numbers[i]) continue;
    sum[id] += numbers[i];
    k[id]++;
  }
  return sum.map((s, id) => (k[id] > 0 ? s / k[id] : NaN));
}

function latestText(v: Vector, ids: Int32Array, count: number, months: Int32Array | null): (string | null)[] {
  const out = new Array<string | null>(count).fill(null);
  const when = new Float64Array(count).fill(-Infinity);
  for (let i = 0; i < v.length; i++) {
    const id = ids[i];
    const cell = v.at(i);
    if (id < 0 || isBlank(cell)) continue;
    if (excelErrorOf(cell)) throw fail("#VALUE!", "error.errorCell", cellArgs(v, i));
    const t = months && months[i] !== BLANK_DATE ? months[i] : -1;
    if (t >= when[id]) {
      when[id] = t;
      out[id] = typeof cell === "string" ? cell.trim() : describeCell(cell);
    }
  }
  return out;
}

function criteriaOf(vectors: Vector[], ids: Int32Array, count: number): CriteriaSet {
  return {
    names: vectors.map((v) => v.arg),
    values: vectors.map((v) => {
      const x = readNumericVector(v).values;
      const sum = new Float64Array(count);
      const k = new Float64Array(count);
      for (let i = 0; i < x.length; i++) {
        const id = ids[i];
        if (id < 0 || x[i] !== x[i]) continue;
        sum[id] += x[i];
        k[id]++;
      }
      return sum.map((s, id) => (k[id] > 0 ? s / k[id] : NaN));
    }),
  };
}
