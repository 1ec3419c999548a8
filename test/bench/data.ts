/**
 * Seeded benchmark data, delivered the way Excel delivers it to a custom function: the
 * runtime hands over ranges as JSON, so every column is an N×1 array made by JSON.parse
 * (one array per row, one string object per text cell): a `Range`. The floor and peer paths get the same
 * figures as plain typed arrays, extracted untimed.
 */
import { Random } from "../../src/sample/prng";

/** A cell of the benchmark's ranges: a value (finite, so JSON keeps it a number) or a customer name. */
type RangeCell = number | string;
/** An N×1 range as the runtime parses it from JSON: one array per row. */
export type Range = RangeCell[][];

export interface ValueColumn {
  /** N×1, as Excel passes a column to a custom function. */
  readonly cells: Range;
  /** The same numbers. */
  readonly values: Float64Array;
  /** The JSON the runtime would parse: freshCells() parses it again. */
  readonly json: string;
}

/** A freshly parsed copy of a column's cells (see fresh). */
export function freshCells(column: { readonly json: string }): Range {
  return JSON.parse(column.json) as Range;
}

export interface NameColumn {
  readonly cells: Range;
  /** The same names (the strings of `cells`, not copies). */
  readonly names: string[];
  /** The JSON the runtime would parse: fresh() parses it again. */
  readonly json: string;
}

/**
 * A freshly parsed copy of a text column, as every recalculation in Excel delivers one: new
 * string objects whose hashes no earlier lookup has computed and cached (reusing one parsed
 * copy across timed runs would make every Map lookup after the first run cheaper than Excel
 * ever sees it).
 */
export function fresh(column: { readonly json: string }): { cells: Range; names: string[] } {
  const cells = JSON.parse(column.json) as Range;
  const names = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) names[i] = cells[i][0] as string;
  return { cells, names };
}

/** Money with cents, heavy-tailed like customer sizes: lognormal, median ≈ 2,000. */
export function money(rng: Random, mu = 7.6, sigma = 1.6): number {
  return Math.round(rng.lognormal(mu, sigma) * 100) / 100 || 0.01;
}

/** Built as text and parsed: the same object shapes the custom-functions runtime produces. */
function jsonOf(column: readonly (number | string)[]): string {
  const parts = new Array<string>(column.length);
  for (let i = 0; i < column.length; i++) parts[i] = `[${JSON.stringify(column[i])}]`;
  return `[${parts.join(",")}]`;
}

export function nameColumn(names: readonly string[]): NameColumn {
  const json = jsonOf(names);
  return {
    get cells() {
      return JSON.parse(json) as Range;
    },
    get names() {
      return fresh({ json }).names;
    },
    json,
  };
}

/** One positive value per customer (per row). */
export function customerValues(n: number, seed: number): ValueColumn {
  const rng = new Random(seed, 1);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = money(rng);
  return valueColumn(values);
}

/*
 * Columns keep only their JSON text and typed arrays: `cells` (and `names`) are parsed anew on
 * each read. A kept million-row array of arrays would sit in the heap of every later case and make
 * each of their garbage collections (one before every timed run) mark it again.
 */
export function valueColumn(values: Float64Array): ValueColumn {
  const json = jsonOf(Array.from(values));
  return {
    get cells() {
      return JSON.parse(json) as Range;
    },
    values,
    json,
  };
}

/**
 * "Customer 0001", "Customer 0002", ...: in name order, as a customer list sorted by name (the
 * engine then needs no lookups and no name comparisons), or, given a seed, the same names in a
 * shuffled order (every customer looked up, ties broken by comparing names).
 */
export function customerNames(n: number, shuffleSeed?: number): NameColumn {
  const width = String(n).length;
  const names = new Array<string>(n);
  for (let i = 0; i < n; i++) names[i] = `Customer ${String(i + 1).padStart(width, "0")}`;
  if (shuffleSeed !== undefined) {
    shuffle(n, new Random(shuffleSeed, 3), (i, j) => {
      const t = names[i];
      names[i] = names[j];
      names[j] = t;
    });
  }
  return nameColumn(names);
}

/** Fisher-Yates over positions 0..n-1: swap(i, j) exchanges whatever the caller keeps there. */
export function shuffle(n: number, rng: Random, swap: (i: number, j: number) => void): void {
  for (let i = n - 1; i > 0; i--) swap(i, Math.floor(rng.next() * (i + 1)));
}

export interface Transactions {
  readonly customers: NameColumn;
  readonly values: ValueColumn;
  readonly customerCount: number;
}

/**
 * Transaction lines: customers drawn with lognormal weights (a few large accounts, a long
 * tail), lines of lognormal size, about 2% returns (negative lines), so that a few small
 * customers end up net negative (loss) as in real exports.
 */
export function transactions(lines: number, customerCount: number, seed: number): Transactions {
  const rng = new Random(seed, 2);
  const cum = new Float64Array(customerCount);
  let w = 0;
  for (let c = 0; c < customerCount; c++) cum[c] = w += rng.lognormal(0, 1.5);
  const width = String(customerCount).length;
  const label = (c: number) => `Customer ${String(c + 1).padStart(width, "0")}`;
  const names = new Array<string>(lines);
  const values = new Float64Array(lines);
  for (let i = 0; i < lines; i++) {
    // The first customerCount lines visit every customer once, so each has at least one line.
    let c: number;
    if (i < customerCount) c = i;
    else {
      const r = rng.next() * w;
      let lo = 0;
      let hi = customerCount - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] > r) hi = mid;
        else lo = mid + 1;
      }
      c = lo;
    }
    names[i] = label(c);
    const x = money(rng, 5.5, 1.1);
    values[i] = rng.chance(0.02) ? -x : x;
  }
  // Shuffle line order (deterministically): exports are sorted by date, not by customer.
  shuffle(lines, rng, (i, j) => {
    const tn = names[i];
    names[i] = names[j];
    names[j] = tn;
    const tv = values[i];
    values[i] = values[j];
    values[j] = tv;
  });
  return {
    customers: nameColumn(names),
    values: valueColumn(values),
    customerCount,
  };
}
