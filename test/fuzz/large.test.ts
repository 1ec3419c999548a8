/**
 * The few large cases of the fuzz suite: whole-column-sized ranges through every KA function,
 * built from a seeded generator (fast-check only draws the seed and the size, so nothing of
 * 100,000 cells is ever shrunk). Contract and size rule as in ./contract.ts.
 */
import fc from "fast-check";
import * as KA from "../../src/functions/functions";
import { FUZZ_RUNS, fuzz } from "./config";
import { callKA, ensure, resultOf, sizeLike } from "./contract";

/** mulberry32: a tiny seeded PRNG in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE: readonly unknown[] = [
  "#N/A",
  new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero),
  "12abc",
  true,
  "\ud800",
  NaN,
  Infinity,
];

/** A column of n cells: mostly lognormal-ish numbers, some blanks, numbers as text, and maybe one hostile cell. */
function column(rnd: () => number, n: number, hostile: boolean, gen: () => unknown): unknown[][] {
  const out = new Array<unknown[]>(n);
  for (let i = 0; i < n; i++) {
    const u = rnd();
    out[i] = [u < 0.01 ? null : u < 0.015 ? "" : u < 0.02 ? ` ${String(gen())} ` : gen()];
  }
  if (hostile) out[Math.floor(rnd() * n)] = [HOSTILE[Math.floor(rnd() * HOSTILE.length)]];
  return out;
}

/** Large runs: 3 in CI, more in long runs (at most 200). */
const LARGE_SCALE = Math.min(200, Math.max(3, Math.round(FUZZ_RUNS / 2000))) / FUZZ_RUNS;

describe("KA.* on large ranges", () => {
  test("TIER over a whole column (1,048,576 rows) of transaction lines for 50,000 customers", () => {
    const rnd = prng(7);
    const n = 1_048_576;
    const values = new Array<unknown[]>(n);
    const customers = new Array<unknown[]>(n);
    for (let i = 0; i < n; i++) {
      values[i] = [Math.round(Math.exp(rnd() * 12) * 100) / 100 - (rnd() < 0.03 ? 50_000 : 0)];
      customers[i] = [`Customer ${Math.floor(rnd() * 50_000)}${rnd() < 0.1 ? " " : ""}`];
    }
    const out = resultOf(
      callKA(
        () => KA.tier(values, customers),
        () => [n, 1],
      ),
    );
    const labels = new Set(out.map((r) => r[0]));
    for (const l of labels) ensure(["A", "B", "C", "Loss"].includes(l as string), () => `label ${l}`);
  });

  test("every function on 10,000–40,000 rows, with or without one hostile cell", () => {
    fuzz(
      fc.property(fc.integer(), fc.integer({ min: 10_000, max: 40_000 }), fc.boolean(), (seed, n, hostile) => {
        const rnd = prng(seed);
        const money = () => Math.round((Math.exp(rnd() * 14) - 20) * 100) / 100;
        const name = () => `C${Math.floor(rnd() * 5000)}`;
        const values = column(rnd, n, hostile, money);
        const customers = column(rnd, n, false, name);
        callKA(
          () => KA.tier(values, customers),
          () => [n, 1],
        );
        callKA(
          () => KA.pareto(customers, values, 20),
          (out) => (out[0].length === 6 ? null : [out.length, 6]),
        );
        callKA(
          () => KA.concentration(values, customers, "zh"),
          () => [20, 2],
        );
        const score = () => Math.round(rnd() * 1000) / 10;
        const a = column(rnd, n, false, score);
        const s = a.map(([x]) => [x === null || x === "" ? x : score()]);
        callKA(
          () => KA.matrix(a, s, 50, 50),
          () => sizeLike(a),
        );
        callKA(
          () => KA.matrix(a, hostile ? column(rnd, n, true, score) : s),
          () => sizeLike(a),
        );
        const crit = a.map(([x], i) => [x, s[i][0], money()]);
        callKA(
          () => KA.score(crit, [[1, 2, 0.5]], [[1, -1, 1]]),
          () => [n, 1],
        );
        const sat = column(rnd, n, hostile, () => 1 + Math.round(rnd() * 40) / 10);
        callKA(
          () => KA.churn(sat),
          () => sizeLike(sat),
        );
        const size = column(rnd, n, hostile, () => Math.abs(money()));
        const likelihood = size.map(([x]) => [x === null || x === "" ? x : Math.round(rnd() * 100) / 100]);
        callKA(
          () => KA.priority(size, likelihood),
          () => sizeLike(size),
        );
        const l = column(rnd, n, hostile, () => 1 + Math.floor(rnd() * 5));
        const m = l.map(([x]) => [x === null || x === "" ? x : 1 + Math.floor(rnd() * 5)]);
        callKA(
          () => KA.risk(l, m, "zh"),
          () => sizeLike(l, 2),
        );
        // Row vectors too: a 1×n range spills a 1×n (RISK: 2×n) result.
        callKA(
          () => KA.risk([l.map((r) => r[0])], [m.map((r) => r[0])]),
          () => [2, n],
        );
      }),
      LARGE_SCALE,
    );
  });
});
