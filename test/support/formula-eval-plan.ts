/**
 * A small Excel formula evaluator FOR TESTS of the plan and risk sheets (the shared
 * test/support/formula-eval.ts lacks MATCH, COUNTBLANK, TRIM, SUBSTITUTE and the KA.*
 * functions these sheets use). It evaluates every formula cell of a SheetModel over the
 * model's own cells, the way Excel and LibreOffice do:
 *
 * - literals: numbers, "text" ("" escapes), TRUE/FALSE; A1 references and A1:B2 ranges of the
 *   same sheet ($ allowed);
 * - operators: unary + -, * /, + -, &, = <> < <= > >= (Excel precedence; text compares
 *   case-insensitively and sorts after numbers; an empty cell is 0 or ""; TRUE/FALSE are 1/0
 *   in arithmetic);
 * - functions: IF (lazy), IFERROR, AND, OR, ISNUMBER, ROUND (half away from zero), SUM, COUNT,
 *   COUNTBLANK, COUNTIF (exact criterion, no wildcards), MEDIAN, MIN, MAX, AVERAGE, INDEX,
 *   MATCH (types 0 and 1), TRIM, SUBSTITUTE, and KA.CHURN / KA.PRIORITY / KA.RISK through the
 *   engine's own formula functions (what the add-in runs in Excel).
 * Errors (#DIV/0!, #VALUE!, #N/A) are values and propagate. Anything else is refused loudly.
 */
import { churnFormula } from "../../src/engine/formulas/churn";
import { priorityFormula } from "../../src/engine/formulas/priority";
import { riskFormula } from "../../src/engine/formulas/risk";
import { buildPortfolio, NamedColumn, Portfolio, SalesColumns } from "../../src/engine/portfolio";
import { tierSpecOf } from "../../src/engine/tiers";
import { generateSalesSample, SAMPLE_COLUMNS, SalesRow } from "../../src/sample";
import { Cell, isFormula, SheetModel } from "../../src/sheets/model";
import { Locale } from "../../src/strings";

export class XlErr {
  constructor(readonly code: string) {}
}
export type Scalar = number | string | boolean | null | XlErr;
interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Scalar[];
}
type Value = Scalar | Matrix;
const isMatrix = (v: Value): v is Matrix => v !== null && typeof v === "object" && !(v instanceof XlErr);
const NA = new XlErr("#N/A");
const VALUE = new XlErr("#VALUE!");
const DIV0 = new XlErr("#DIV/0!");

type Node =
  | { t: "lit"; v: Scalar }
  | { t: "ref"; row: number; col: number }
  | { t: "range"; r0: number; c0: number; r1: number; c1: number }
  | { t: "call"; name: string; args: Node[] }
  | { t: "un"; op: string; x: Node }
  | { t: "bin"; op: string; a: Node; b: Node };

const colIndex = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function tokens(f: string): string[] {
  const re = /\s*("(?:[^"]|"")*"|\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![A-Z0-9.(])|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[A-Z][A-Z0-9.]*(?=\()|TRUE|FALSE|<=|>=|<>|[-+*/&=<>(),])/y;
  const out: string[] = [];
  let i = 0;
  while (i < f.length) {
    if (/^\s+$/.test(f.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(f);
    if (!m) throw new Error(`formula-eval-plan: cannot read "${f.slice(i, i + 20)}" in ${f}`);
    out.push(m[1]);
    i = re.lastIndex;
  }
  return out;
}

const PREC: Record<string, number> = { "=": 1, "<>": 1, "<": 1, "<=": 1, ">": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4 };

export function parseFormula(f: string): Node {
  const tk = tokens(f);
  let p = 0;
  const take = (want?: string) => {
    const x = tk[p++];
    if (want !== undefined && x !== want) throw new Error(`formula-eval-plan: expected ${want}, got ${x} in ${f}`);
    return x;
  };
  const expr = (min: number): Node => {
    let a = unary();
    for (;;) {
      const op = tk[p];
      const prec = op === undefined ? undefined : PREC[op];
      if (prec === undefined || prec < min) return a;
      p++;
      a = { t: "bin", op, a, b: expr(prec + 1) };
    }
  };
  const unary = (): Node => {
    if (tk[p] === "-" || tk[p] === "+") {
      const op = take();
      return { t: "un", op, x: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const x = take();
    if (x === undefined) throw new Error(`formula-eval-plan: unexpected end of ${f}`);
    if (x === "(") {
      const e = expr(0);
      take(")");
      return e;
    }
    if (x.startsWith('"')) return { t: "lit", v: x.slice(1, -1).replace(/""/g, '"') };
    if (x === "TRUE" || x === "FALSE") return { t: "lit", v: x === "TRUE" };
    if (/^\d/.test(x)) return { t: "lit", v: Number(x) };
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(x);
    if (ref) {
      const r0 = Number(ref[2]) - 1;
      const c0 = colIndex(ref[1]);
      if (ref[3] === undefined) return { t: "ref", row: r0, col: c0 };
      return { t: "range", r0, c0, r1: Number(ref[4]) - 1, c1: colIndex(ref[3]) };
    }
    if (tk[p] === "(") {
      take("(");
      const args: Node[] = [];
      if (tk[p] !== ")") {
        for (;;) {
          args.push(expr(0));
          if (tk[p] === ",") p++;
          else break;
        }
      }
      take(")");
      return { t: "call", name: x, args };
    }
    throw new Error(`formula-eval-plan: unexpected ${x} in ${f}`);
  };
  const e = expr(0);
  if (p !== tk.length) throw new Error(`formula-eval-plan: trailing ${tk.slice(p).join(" ")} in ${f}`);
  return e;
}

/** Function names a formula calls. */
export function functionsIn(f: string): string[] {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.t === "call") {
      out.push(n.name);
      n.args.forEach(walk);
    } else if (n.t === "un") walk(n.x);
    else if (n.t === "bin") {
      walk(n.a);
      walk(n.b);
    }
  };
  walk(parseFormula(f));
  return out;
}

/** Cells a formula refers to (single cells and range corners). */
export function referencesIn(f: string): { row: number; col: number; rows: number; cols: number }[] {
  const out: { row: number; col: number; rows: number; cols: number }[] = [];
  const walk = (n: Node): void => {
    if (n.t === "ref") out.push({ row: n.row, col: n.col, rows: 1, cols: 1 });
    else if (n.t === "range") out.push({ row: n.r0, col: n.c0, rows: n.r1 - n.r0 + 1, cols: n.c1 - n.c0 + 1 });
    else if (n.t === "call") n.args.forEach(walk);
    else if (n.t === "un") walk(n.x);
    else if (n.t === "bin") {
      walk(n.a);
      walk(n.b);
    }
  };
  walk(parseFormula(f));
  return out;
}

const isBlankish = (v: Scalar) => v === null || v === "";

function num(v: Scalar): number | XlErr {
  if (v instanceof XlErr) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const t = v.trim();
  if (t === "" || !Number.isFinite(Number(t))) return VALUE;
  return Number(t);
}

function str(v: Scalar): string | XlErr {
  if (v instanceof XlErr) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v;
}

function bool(v: Scalar): boolean | XlErr {
  if (v instanceof XlErr) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return VALUE;
}

/** Excel ordering: numbers < text < booleans; an empty cell takes the other side's type. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function roundHalfAway(x: number, d: number): number {
  const m = 10 ** d;
  const y = Math.abs(x) * m;
  // Excel rounds the 15-digit decimal: nudge by a relative epsilon before rounding.
  const r = Math.round(y * (1 + 2 ** -52)) / m;
  return x < 0 ? -r : r;
}

/** The grid of a model: literal and formula cells by "row,col". */
export function gridOf(model: SheetModel): Map<string, Cell> {
  const g = new Map<string, Cell>();
  for (const b of model.blocks)
    b.cells.forEach((row, i) => row.forEach((c, j) => g.set(`${b.row + i},${b.col + j}`, c)));
  return g;
}

export class PlanSheetEvaluator {
  private readonly grid: Map<string, Cell>;
  private readonly memo = new Map<string, Scalar>();
  private readonly busy = new Set<string>();

  constructor(model: SheetModel, private readonly overrides: ReadonlyMap<string, Scalar> = new Map()) {
    this.grid = gridOf(model);
  }

  /** The value a cell shows after recalculation. */
  value(row: number, col: number): Scalar {
    const k = `${row},${col}`;
    if (this.overrides.has(k)) return this.overrides.get(k)!;
    const c = this.grid.get(k);
    if (c === undefined || c === null) return null;
    if (!isFormula(c)) return c;
    const m = this.memo.get(k);
    if (m !== undefined) return m;
    if (this.busy.has(k)) throw new Error(`formula-eval-plan: circular reference at ${k}`);
    this.busy.add(k);
    let v = this.eval(parseFormula(c.f));
    this.busy.delete(k);
    if (isMatrix(v)) v = v.data[0];
    this.memo.set(k, v);
    return v;
  }

  private matrix(r0: number, c0: number, r1: number, c1: number): Matrix {
    const data: Scalar[] = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) data.push(this.value(r, c));
    return { rows: r1 - r0 + 1, cols: c1 - c0 + 1, data };
  }

  private scalar(n: Node): Scalar {
    const v = this.eval(n);
    if (isMatrix(v)) {
      if (v.rows === 1 && v.cols === 1) return v.data[0];
      throw new Error("formula-eval-plan: a range where one value is expected");
    }
    return v;
  }

  private eval(n: Node): Value {
    switch (n.t) {
      case "lit":
        return n.v;
      case "ref":
        return this.value(n.row, n.col);
      case "range":
        return this.matrix(n.r0, n.c0, n.r1, n.c1);
      case "un": {
        const x = num(this.scalar(n.x));
        if (x instanceof XlErr) return x;
        return n.op === "-" ? -x : x;
      }
      case "bin": {
        const a = this.scalar(n.a);
        const b = this.scalar(n.b);
        if (a instanceof XlErr) return a;
        if (b instanceof XlErr) return b;
        switch (n.op) {
          case "&": {
            return (str(a) as string) + (str(b) as string);
          }
          case "=": return compare(a, b) === 0;
          case "<>": return compare(a, b) !== 0;
          case "<": return compare(a, b) < 0;
          case "<=": return compare(a, b) <= 0;
          case ">": return compare(a, b) > 0;
          case ">=": return compare(a, b) >= 0;
        }
        const x = num(a);
        const y = num(b);
        if (x instanceof XlErr) return x;
        if (y instanceof XlErr) return y;
        switch (n.op) {
          case "+": return x + y;
          case "-": return x - y;
          case "*": return x * y;
          case "/": return y === 0 ? DIV0 : x / y;
        }
        throw new Error(`formula-eval-plan: operator ${n.op}`);
      }
      case "call":
        return this.call(n.name, n.args);
    }
  }

  /** Numbers from arguments: ranges give their numbers only; direct values are coerced. */
  private numbers(args: Node[]): number[] | XlErr {
    const out: number[] = [];
    for (const a of args) {
      const v = this.eval(a);
      if (isMatrix(v)) {
        for (const x of v.data) {
          if (x instanceof XlErr) return x;
          if (typeof x === "number") out.push(x);
        }
      } else {
        if (v === null) continue;
        const x = num(v);
        if (x instanceof XlErr) return x;
        out.push(x);
      }
    }
    return out;
  }

  private call(name: string, args: Node[]): Value {
    switch (name) {
      case "IF": {
        const c = bool(this.scalar(args[0]));
        if (c instanceof XlErr) return c;
        if (c) return this.scalar(args[1]);
        return args.length > 2 ? this.scalar(args[2]) : false;
      }
      case "IFERROR": {
        const v = this.scalar(args[0]);
        return v instanceof XlErr ? this.scalar(args[1]) : v;
      }
      case "AND":
      case "OR": {
        const bs: boolean[] = [];
        for (const a of args) {
          const b = bool(this.scalar(a));
          if (b instanceof XlErr) return b;
          bs.push(b);
        }
        return name === "AND" ? bs.every(Boolean) : bs.some(Boolean);
      }
      case "ISNUMBER":
        return typeof this.scalar(args[0]) === "number";
      case "ROUND": {
        const x = num(this.scalar(args[0]));
        const d = num(this.scalar(args[1]));
        if (x instanceof XlErr) return x;
        if (d instanceof XlErr) return d;
        return roundHalfAway(x, d);
      }
      case "SUM":
      case "COUNT":
      case "MIN":
      case "MAX":
      case "AVERAGE":
      case "MEDIAN": {
        const xs = this.numbers(args);
        if (xs instanceof XlErr) return xs;
        if (name === "COUNT") return xs.length;
        if (name === "SUM") return xs.reduce((s, x) => s + x, 0);
        if (name === "MIN") return xs.length ? Math.min(...xs) : 0;
        if (name === "MAX") return xs.length ? Math.max(...xs) : 0;
        if (xs.length === 0) return DIV0;
        if (name === "AVERAGE") return xs.reduce((s, x) => s + x, 0) / xs.length;
        const s = [...xs].sort((a, b) => a - b);
        const m = s.length >> 1;
        return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
      }
      case "COUNTBLANK": {
        const v = this.eval(args[0]);
        const data = isMatrix(v) ? v.data : [v];
        return data.filter(isBlankish).length;
      }
      case "COUNTIF": {
        const v = this.eval(args[0]);
        const crit = this.scalar(args[1]);
        if (typeof crit === "string" && /[*?~]|^[<>=]/.test(crit)) throw new Error(`formula-eval-plan: COUNTIF criterion ${crit} not supported`);
        const data = isMatrix(v) ? v.data : [v];
        return data.filter((x) => x !== null && !(x instanceof XlErr) && typeof x === typeof crit && compare(x, crit) === 0).length;
      }
      case "INDEX": {
        const v = this.eval(args[0]);
        if (!isMatrix(v)) throw new Error("formula-eval-plan: INDEX of a single value");
        const r = num(this.scalar(args[1]));
        const c = args.length > 2 ? num(this.scalar(args[2])) : 1;
        if (r instanceof XlErr) return r;
        if (c instanceof XlErr) return c;
        let i: number;
        let j: number;
        if (args.length === 2 && v.rows === 1) {
          i = 1;
          j = r;
        } else {
          i = r;
          j = c;
        }
        if (!(i >= 1 && i <= v.rows && j >= 1 && j <= v.cols)) return new XlErr("#REF!");
        return v.data[(Math.floor(i) - 1) * v.cols + Math.floor(j) - 1];
      }
      case "MATCH": {
        const x = this.scalar(args[0]);
        const v = this.eval(args[1]);
        const type = args.length > 2 ? num(this.scalar(args[2])) : 1;
        if (x instanceof XlErr) return x;
        if (!isMatrix(v)) throw new Error("formula-eval-plan: MATCH over a single value");
        if (type === 0) {
          const k = v.data.findIndex((y) => y !== null && !(y instanceof XlErr) && typeof y === typeof x && compare(y, x) === 0);
          return k < 0 ? NA : k + 1;
        }
        if (type !== 1) throw new Error("formula-eval-plan: MATCH type");
        let found = -1;
        v.data.forEach((y, k) => {
          if (typeof y === typeof x && compare(y, x) <= 0) found = k;
        });
        return found < 0 ? NA : found + 1;
      }
      case "TRIM": {
        const s = str(this.scalar(args[0]));
        if (s instanceof XlErr) return s;
        return s.replace(/ +/g, " ").replace(/^ | $/g, "");
      }
      case "SUBSTITUTE": {
        const s = str(this.scalar(args[0]));
        const a = str(this.scalar(args[1]));
        const b = str(this.scalar(args[2]));
        if (s instanceof XlErr) return s;
        if (a instanceof XlErr) return a;
        if (b instanceof XlErr) return b;
        return a === "" ? s : s.split(a).join(b);
      }
      case "KA.CHURN":
        return this.ka(() => churnFormula(this.arg2d(args[0]), args[1] ? this.arg2d(args[1]) : undefined));
      case "KA.PRIORITY":
        return this.ka(() =>
          priorityFormula(this.arg2d(args[0]), this.arg2d(args[1]), this.argScalar(args[2]), this.argScalar(args[3]), this.argScalar(args[4])),
        );
      case "KA.RISK":
        return this.ka(() => riskFormula(this.arg2d(args[0]), this.arg2d(args[1]), this.argScalar(args[2])));
    }
    throw new Error(`formula-eval-plan: function ${name} is not supported`);
  }

  /** A range or value as a custom function receives it (blank cells as null). */
  private arg2d(n: Node): unknown[][] {
    const v = this.eval(n);
    if (!isMatrix(v)) return [[v]];
    const out: unknown[][] = [];
    for (let r = 0; r < v.rows; r++) out.push(v.data.slice(r * v.cols, (r + 1) * v.cols));
    return out;
  }

  private argScalar(n: Node | undefined): unknown {
    return n === undefined ? undefined : this.scalar(n);
  }

  private ka(fn: () => unknown[][]): Value {
    try {
      const out = fn() as Scalar[][];
      return { rows: out.length, cols: out[0]?.length ?? 0, data: out.flat() };
    } catch {
      return VALUE;
    }
  }
}

/** Formula cells whose recalculated value differs from their v: "A1: f → got, want v". */
export function mismatches(model: SheetModel, overrides?: ReadonlyMap<string, Scalar>): string[] {
  const ev = new PlanSheetEvaluator(model, overrides);
  const out: string[] = [];
  for (const b of model.blocks)
    b.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (!isFormula(c)) return;
        const got = ev.value(b.row + i, b.col + j);
        if (!same(got, c.v)) out.push(`(${b.row + i},${b.col + j}) ${c.f} → ${String(got instanceof XlErr ? got.code : got)}, want ${String(c.v)}`);
      }),
    );
  return out;
}

export function same(got: Scalar, want: unknown): boolean {
  if (got instanceof XlErr) return false;
  if (typeof got === "number" && typeof want === "number") {
    return got === want || Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want));
  }
  if ((got === null || got === "") && (want === null || want === "")) return true;
  return got === want;
}

// ---------------------------------------------------------------------------- test portfolios


/**
 * A portfolio from the deterministic sample with every column the plan sheets read (revenue
 * as the measure, profit, date, satisfaction, effort, credit, region, manager, three
 * attractiveness and three strength criteria), or only the columns listed in `only`.
 */
export function samplePlanPortfolio(
  options: { locale?: Locale; customers?: number; lines?: number; seed?: number; scheme?: string; only?: readonly (keyof SalesColumns)[] } = {},
): { portfolio: Portfolio; rows: SalesRow[] } {
  const locale = options.locale ?? "en";
  const rows = generateSalesSample({ customers: options.customers ?? 120, lines: options.lines ?? 4000, locale, seed: options.seed ?? 11 });
  const col = (key: keyof SalesRow): NamedColumn => ({ name: SAMPLE_COLUMNS.find((c) => c.key === key)![locale], cells: rows.map((r) => r[key] as never) });
  const all: SalesColumns = {
    customer: col("customer"),
    measure: col("revenue"),
    profit: col("profit"),
    date: col("date"),
    satisfaction: col("satisfaction"),
    effort: col("salesHours"),
    credit: col("creditRating"),
    region: col("region"),
    manager: col("manager"),
    attractiveness: [col("marketGrowth"), col("marginPotential"), col("strategicFit")],
    strength: [col("shareOfWallet"), col("relationship"), col("productFit")],
  };
  let cols: SalesColumns = all;
  if (options.only) {
    const picked: Record<string, unknown> = { customer: all.customer, measure: all.measure };
    for (const k of options.only) picked[k] = all[k];
    cols = picked as unknown as SalesColumns;
  }
  return { portfolio: buildPortfolio(cols, tierSpecOf(options.scheme, undefined, undefined, locale)), rows };
}
