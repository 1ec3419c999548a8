/**
 * Total and subtotal rows, and PivotTable placeholders (README "Input rules"): the one rule
 * every entry point applies, through aggregateByCustomer.
 *
 * A row is a total row when its customer text (trimmed, case-folded, full-width folded by
 * NFKC) is a total word and its value equals, at Excel's 15 significant digits, the sum of all
 * the other rows (a grand total, first or last) or of the rows since one of the previous
 * total-word rows or since the start (a subtotal, nested levels included). A PivotTable copied
 * out as values carries such rows, and counting them as customers doubles the total: the grand
 * total alone becomes a customer holding half of it. A total-word row whose value matches
 * nothing stays a customer (a firm may be called "Sum"), reported as unmatched.
 *
 * `(blank)` / `(空白)` are the PivotTable's placeholder for rows without a customer.
 *
 * Names are tested per distinct customer, after a test on their last character, so a column
 * of ordinary names costs one character read per customer and no pass over the rows.
 */
import { NO_CUSTOMER } from "./input/customer-vector";
import { NeumaierSum, roundingError } from "./sum";

/** rowCustomer code (aggregate.ts) of a total row. */
export const TOTAL_ROW = -3;

/** Previous total-word rows a subtotal may start after (nested levels), besides the start. */
const OPEN_SEGMENTS = 8;

/** Rows listed by the one-line reports (KA.PARETO, the command line) before "…". */
export const LISTED_ROWS = 10;

export interface TotalRowsReport {
  /** 0-based positions of the total rows in the range, ascending. */
  readonly rows: readonly number[];
  /** Value of each total row. */
  readonly values: readonly number[];
  /** Customer text (display name) of each total row. */
  readonly names: readonly string[];
  /** Sum of the total rows' values: SUM over the column less this is the Total. */
  readonly value: number;
  /** Total-word customers with rows that matched no sum: they stay customers (a warning). */
  readonly unmatched: readonly { readonly name: string; readonly rows: readonly number[] }[];
}

export const NO_TOTAL_ROWS: TotalRowsReport = { rows: [], values: [], names: [], value: 0, unmatched: [] };

/** Work counters, for the tests that assert what ordinary names cost (counts, not time). */
export const totalRowWork = { namesNormalised: 0, rowPasses: 0 };

const enum Kind {
  Customer = 0,
  TotalWord = 1,
  Placeholder = 2,
}

// Last characters a total word or placeholder can end with, before folding: l/m (total, sum),
// their full-width forms, 计/計 (合计, 总计, 小计), 和 (总和), 总/總 (汇总), and the bracket.
const LAST_CHARS = new Set("lLｌＬmMｍＭ计計和总總)）".split("").map((c) => c.charCodeAt(0)));

const ENGLISH = /^(?:grand total|subtotal|sum|total|.*\stotal)$/;
const CHINESE = /^(?:总计|總計|小计|小計|总和|總和|.*汇总|.*匯總|.*彙總|.*合计|.*合計)$/;
const PLACEHOLDERS = new Set(["(blank)", "(空白)"]);

/** Trimmed, case-folded, full-width folded: the form total words are compared in. */
function foldedKey(name: string): string {
  totalRowWork.namesNormalised++;
  return name.normalize("NFKC").trim().toLowerCase();
}

function kindOf(name: string): Kind {
  const n = name.length;
  if (n === 0) return Kind.Customer;
  let last = name.charCodeAt(n - 1);
  // Display names are trimmed already; a name ending in a space NFKC turns into one is rare.
  if (last <= 32 || last === 0x3000) last = name.trim().charCodeAt(name.trim().length - 1);
  if (!LAST_CHARS.has(last)) return Kind.Customer;
  const key = foldedKey(name);
  if (PLACEHOLDERS.has(key)) return Kind.Placeholder;
  return ENGLISH.test(key) || CHINESE.test(key) ? Kind.TotalWord : Kind.Customer;
}

/** Per customer id: 0 customer, 1 total word, 2 placeholder; null when every name is a customer. */
function nameKinds(names: readonly string[]): Uint8Array | null {
  let kinds: Uint8Array | null = null;
  for (let id = 0; id < names.length; id++) {
    const k = kindOf(names[id]);
    if (k !== Kind.Customer) (kinds ??= new Uint8Array(names.length))[id] = k;
  }
  return kinds;
}

export interface RowsWithoutTotals {
  /** Customer id per row, TOTAL_ROW for total rows and NO_CUSTOMER for placeholder rows. */
  readonly ids: Int32Array;
  readonly report: TotalRowsReport;
}

/**
 * The rows' ids with total rows and placeholders taken out, or null when no customer name is a
 * total word or a placeholder (then nothing reads the rows). complete: the rows are the whole
 * range; the first rows of a longer one (the pane's preview sample) can show subtotals, whose
 * rows precede them, but no grand total.
 */
export function withoutTotalRows(
  values: Float64Array,
  ids: Int32Array,
  names: readonly string[],
  complete = true,
): RowsWithoutTotals | null {
  const kinds = nameKinds(names);
  if (kinds === null) return null;
  totalRowWork.rowPasses++;
  const n = values.length;
  const out = Int32Array.from(ids);
  const total = new Uint8Array(n);
  // Prefix sums (compensated) of the non-candidate rows; a subtotal is the difference between
  // now and a previous total-word row.
  let s = 0;
  let c = 0;
  let maxAbs = 0;
  const openS = new Float64Array(OPEN_SEGMENTS);
  const openC = new Float64Array(OPEN_SEGMENTS);
  const openRows = new Float64Array(OPEN_SEGMENTS);
  let rowsSoFar = 0; // non-candidate rows with a value: a segment without any is no subtotal
  let open = 0; // total-word rows seen so far (ring of the last OPEN_SEGMENTS)
  const pending: number[] = []; // candidate rows no subtotal matched
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x !== x) continue; // blank
    const id = ids[i];
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- `kinds` is a Uint8Array of Kind values: typed arrays hold plain numbers
    const kind: Kind = id === NO_CUSTOMER ? Kind.Customer : kinds[id];
    if (kind === Kind.Placeholder) out[i] = NO_CUSTOMER;
    if (kind !== Kind.TotalWord) {
      const a = x < 0 ? -x : x;
      if (a > maxAbs) maxAbs = a;
      const t = s + x;
      c += roundingError(s, x, t);
      s = t;
      rowsSoFar++;
      continue;
    }
    let matched = rowsSoFar > 0 && sameAt15(x, s + c, maxAbs, n);
    for (let k = 1; !matched && k <= Math.min(open, OPEN_SEGMENTS); k++) {
      const j = (open - k) % OPEN_SEGMENTS;
      matched = rowsSoFar > openRows[j] && sameAt15(x, s - openS[j] + (c - openC[j]), maxAbs, n);
    }
    if (matched) total[i] = 1;
    else pending.push(i);
    const j = open % OPEN_SEGMENTS;
    openS[j] = s;
    openC[j] = c;
    openRows[j] = rowsSoFar;
    open++;
  }
  if (complete) grandTotals(values, pending, s + c, maxAbs, total);
  for (let i = 0; i < n; i++) if (total[i]) out[i] = TOTAL_ROW;
  return { ids: out, report: reportOf(values, ids, names, total, pending) };
}

/**
 * Candidates no subtotal matched: a grand total equals the sum of every other row, wherever it
 * sits. Should none equal the non-candidate rows alone, the other candidates may be customers
 * that happen to carry a total word ("Sum Ltd"), so they are counted in as well.
 */
function grandTotals(values: Float64Array, pending: readonly number[], others: number, maxAbs: number, total: Uint8Array): void {
  let found = false;
  for (const i of pending) {
    if (sameAt15(values[i], others, maxAbs, values.length)) {
      total[i] = 1;
      found = true;
    }
  }
  if (found || pending.length < 2) return;
  let s = others;
  for (const i of pending) s += values[i];
  for (const i of pending) if (sameAt15(values[i], s - values[i], maxAbs, values.length)) total[i] = 1;
}

function reportOf(
  values: Float64Array,
  ids: Int32Array,
  names: readonly string[],
  total: Uint8Array,
  pending: readonly number[],
): TotalRowsReport {
  const rows: number[] = [];
  const vals: number[] = [];
  const rowNames: string[] = [];
  const sum = new NeumaierSum();
  for (let i = 0; i < total.length; i++) {
    if (!total[i]) continue;
    rows.push(i);
    vals.push(values[i]);
    rowNames.push(names[ids[i]]);
    sum.add(values[i]);
  }
  const byId = new Map<number, number[]>();
  for (const i of pending) {
    if (total[i]) continue;
    const list = byId.get(ids[i]);
    if (list) list.push(i);
    else byId.set(ids[i], [i]);
  }
  const unmatched = Array.from(byId, ([id, r]) => ({ name: names[id], rows: r }));
  if (rows.length === 0 && unmatched.length === 0) return NO_TOTAL_ROWS;
  return { rows, values: vals, names: rowNames, value: sum.value, unmatched };
}

/**
 * Equal at Excel's 15 significant digits (the precision it shows and compares in). A sum that
 * cancels to rounding noise (0.1 + 0.2 − 0.3) equals 0 when within n·max|x|·2⁻⁵² of it, as
 * aggregate.ts settles such totals.
 */
function sameAt15(x: number, sum: number, maxAbs: number, n: number): boolean {
  const d = Math.abs(x - sum);
  if (x === 0 || sum === 0) return d <= maxAbs * n * 2 ** -52;
  // Far apart (the common case): no decimal rounding needed.
  if (d > 1e-13 * Math.max(Math.abs(x), Math.abs(sum))) return false;
  return Number(x.toPrecision(15)) === Number(sum.toPrecision(15));
}
