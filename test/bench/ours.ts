/**
 * Our path: the real custom-function entry points, called exactly as Excel calls them (N×1
 * arrays in, the spilled array out), so input parsing and output building are counted.
 * The wrappers need the runtime's global CustomFunctions: the same minimal one the tests use.
 */
import "../support/custom-functions-runtime";
import * as functions from "../../src/functions/functions";

/** A range as an entry point takes it: N×1, one array per row, any cell. */
export type Cells = unknown[][];
/** A spilled array as an entry point returns it (labels, numbers, texts). */
export type Spill = unknown[][];

/*
 * The entry points themselves (the same function objects), typed as the benchmark calls them:
 * functions.ts declares `any[][]`, the custom-functions metadata's type of a range of any cells.
 */
export const tier: (values: Cells, customers?: Cells) => Spill = functions.tier;
export const pareto: (customers: Cells, values: Cells) => Spill = functions.pareto;
export const concentration: (values: Cells, customers?: Cells) => Spill = functions.concentration;

/** The values of a PARETO spill, for comparison: ranked rows only (rank is a number). */
export interface ParetoRows {
  readonly names: string[];
  readonly values: number[];
  readonly ranks: number[];
  readonly shares: number[];
  readonly cumulative: number[];
  readonly tiers: string[];
}

export function rankedRows(table: unknown[][]): ParetoRows {
  const out: ParetoRows = { names: [], values: [], ranks: [], shares: [], cumulative: [], tiers: [] };
  for (let i = 1; i < table.length; i++) {
    const row = table[i];
    if (typeof row[0] !== "number") break;
    out.ranks.push(row[0]);
    out.names.push(row[1] as string);
    out.values.push(row[2] as number);
    out.shares.push(row[3] as number);
    out.cumulative.push(row[4] as number);
    out.tiers.push(row[5] as string);
  }
  return out;
}
