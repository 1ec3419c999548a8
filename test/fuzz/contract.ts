/**
 * The contract every KA function keeps whatever it is given, as Excel sees it:
 *
 * - it returns a rectangular result of the documented size (SIZE RULES below) whose cells are
 *   text or finite numbers — never null, undefined, NaN, ±Infinity (Excel would show #NUM! or
 *   0 without saying why), never -0;
 * - or it throws a CustomFunctions.Error with code #VALUE! or #N/A and a non-empty message, or
 *   #NUM! without a message (Excel shows no message on #NUM!). An unexpected exception inside
 *   the engine reaches Excel as #VALUE! "KA Planner internal error: …" (src/functions/
 *   excel-error.ts): the fuzz suite counts that as a failure, it is a bug.
 *
 * SIZE RULES — N is the length of the first vector argument (after Excel's shapes: a bare
 * value or a 1×1 range is a column of 1; a 1×N range is a row):
 *
 * | function         | result                                                                        |
 * |------------------|-------------------------------------------------------------------------------|
 * | TIER             | values' shape: N×1 for a column, 1×N for a row                                 |
 * | PARETO           | (2 + shown + other + losses + noCustomer)×6: header; min(top_n, customers with |
 * |                  | total ≥ 0) ranked rows; 1 "Other" row when top_n cuts; 1 row per loss-making   |
 * |                  | customer; 1 row when rows have a value but no customer; Total                  |
 * | CONCENTRATION    | 20×2: header + 19 metrics                                                      |
 * | MATRIX           | attractiveness' shape                                                          |
 * | SCORE            | rows(criteria)×1 (always a column: one score per account row)                  |
 * | CHURN            | satisfaction's shape                                                           |
 * | PRIORITY         | size's shape                                                                   |
 * | RISK             | N×2 (score, level) for a column; 2×N for a row                                 |
 */

/** How Excel's argument shapes read as a vector (src/engine/input/range.ts), computed independently. */
export function vectorShape(arg: unknown): { orientation: "column" | "row"; length: number } | null {
  if (!Array.isArray(arg)) return { orientation: "column", length: 1 };
  if (arg.length === 0) return null;
  const rows: unknown[][] = Array.isArray(arg[0]) ? (arg as unknown[][]) : [arg as unknown[]];
  let cols = 0;
  for (const r of rows) cols = Math.max(cols, Array.isArray(r) ? r.length : 1);
  if (cols === 0) return null;
  if (cols === 1) return { orientation: "column", length: rows.length };
  if (rows.length === 1) return { orientation: "row", length: cols };
  return null;
}

export function rowCount(arg: unknown): number {
  if (!Array.isArray(arg)) return 1;
  if (arg.length === 0) return 0;
  return Array.isArray(arg[0]) ? arg.length : 1;
}

export type Size = [rows: number, cols: number];

export function sizeLike(arg: unknown, width = 1): Size | null {
  const v = vectorShape(arg);
  if (!v) return null;
  return v.orientation === "column" ? [v.length, width] : [width, v.length];
}

export type Outcome = { kind: "result"; value: unknown[][] } | { kind: "error"; code: string; message: string | undefined };

/** Calls fn as Excel would and checks the outcome against the contract; returns it for further checks. */
export function callKA(fn: () => unknown, expectedSize?: (out: unknown[][]) => Size | null): Outcome {
  let out: unknown;
  try {
    out = fn();
  } catch (e) {
    if (!(e instanceof CustomFunctions.Error)) {
      throw new Error(`threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} instead of a CustomFunctions.Error`, {
        cause: e,
      });
    }
    const { code, message } = e as { code: string; message: string | undefined };
    if (code === "#NUM!") {
      if (message !== undefined) throw new Error(`#NUM! with a message: ${message}`, { cause: e });
    } else if (code === "#VALUE!" || code === "#N/A") {
      if (typeof message !== "string" || message.trim() === "") throw new Error(`${code} without a message`, { cause: e });
      if (message.startsWith("KA Planner internal error")) throw new Error(`unexpected exception: ${message}`, { cause: e });
    } else {
      throw new Error(`unexpected error code ${code}`, { cause: e });
    }
    return { kind: "error", code, message };
  }
  if (!Array.isArray(out)) throw new Error(`returned ${describe(out)}, not a 2-D array`);
  if (out.length === 0) throw new Error("returned an empty array (Excel shows #CALC!)");
  const width = Array.isArray(out[0]) ? out[0].length : -1;
  if (width <= 0) throw new Error("the first row is not a non-empty array");
  out.forEach((row, i) => {
    if (!Array.isArray(row)) throw new Error(`row ${i} is ${describe(row)}, not an array`);
    if (row.length !== width) throw new Error(`ragged result: row ${i} has ${row.length} cells, row 0 has ${width}`);
    row.forEach((cell, j) => {
      const ok = typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell) && !Object.is(cell, -0));
      if (!ok) throw new Error(`cell (${i}, ${j}) is ${describe(cell)}`);
    });
  });
  if (expectedSize) {
    const size = expectedSize(out as unknown[][]);
    if (size && (out.length !== size[0] || width !== size[1])) {
      throw new Error(`result is ${out.length}×${width}, the size rule says ${size[0]}×${size[1]}`);
    }
  }
  return { kind: "result", value: out as unknown[][] };
}

function describe(v: unknown): string {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return JSON.stringify(v);
  return Object.prototype.toString.call(v);
}

/** The result, or fails when the call threw. */
export function resultOf(o: Outcome): unknown[][] {
  if (o.kind !== "result") throw new Error(`expected a result, got ${o.code} ${o.message ?? ""}`);
  return o.value;
}

export const flat = (out: unknown[][]): unknown[] => (out.length === 1 ? out[0] : out.map((r) => r[0]));

/** A cheap assertion for hot property loops (jest's expect costs ~10 µs a call). */
export function ensure(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** Deep equality of results, reporting both sides. */
export function ensureSame(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${what}: ${a} !== ${b}`);
}
