/**
 * Loops over arrays that may hold one element per customer or per row. Spreading such an array
 * into a call (`Math.max(...widths)`, `out.push(...items)`) passes one argument per element, and
 * past about 120,000 arguments V8 throws "Maximum call stack size exceeded": a 300,000-customer
 * table would crash the command line, the charts and the risk register. These helpers take the
 * array itself; nothing in src/ spreads a per-row array into a call.
 */

/** The largest value, at least `floor`; NaN if any value is NaN (as Math.max). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const v of values) m = Math.max(m, v);
  return m;
}

/** The smallest and largest value (NaN propagates as in Math.min/max); undefined when empty. */
export function extentOf(values: Iterable<number>): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  let any = false;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    any = true;
  }
  return any ? { min, max } : undefined;
}

/** Appends every item to `target` (in place) and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}
