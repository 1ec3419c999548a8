/**
 * Per-customer totals. With a customer argument, transaction lines are summed per customer;
 * without one, every non-blank row is a customer of its own.
 */
import { fail, KaError } from "./errors";
import { addDecimal, Decimal, decimalOf } from "./exact-decimal";
import { CustomerVector, NO_CUSTOMER } from "./input/customer-vector";
import { isBlankNumber, NumericVector } from "./input/numeric-vector";
import { roundingError } from "./sum";
import { NO_TOTAL_ROWS, TotalRowsReport, withoutTotalRows } from "./total-rows";

/** rowCustomer codes for rows that are not a customer. */
const ROW_BLANK = -1;
export const ROW_NO_CUSTOMER = -2;

export interface CustomerTotals {
  readonly count: number;
  /** Display names; empty strings when every row is its own customer. */
  readonly names: readonly string[];
  /** Ids are in name order (see CustomerVector.namesAscending); true without names. */
  readonly namesAscending: boolean;
  /** Sum of the customer's values (compensated). */
  readonly totals: Float64Array;
  /** 1 when the customer has at least one non-blank value; others have no result. */
  readonly hasValue: Uint8Array;
  /** Customer id per input row, or ROW_BLANK / ROW_NO_CUSTOMER. */
  readonly rowCustomer: Int32Array;
  /** Rows with a value but no customer: not a customer, reported on their own line. */
  readonly noCustomer: { readonly rows: number; readonly value: number };
  /** Total and subtotal rows left out, and total-word customers kept (total-rows.ts). */
  readonly totalRows: TotalRowsReport;
}

export function aggregateByCustomer(values: NumericVector, customers: CustomerVector | null): CustomerTotals {
  const v = values.values;
  const n = v.length;
  if (!customers) {
    const rowCustomer = new Int32Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) rowCustomer[i] = isBlankNumber(v[i]) ? ROW_BLANK : count++;
    // Without blanks the totals are the values themselves (nothing writes totals); with
    // blanks, the values less the blanks.
    let totals = v;
    if (count < n) {
      totals = new Float64Array(count);
      for (let i = 0; i < n; i++) if (rowCustomer[i] >= 0) totals[rowCustomer[i]] = v[i];
    }
    // The empty names are made when first read: KA.TIER never reads them, and a million of
    // them cost more than its output.
    let names: string[] | null = null;
    return {
      count,
      get names() {
        return (names ??= new Array<string>(count).fill(""));
      },
      namesAscending: true,
      totals,
      hasValue: new Uint8Array(count).fill(1),
      rowCustomer,
      noCustomer: { rows: 0, value: 0 },
      totalRows: NO_TOTAL_ROWS,
    };
  }
  // Total rows and PivotTable placeholders leave the customers here, before anything is summed.
  const cleaned = withoutTotalRows(v, customers.ids, customers.names);
  const ids = cleaned ? cleaned.ids : customers.ids;
  const count = customers.names.length;
  const sums = new Float64Array(count);
  // Compensation terms exist only for customers with two values or more: the array is made
  // for the first such customer (a list of a million customers with one value each needs none).
  let comp: Float64Array | null = null;
  const hasValue = new Uint8Array(count);
  let noCustRows = 0;
  let noCustSum = 0;
  let noCustComp = 0;
  let maxAbs = 0; // for settleNearZero, taken here rather than in a pass of its own
  for (let i = 0; i < n; i++) {
    const x = v[i];
    const id = ids[i];
    const a = x < 0 ? -x : x; // NaN (blank) compares false
    if (a > maxAbs) maxAbs = a;
    if (id < 0) {
      // A zero here is indistinguishable from a blank on old Excel builds: not reported.
      if (id === NO_CUSTOMER && !(isBlankNumber(x) || x === 0)) {
        noCustRows++;
        const t = noCustSum + x;
        noCustComp += roundingError(noCustSum, x, t);
        noCustSum = t;
      }
      continue;
    }
    if (isBlankNumber(x)) continue;
    if (hasValue[id] === 0) {
      hasValue[id] = 1;
      sums[id] = 0 + x; // 0 + x: a -0 line makes the total 0, as adding it to 0 does
      continue;
    }
    comp ??= new Float64Array(count);
    const s = sums[id];
    const t = s + x;
    comp[id] += roundingError(s, x, t);
    sums[id] = t;
  }
  for (let id = 0; id < count; id++) {
    let t = sums[id];
    if (comp !== null && comp[id] !== 0) {
      // A sum that was rounded is read back at Excel's 15 significant digits, so that customers
      // whose lines add up to the same decimal total are equal: −0.04 − 499.91 is
      // −499.95000000000005 in binary, −499.95 as typed (and as another customer's single line).
      t += comp[id];
      if (t - t === 0) t = Number(t.toPrecision(15));
    }
    if (t - t !== 0) throw overflow(values.arg);
    sums[id] = t;
  }
  settleNearZero(v, ids, sums, hasValue, maxAbs);
  const noCustomerValue = noCustSum + noCustComp;
  if (noCustomerValue - noCustomerValue !== 0) throw overflow(values.arg);
  // Only KA.TIER and the tier column read the rows' customers: made when first read.
  let rowCustomer: Int32Array | null = null;
  return {
    count,
    names: customers.names,
    namesAscending: customers.namesAscending,
    totals: sums,
    hasValue,
    get rowCustomer() {
      return (rowCustomer ??= rowCustomersOf(v, ids));
    },
    noCustomer: { rows: noCustRows, value: noCustomerValue },
    totalRows: cleaned ? cleaned.report : NO_TOTAL_ROWS,
  };
}

/** rowCustomer for rows with a customer column: the id, or why the row is not a customer. */
function rowCustomersOf(v: Float64Array, ids: Int32Array): Int32Array {
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    // As aggregateByCustomer: a value (other than 0) without a customer is reported on its own;
    // a total row keeps its code (TOTAL_ROW, total-rows.ts).
    out[i] = id !== NO_CUSTOMER ? id : isBlankNumber(v[i]) || v[i] === 0 ? ROW_BLANK : ROW_NO_CUSTOMER;
  }
  return out;
}

/**
 * Totals within rounding noise of 0 are decided on the decimals as typed (README: borders are
 * decided on the decimal numbers you typed). Invoices and credit notes that cancel out, such
 * as 0.10 − 0.09 − 0.01, leave a binary residue (8.7e-18) that made the customer positive (in
 * tier A when no one else was) or a loss. Each value differs from its decimal by at most half
 * a unit in the last place, so a total further from 0 than n·max|x|·2⁻⁵² keeps its sign; the
 * few totals closer to 0 are summed again in exact decimal arithmetic.
 */
function settleNearZero(v: Float64Array, ids: Int32Array, sums: Float64Array, hasValue: Uint8Array, maxAbs: number): void {
  const n = v.length;
  const noise = maxAbs * n * 2 ** -52;
  let exact: Map<number, Decimal> | null = null;
  for (let id = 0; id < sums.length; id++) {
    const t = sums[id];
    if (hasValue[id] && (t < 0 ? -t : t) <= noise) (exact ??= new Map()).set(id, { mantissa: 0n, exponent: 0 });
  }
  if (!exact) return;
  for (let i = 0; i < n; i++) {
    const acc = ids[i] >= 0 ? exact.get(ids[i]) : undefined;
    const x = v[i];
    if (acc !== undefined && x === x) exact.set(ids[i], addDecimal(acc, decimalOf(x)));
  }
  for (const [id, d] of exact) {
    const t = Number(`${d.mantissa}e${d.exponent}`);
    sums[id] = t === 0 ? 0 : t;
  }
}

/**
 * A total beyond the largest double (±1.8e308): #NUM!, as Excel's SUM over the same cells.
 * Without the check the sum is ±Infinity or NaN and the customer silently drops to the last tier.
 */
export function overflow(arg: string): KaError {
  return fail("#NUM!", "error.overflow", { arg });
}
