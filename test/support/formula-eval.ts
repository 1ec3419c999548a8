/**
 * A small Excel formula evaluator FOR TESTS ONLY, the one for every generated sheet
 * (contribution, matrix, plans, risk register): evaluates the formula cells of a SheetModel
 * the way Excel and LibreOffice do, so the builders' formulas can be checked against the
 * engine's values without a spreadsheet.
 *
 * Supports exactly what the builders use:
 * - literals: numbers, "text" (with "" escapes), TRUE/FALSE; A1 references ($ allowed) and
 *   A1:B2 ranges on the same sheet (anything else, e.g. names or other sheets, is refused);
 * - operators: unary + -, ^, * /, + -, &, = <> < <= > >= (Excel precedence; strings compare
 *   case-insensitively, text sorts after numbers, an empty cell is 0 or ""; a number joined
 *   to text shows its 15 significant digits, as General does);
 * - functions: IF (lazy), IFERROR, AND, OR, ISNUMBER, ROUND (half away from zero on the
 *   15-digit decimal), ABS, SUM, COUNT, COUNTBLANK, COUNTIF, SUMIF, SUMPRODUCT, MIN, MAX,
 *   AVERAGE, MEDIAN, INDEX, MATCH (types 0 and 1), TRIM, SUBSTITUTE, and KA.CHURN /
 *   KA.PRIORITY / KA.RISK through the engine's own formula functions (what the add-in runs).
 * Arrays (ranges, and operators or ROUND/ISNUMBER/ABS applied to them) only inside SUMPRODUCT,
 * as in pre-dynamic-array Excel; a range used where a single value is expected is an error
 * here (Excel would intersect implicitly: a builder bug either way), except a one-cell array
 * (a KA function's single result). A cell whose formula gives an array shows its top-left
 * value (a dynamic array's anchor). SUMPRODUCT reads non-numbers (text, booleans, blanks) as
 * 0, so `SUMPRODUCT(ISNUMBER(r))` is 0 as in Excel. COUNTIF/SUMIF criteria: a number, or text
 * with an optional operator; wildcards are refused. Errors (#DIV/0!, #VALUE!, #NUM!, #N/A,
 * #REF!) are values and propagate. Anything else is refused loudly.
 *
 * Cells can be overridden (as a user's edit would): new SheetEvaluator(model, overrides),
 * overrides keyed "row,col" (0-based).
 */
import { churnFormula } from "../../src/engine/formulas/churn";
import { priorityFormula } from "../../src/engine/formulas/priority";
import { riskFormula } from "../../src/engine/formulas/risk";
import { buildPortfolio, NamedColumn, Portfolio, SalesColumns } from "../../src/engine/portfolio";
import { tierSpecOf } from "../../src/engine/tiers";
import { generateSalesSample, SAMPLE_COLUMNS, SalesRow } from "../../src/sample";
import { Cell, isFormula, SheetModel } from "../../src/sheets/model";
import { Locale } from "../../src/strings";

class XlError {
  constructor(readonly code: string) {}
  toString(): string {
    return this.code;
  }
}
export type Scalar = number | string | boolean | null | XlError;
interface Arr {
  readonly rows: number;
  readonly cols: number;
  readonly data: Scalar[];
  /** Came straight from a range reference (functions skip its text/booleans). */
  readonly fromRange: boolean;
}
type Value = Scalar | Arr;
const isArr = (v: Value): v is Arr => v !== null && typeof v === "object" && !(v instanceof XlError);

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; row: number; col: number }
  | { t: "range"; r0: number; c0: number; r1: number; c1: number }
  | { t: "call"; name: string; args: (Node | null)[] }
  | { t: "un"; op: string; x: Node }
  | { t: "bin"; op: string; a: Node; b: Node };

// ---------------------------------------------------------------------------- parsing

const colNumber = (letters: string) => letters.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function tokenize(f: string): string[] {
  const out: string[] = [];
  const re =
    /\s*(?:("(?:[^"]|"")*")|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Z0-9(.])|((?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([A-Z][A-Z0-9.]*)(?=\s*\()|(TRUE|FALSE)\b|(<=|>=|<>|[-+*/^&=<>(),%]))/y;
  let i = 0;
  while (i < f.length) {
    if (/^\s*$/.test(f.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(f);
    if (!m) throw new Error(`formula-eval: cannot read "${f.slice(i)}" in ${f}`);
    out.push(m.slice(1).find((x) => x !== undefined)!);
    i = re.lastIndex;
  }
  return out;
}

function parse(f: string): Node {
  const tk = tokenize(f);
  let p = 0;
  const peek = () => tk[p];
  const take = (want?: string) => {
    const x = tk[p++];
    if (want !== undefined && x !== want) throw new Error(`formula-eval: expected ${want}, got ${x} in ${f}`);
    return x;
  };
  const BIN: Record<string, number> = { "=": 1, "<>": 1, "<": 1, "<=": 1, ">": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 6 };
  function expr(minPrec: number): Node {
    let a = unary();
    for (;;) {
      const op = peek();
      const prec = op === undefined ? undefined : BIN[op];
      if (prec === undefined || prec < minPrec) return a;
      take();
      const b = expr(op === "^" ? prec : prec + 1); // Excel's ^ is left-associative too, but we never chain it
      a = { t: "bin", op, a, b };
    }
  }
  function unary(): Node {
    const x = peek();
    // Excel: unary minus binds tighter than ^ (-2^2 = 4).
    if (x === "-" || x === "+") {
      take();
      return { t: "un", op: x, x: unary() };
    }
    return primary();
  }
  function primary(): Node {
    const x = take();
    if (x === undefined) throw new Error(`formula-eval: unexpected end of ${f}`);
    if (x === "(") {
      const e = expr(0);
      take(")");
      return e;
    }
    if (x.startsWith('"')) return { t: "str", v: x.slice(1, -1).replace(/""/g, '"') };
    if (x === "TRUE" || x === "FALSE") return { t: "bool", v: x === "TRUE" };
    if (/^[\d.]/.test(x)) return { t: "num", v: Number(x) };
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(x);
    if (ref) {
      const r0 = Number(ref[2]) - 1;
      const c0 = colNumber(ref[1]);
      if (ref[3] === undefined) return { t: "ref", row: r0, col: c0 };
      const r1 = Number(ref[4]) - 1;
      const c1 = colNumber(ref[3]);
      return { t: "range", r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
    }
    if (/^[A-Z][A-Z0-9.]*$/.test(x) && peek() === "(") {
      take("(");
      const args: (Node | null)[] = [];
      if (peek() === ")") {
        take();
        return { t: "call", name: x, args };
      }
      for (;;) {
        if (peek() === "," || peek() === ")") args.push(null);
        else args.push(expr(0));
        const sep = take();
        if (sep === ")") break;
        if (sep !== ",") throw new Error(`formula-eval: expected , or ) in ${f}`);
      }
      return { t: "call", name: x, args };
    }
    throw new Error(`formula-eval: unexpected "${x}" in ${f}`);
  }
  const node = expr(0);
  if (p !== tk.length) throw new Error(`formula-eval: trailing "${tk.slice(p).join("")}" in ${f}`);
  return node;
}

// ---------------------------------------------------------------------------- references

/** Every range and cell reference in a formula, for structural tests. */
export function referencesOf(f: string): { row: number; col: number; rows: number; cols: number }[] {
  const out: { row: number; col: number; rows: number; cols: number }[] = [];
  const walk = (n: Node | null) => {
    if (!n) return;
    if (n.t === "ref") out.push({ row: n.row, col: n.col, rows: 1, cols: 1 });
    else if (n.t === "range") out.push({ row: n.r0, col: n.c0, rows: n.r1 - n.r0 + 1, cols: n.c1 - n.c0 + 1 });
    else if (n.t === "call") n.args.forEach(walk);
    else if (n.t === "un") walk(n.x);
    else if (n.t === "bin") {
      walk(n.a);
      walk(n.b);
    }
  };
  walk(parse(f));
  return out;
}

/** Names of the functions a formula calls. */
export function functionsOf(f: string): string[] {
  const out: string[] = [];
  const walk = (n: Node | null) => {
    if (!n) return;
    if (n.t === "call") {
      out.push(n.name);
      n.args.forEach(walk);
    } else if (n.t === "un") walk(n.x);
    else if (n.t === "bin") {
      walk(n.a);
      walk(n.b);
    }
  };
  walk(parse(f));
  return out;
}

// ---------------------------------------------------------------------------- evaluation

const DIV0 = new XlError("#DIV/0!");
const VALUE = new XlError("#VALUE!");
const NUM = new XlError("#NUM!");
const NA = new XlError("#N/A");
const REF = new XlError("#REF!");

/** Text of a value as & joins it: numbers with 15 significant digits, TRUE/FALSE, blank "". */
function textOf(v: Scalar): string | XlError {
  if (v instanceof XlError) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v;
}

function excelRound(x: number, d: number): number {
  const f = 10 ** d;
  const y = Number((Math.abs(x) * f).toPrecision(15));
  const r = Math.round(y) / f;
  return x < 0 ? -r : r;
}

function toNumber(v: Scalar): number | XlError {
  if (v instanceof XlError) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  return VALUE;
}

function toBool(v: Scalar): boolean | XlError {
  if (v instanceof XlError) return v;
  if (typeof v === "boolean") return v;
  if (v === null) return false;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  return u === "TRUE" ? true : u === "FALSE" ? false : VALUE;
}

/** Excel's comparison: numbers < text < booleans; text case-insensitive; blank is 0 or "". */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  a ??= typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  b ??= typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (a instanceof XlError) return a;
  if (b instanceof XlError) return b;
  switch (op) {
    case "&":
      return `${textOf(a) as string}${textOf(b) as string}`;
    case "=":
      return compare(a, b) === 0;
    case "<>":
      return compare(a, b) !== 0;
    case "<":
      return compare(a, b) < 0;
    case "<=":
      return compare(a, b) <= 0;
    case ">":
      return compare(a, b) > 0;
    case ">=":
      return compare(a, b) >= 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x instanceof XlError) return x;
  if (y instanceof XlError) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? DIV0 : x / y;
    case "^":
      return x ** y;
  }
  throw new Error(`formula-eval: operator ${op}`);
}

function lift(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!isArr(a) && !isArr(b)) return f(a, b);
  const A = isArr(a) ? a : null;
  const B = isArr(b) ? b : null;
  if (A && B && (A.rows !== B.rows || A.cols !== B.cols)) return { rows: 1, cols: 1, data: [VALUE], fromRange: false };
  const shape = (A ?? B)!;
  const data = shape.data.map((_, i) => f(A ? A.data[i] : (a as Scalar), B ? B.data[i] : (b as Scalar)));
  return { rows: shape.rows, cols: shape.cols, data, fromRange: false };
}

function map1(a: Value, f: (x: Scalar) => Scalar): Value {
  return isArr(a) ? { rows: a.rows, cols: a.cols, data: a.data.map(f), fromRange: false } : f(a);
}

/** Numbers a function like SUM sees: from ranges only numbers; direct scalars coerced. */
function numbersOf(args: Value[], out: number[]): XlError | null {
  for (const v of args) {
    if (isArr(v)) {
      for (const x of v.data) {
        if (x instanceof XlError) return x;
        if (typeof x === "number") out.push(x);
        else if (!v.fromRange && typeof x === "boolean") out.push(x ? 1 : 0);
      }
    } else {
      if (v === null) continue;
      const n = toNumber(v);
      if (n instanceof XlError) return n;
      out.push(n);
    }
  }
  return null;
}

function criterion(c: Scalar): (x: Scalar) => boolean {
  if (c instanceof XlError) throw new Error("formula-eval: error as a criterion");
  if (typeof c === "number") return (x) => typeof x === "number" && x === c;
  if (typeof c !== "string") throw new Error(`formula-eval: criterion ${String(c)}`);
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(c)!;
  const op = m[1] ?? "=";
  const rest = m[2];
  if (/[*?~]/.test(rest))
    throw new Error(`formula-eval: wildcard criterion "${c}" is not supported (and would not match exactly in Excel)`);
  const n = rest.trim() !== "" && Number.isFinite(Number(rest)) ? Number(rest) : null;
  const test = (d: number) =>
    op === "=" ? d === 0 : op === "<>" ? d !== 0 : op === "<" ? d < 0 : op === "<=" ? d <= 0 : op === ">" ? d > 0 : d >= 0;
  if (n !== null) return (x) => (typeof x === "number" ? test(x < n ? -1 : x > n ? 1 : 0) : op === "<>");
  const s = rest.toLowerCase();
  return (x) => {
    if (op !== "=" && op !== "<>") return typeof x === "string" && test(x.toLowerCase() < s ? -1 : x.toLowerCase() > s ? 1 : 0);
    const eq = typeof x === "string" ? x.toLowerCase() === s : x === null ? s === "" : false;
    return op === "=" ? eq : !eq;
  };
}

export class SheetEvaluator {
  private readonly cells = new Map<number, Cell>();
  private readonly memo = new Map<number, Scalar>();
  private readonly busy = new Set<number>();
  private readonly parsed = new Map<string, Node>();
  private readonly overrides = new Map<number, Scalar>();
  private arrayDepth = 0;

  /** `overrides`: cells replaced by values, keyed "row,col" (0-based), as a user's edits. */
  constructor(model: SheetModel, overrides: ReadonlyMap<string, Scalar> = new Map()) {
    for (const b of model.blocks) {
      b.cells.forEach((row, i) => row.forEach((c, j) => this.cells.set(this.key(b.row + i, b.col + j), c)));
    }
    for (const [k, v] of overrides) {
      const [r, c] = k.split(",").map(Number);
      this.overrides.set(this.key(r, c), v);
    }
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  /** The value of a cell: a literal, or its formula's result. */
  value(row: number, col: number): Scalar {
    const k = this.key(row, col);
    if (this.overrides.has(k)) return this.overrides.get(k)!;
    const c = this.cells.get(k);
    if (c === undefined || c === null) return null;
    if (!isFormula(c)) return c;
    const m = this.memo.get(k);
    if (m !== undefined) return m;
    if (this.busy.has(k)) throw new Error(`formula-eval: circular reference at row ${row} col ${col}`);
    this.busy.add(k);
    const r = this.formula(c.f);
    this.busy.delete(k);
    this.memo.set(k, r);
    return r;
  }

  /** Evaluates a formula text (without "=") in this sheet. */
  formula(f: string): Scalar {
    let node = this.parsed.get(f);
    if (!node) {
      node = parse(f);
      this.parsed.set(f, node);
    }
    let v = this.eval(node);
    if (isArr(v)) v = v.data[0] ?? null; // a dynamic array shows its top-left value here
    return v ?? 0; // =A1 of a blank shows 0
  }

  private range(r0: number, c0: number, r1: number, c1: number): Arr {
    const data: Scalar[] = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) data.push(this.value(r, c));
    return { rows: r1 - r0 + 1, cols: c1 - c0 + 1, data, fromRange: true };
  }

  private scalar(n: Node | null): Scalar {
    if (!n) return null;
    const v = this.eval(n);
    if (isArr(v)) {
      if (v.rows === 1 && v.cols === 1 && !v.fromRange) return v.data[0];
      throw new Error("formula-eval: a range or array where one value is expected (implicit intersection)");
    }
    return v;
  }

  /** A one-cell array from a function (not a range) as its value; anything else unchanged. */
  private collapse(v: Value): Value {
    return isArr(v) && !v.fromRange && v.rows === 1 && v.cols === 1 ? v.data[0] : v;
  }

  private eval(n: Node): Value {
    switch (n.t) {
      case "num":
        return n.v;
      case "str":
        return n.v;
      case "bool":
        return n.v;
      case "ref":
        return this.value(n.row, n.col);
      case "range":
        return this.range(n.r0, n.c0, n.r1, n.c1);
      case "un": {
        const x = this.collapse(this.eval(n.x));
        if (isArr(x) && this.arrayDepth === 0) throw new Error("formula-eval: array outside SUMPRODUCT");
        return map1(x, (v) => {
          const y = toNumber(v);
          return y instanceof XlError ? y : n.op === "-" ? -y : y;
        });
      }
      case "bin": {
        const a = this.collapse(this.eval(n.a));
        const b = this.collapse(this.eval(n.b));
        if ((isArr(a) || isArr(b)) && this.arrayDepth === 0) throw new Error("formula-eval: array arithmetic outside SUMPRODUCT");
        return lift(a, b, (x, y) => binary(n.op, x, y));
      }
      case "call":
        return this.call(n.name, n.args);
    }
  }

  private call(name: string, args: (Node | null)[]): Value {
    const all = () => args.map((a) => (a ? this.eval(a) : null));
    switch (name) {
      case "IF": {
        const c = toBool(this.scalar(args[0]));
        if (c instanceof XlError) return c;
        return c ? (args[1] ? this.scalar(args[1]) : true) : args[2] === undefined ? false : args[2] ? this.scalar(args[2]) : 0;
      }
      case "IFERROR": {
        const v = this.scalar(args[0]);
        return v instanceof XlError ? this.scalar(args[1]) : v;
      }
      case "AND":
      case "OR": {
        const bs = args.map((a) => toBool(this.scalar(a)));
        const err = bs.find((b) => b instanceof XlError);
        if (err) return err;
        return name === "AND" ? bs.every((b) => b === true) : bs.some((b) => b === true);
      }
      case "ROUND":
      case "ABS":
      case "ISNUMBER": {
        const x = this.collapse(this.eval(args[0]!));
        if (isArr(x) && this.arrayDepth === 0) throw new Error(`formula-eval: ${name} of a range outside SUMPRODUCT`);
        if (name === "ISNUMBER") return map1(x, (v) => typeof v === "number");
        if (name === "ABS")
          return map1(x, (v) => {
            const y = toNumber(v);
            return y instanceof XlError ? y : Math.abs(y);
          });
        const d = toNumber(this.scalar(args[1]));
        if (d instanceof XlError) return d;
        return map1(x, (v) => {
          const y = toNumber(v);
          return y instanceof XlError ? y : excelRound(y, d);
        });
      }
      case "SUM":
      case "COUNT":
      case "MIN":
      case "MAX":
      case "AVERAGE":
      case "MEDIAN": {
        const xs: number[] = [];
        if (name === "COUNT") {
          let k = 0;
          for (const v of all()) {
            if (isArr(v)) k += v.data.filter((x) => typeof x === "number").length;
            else if (typeof v === "number") k++;
          }
          return k;
        }
        const err = numbersOf(all(), xs);
        if (err) return err;
        if (name === "SUM") return xs.reduce((s, x) => s + x, 0);
        if (name === "MIN") return xs.length ? Math.min(...xs) : 0;
        if (name === "MAX") return xs.length ? Math.max(...xs) : 0;
        if (name === "AVERAGE") return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : DIV0;
        if (!xs.length) return NUM;
        xs.sort((p, q) => p - q);
        const h = xs.length >> 1;
        return xs.length % 2 ? xs[h] : (xs[h - 1] + xs[h]) / 2;
      }
      case "COUNTIF":
      case "SUMIF": {
        const r = this.rangeArg(args[0]!);
        if (!isArr(r) || !r.fromRange) throw new Error(`formula-eval: ${name} needs a range`);
        const test = criterion(this.scalar(args[1]));
        if (name === "COUNTIF") return r.data.filter(test).length;
        const s = args[2] ? this.rangeArg(args[2]) : r;
        if (!isArr(s) || s.rows !== r.rows || s.cols !== r.cols) throw new Error("formula-eval: SUMIF ranges of different sizes");
        let sum = 0;
        for (let i = 0; i < r.data.length; i++) {
          if (!test(r.data[i])) continue;
          const x = s.data[i];
          if (x instanceof XlError) return x;
          if (typeof x === "number") sum += x;
        }
        return sum;
      }
      case "SUMPRODUCT": {
        this.arrayDepth++;
        let vals: Value[];
        try {
          vals = all();
        } finally {
          this.arrayDepth--;
        }
        const arrs = vals.map((v) => (isArr(v) ? v : { rows: 1, cols: 1, data: [v], fromRange: false }));
        const { rows, cols } = arrs[0];
        if (arrs.some((a) => a.rows !== rows || a.cols !== cols)) return VALUE;
        let s = 0;
        for (let i = 0; i < rows * cols; i++) {
          let p = 1;
          for (const a of arrs) {
            const x = a.data[i];
            if (x instanceof XlError) return x;
            p *= typeof x === "number" ? x : 0;
          }
          s += p;
        }
        return s;
      }
      case "INDEX": {
        const r = this.eval(args[0]!);
        const i = toNumber(this.scalar(args[1]));
        if (!isArr(r)) throw new Error("formula-eval: INDEX of a single value");
        if (i instanceof XlError) return i;
        const j = args[2] ? toNumber(this.scalar(args[2])) : 1;
        if (j instanceof XlError) return j;
        // INDEX(row, n) of a one-row range picks the n-th column.
        const [row, col] = r.rows === 1 && !args[2] ? [1, i] : [i, j];
        if (!(row >= 1 && row <= r.rows && col >= 1 && col <= r.cols)) return REF;
        return r.data[(Math.floor(row) - 1) * r.cols + Math.floor(col) - 1] ?? 0;
      }
      case "MATCH": {
        const x = this.scalar(args[0]);
        const r = this.eval(args[1]!);
        const type = args[2] ? toNumber(this.scalar(args[2])) : 1;
        if (x instanceof XlError) return x;
        if (!isArr(r)) throw new Error("formula-eval: MATCH over a single value");
        if (type === 0) {
          const k = r.data.findIndex((y) => y !== null && !(y instanceof XlError) && typeof y === typeof x && compare(y, x) === 0);
          return k < 0 ? NA : k + 1;
        }
        if (type !== 1) throw new Error("formula-eval: MATCH type other than 0 and 1");
        let found = -1;
        r.data.forEach((y, k) => {
          if (typeof y === typeof x && compare(y, x) <= 0) found = k;
        });
        return found < 0 ? NA : found + 1;
      }
      case "COUNTBLANK": {
        const v = this.rangeArg(args[0]!);
        const data = isArr(v) ? v.data : [v];
        return data.filter((x) => x === null || x === "").length;
      }
      case "TRIM": {
        const s = textOf(this.scalar(args[0]));
        if (s instanceof XlError) return s;
        return s.replace(/ +/g, " ").replace(/^ | $/g, "");
      }
      case "SUBSTITUTE": {
        const [s, a, b] = [0, 1, 2].map((k) => textOf(this.scalar(args[k])));
        for (const t of [s, a, b]) if (t instanceof XlError) return t;
        return a === "" ? s : (s as string).split(a as string).join(b as string);
      }
      case "KA.CHURN":
        return this.ka(() => churnFormula(this.arg2d(args[0]), args[1] ? this.arg2d(args[1]) : undefined));
      case "KA.PRIORITY":
        return this.ka(() =>
          priorityFormula(
            this.arg2d(args[0]),
            this.arg2d(args[1]),
            this.argScalar(args[2]),
            this.argScalar(args[3]),
            this.argScalar(args[4]),
          ),
        );
      case "KA.RISK":
        return this.ka(() => riskFormula(this.arg2d(args[0]), this.arg2d(args[1]), this.argScalar(args[2])));
    }
    throw new Error(`formula-eval: function ${name} is not supported`);
  }

  /** A range argument: a single cell reference is a one-cell range (COUNTIF(A1,…) as Excel allows). */
  private rangeArg(n: Node): Value {
    return n.t === "ref" ? this.range(n.row, n.col, n.row, n.col) : this.eval(n);
  }

  /** A range or value as a custom function receives it (blank cells as null). */
  private arg2d(n: Node | null | undefined): unknown[][] {
    const v = n ? this.eval(n) : null;
    if (!isArr(v)) return [[v]];
    const out: unknown[][] = [];
    for (let r = 0; r < v.rows; r++) out.push(v.data.slice(r * v.cols, (r + 1) * v.cols));
    return out;
  }

  private argScalar(n: Node | null | undefined): unknown {
    return n === undefined || n === null ? undefined : this.scalar(n);
  }

  /** A KA function's result as an array (an error it throws: #VALUE!). */
  private ka(fn: () => unknown[][]): Value {
    try {
      const out = fn() as Scalar[][];
      return { rows: out.length, cols: out[0]?.length ?? 0, data: out.flat(), fromRange: false };
    } catch {
      return VALUE;
    }
  }
}

/** Every formula cell of a model with its position, in block order. */
export function formulaCells(model: SheetModel): { row: number; col: number; f: string; v: Cell }[] {
  const out: { row: number; col: number; f: string; v: Cell }[] = [];
  for (const b of model.blocks) {
    b.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (isFormula(c)) out.push({ row: b.row + i, col: b.col + j, f: c.f, v: c.v });
      }),
    );
  }
  return out;
}

/** Same value as Excel would show: numbers within 1e-9 (relative beyond 1), text and booleans exactly. */
function sameValue(actual: Scalar, expected: unknown): boolean {
  if (typeof actual === "number" && typeof expected === "number") {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(actual), Math.abs(expected));
  }
  return actual === expected;
}

/**
 * Evaluates every formula cell of a model (top to bottom) and returns the mismatches with
 * the engine's v, as readable lines (empty when all agree).
 */
export function checkFormulas(model: SheetModel): string[] {
  const ev = new SheetEvaluator(model);
  const cells = formulaCells(model).sort((a, b) => a.row - b.row || a.col - b.col);
  const bad: string[] = [];
  for (const c of cells) {
    let got: Scalar;
    try {
      got = ev.value(c.row, c.col);
    } catch (e) {
      bad.push(`R${c.row + 1}C${c.col + 1} ${c.f}: ${(e as Error).message}`);
      continue;
    }
    if (!sameValue(got, c.v)) bad.push(`R${c.row + 1}C${c.col + 1} ${c.f}: got ${JSON.stringify(got)}, expected ${JSON.stringify(c.v)}`);
  }
  return bad;
}

// ---------------------------------------------------------------------------- model checks

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}
const meets = (a: Rect, b: Rect) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

/** The cell at a position (literal or formula), undefined where no block writes. */
export function cellAt(model: SheetModel, row: number, col: number): Cell | undefined {
  for (const b of model.blocks) {
    if (row >= b.row && row < b.row + b.cells.length && col >= b.col && col < b.col + b.cells[0].length)
      return b.cells[row - b.row][col - b.col];
  }
  return undefined;
}

/** Shown value of a cell: a literal, or a formula's expected value. */
export function shown(model: SheetModel, row: number, col: number): unknown {
  const c = cellAt(model, row, col);
  return c !== undefined && c !== null && isFormula(c) ? c.v : c;
}

/**
 * Layout invariants every generated sheet must keep: blocks rectangular and apart, spill
 * areas and chart anchors on empty cells, tables exactly over a header block and its body,
 * names, formats, validations and chart series inside written cells.
 */
export function layoutProblems(model: SheetModel): string[] {
  const bad: string[] = [];
  const rects = model.blocks.map((b, i) => {
    const cols = b.cells[0]?.length ?? 0;
    if (b.cells.length === 0 || cols === 0) bad.push(`block ${i} is empty`);
    if (b.cells.some((r) => r.length !== cols)) bad.push(`block ${i} is ragged`);
    if (b.numberFormats && b.numberFormats.length !== cols) bad.push(`block ${i}: ${b.numberFormats.length} formats for ${cols} columns`);
    return { row: b.row, col: b.col, rows: b.cells.length, cols };
  });
  const spills: Rect[] = [];
  model.blocks.forEach((b) =>
    b.cells.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c !== null && isFormula(c) && c.spill) spills.push({ row: b.row + i, col: b.col + j, rows: c.spill.rows, cols: c.spill.cols });
      }),
    ),
  );
  // Sweep by row so that 50,000-row sheets stay cheap: blocks are few, compare pairwise.
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) if (meets(rects[i], rects[j])) bad.push(`blocks ${i} and ${j} overlap`);
  for (const s of spills) {
    rects.forEach((r, i) => {
      const anchorOnly = r.row === s.row && r.col === s.col && r.rows === 1 && r.cols === 1;
      if (!anchorOnly && meets(r, s)) bad.push(`block ${i} is inside a spill area at R${s.row + 1}C${s.col + 1}`);
    });
  }
  const inSpill = (row: number, col: number) => spills.some((s) => meets(s, { row, col, rows: 1, cols: 1 }));
  const written = (r: Rect) => {
    for (let row = r.row; row < r.row + r.rows; row++) {
      for (let col = r.col; col < r.col + r.cols; col++) if (cellAt(model, row, col) === undefined && !inSpill(row, col)) return false;
    }
    return true;
  };
  for (const ch of model.charts ?? []) {
    rects.forEach((r, i) => meets(r, ch.anchor) && bad.push(`chart "${ch.title}" covers block ${i}`));
    spills.forEach((s) => meets(s, ch.anchor) && bad.push(`chart "${ch.title}" covers a spill area`));
    for (const s of ch.series) {
      for (const r of [s.categories, s.values, ...(s.sizes ? [s.sizes] : [])])
        if (!written(r)) bad.push(`chart series "${s.name}" refers to unwritten cells`);
      if (s.categories.rows !== s.values.rows || s.categories.cols !== s.values.cols)
        bad.push(`chart series "${s.name}": categories and values differ in size`);
    }
  }
  for (const t of model.tables ?? []) {
    const head = rects.find((r) => r.row === t.range.row && r.col === t.range.col && r.rows === 1 && r.cols === t.range.cols);
    const body = rects.find(
      (r) => r.row === t.range.row + 1 && r.col === t.range.col && r.rows === t.range.rows - 1 && r.cols === t.range.cols,
    );
    if (!head) bad.push(`table ${t.name}: no header block over ${JSON.stringify(t.range)}`);
    if (!body) bad.push(`table ${t.name}: no body block under its header`);
    if (head) {
      const names = model.blocks[rects.indexOf(head)].cells[0].map((c) => (typeof c === "string" ? c.toLowerCase() : ""));
      if (model.blocks[rects.indexOf(head)].cells[0].some((c) => typeof c !== "string" || c === ""))
        bad.push(`table ${t.name}: a header is not text`);
      if (new Set(names).size !== names.length) bad.push(`table ${t.name}: headers are not unique`);
    }
    if (t.range.rows < 2) bad.push(`table ${t.name} has no data row`);
  }
  for (const n of model.names ?? []) if (!written(n.range)) bad.push(`name ${n.name} points at unwritten cells`);
  for (const cf of model.conditionalFormats ?? []) if (!written(cf.range)) bad.push(`conditional format on unwritten cells`);
  for (const v of model.validations ?? []) if (!written(v.range)) bad.push(`validation on unwritten cells`);
  if (model.freeze && (model.freeze.rows < 0 || model.freeze.cols < 0)) bad.push("negative freeze");
  return bad;
}

/** Every text literal of a model (cells, headers, chart titles and axis titles). */
export function textsOf(model: SheetModel): Set<string> {
  const out = new Set<string>([model.name]);
  for (const b of model.blocks)
    for (const r of b.cells)
      for (const c of r) {
        if (typeof c === "string") out.add(c);
        else if (c !== null && isFormula(c) && typeof c.v === "string") out.add(c.v);
      }
  for (const ch of model.charts ?? []) {
    for (const s of [
      ch.title,
      ch.xAxisTitle,
      ch.yAxisTitle,
      ch.y2AxisTitle,
      ...ch.series.map((x) => x.name),
      ...(ch.referenceLines ?? []).map((l) => l.label),
    ])
      if (s) out.add(s);
  }
  return out;
}

// ---------------------------------------------------------------------------- plan and risk sheets

/** The grid of a model: literal and formula cells by "row,col". */
export function gridOf(model: SheetModel): Map<string, Cell> {
  const g = new Map<string, Cell>();
  for (const b of model.blocks) b.cells.forEach((row, i) => row.forEach((c, j) => g.set(`${b.row + i},${b.col + j}`, c)));
  return g;
}

/** Same value as the engine's: numbers within 1e-12 (relative beyond 1), "" and blank alike, text and booleans exactly; never an error. */
function same(got: Scalar, want: unknown): boolean {
  if (got instanceof XlError) return false;
  if (typeof got === "number" && typeof want === "number")
    return got === want || Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want));
  if ((got === null || got === "") && (want === null || want === "")) return true;
  return got === want;
}

/** Formula cells whose recalculated value differs from their v: "(row,col) f → got, want v" (empty when all agree). */
export function mismatches(model: SheetModel, overrides?: ReadonlyMap<string, Scalar>): string[] {
  const ev = new SheetEvaluator(model, overrides);
  const out: string[] = [];
  for (const b of model.blocks)
    b.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (!isFormula(c)) return;
        const got = ev.value(b.row + i, b.col + j);
        if (!same(got, c.v)) out.push(`(${b.row + i},${b.col + j}) ${c.f} → ${String(got)}, want ${String(c.v)}`);
      }),
    );
  return out;
}

/**
 * A portfolio from the deterministic sample with every column the plan sheets read (revenue
 * as the measure, profit, date, satisfaction, effort, credit, region, manager, three
 * attractiveness and three strength criteria), or only the columns listed in `only`.
 */
export function samplePlanPortfolio(
  options: {
    locale?: Locale;
    customers?: number;
    lines?: number;
    seed?: number;
    scheme?: string;
    only?: readonly (keyof SalesColumns)[];
  } = {},
): { portfolio: Portfolio; rows: SalesRow[] } {
  const locale = options.locale ?? "en";
  const rows = generateSalesSample({ customers: options.customers ?? 120, lines: options.lines ?? 4000, locale, seed: options.seed ?? 11 });
  const col = (key: keyof SalesRow): NamedColumn => ({
    name: SAMPLE_COLUMNS.find((c) => c.key === key)![locale],
    cells: rows.map((r) => r[key] as never),
  });
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
