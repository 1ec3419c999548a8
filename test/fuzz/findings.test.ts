/**
 * What the fuzz suite found, pinned as plain examples so that they stay fixed even if the
 * generators or the seed change (each was a shrunk counterexample).
 */
import * as KA from "../../src/functions/functions";
import { callKA, flat, resultOf } from "./contract";

const col = (...xs: unknown[]) => xs.map((x) => [x]);

describe("fuzz findings", () => {
  test("an invalid Date (a date cell past the date range) is named, not an internal error", () => {
    const o = callKA(() => KA.tier(col(1, new Date(NaN))));
    expect(o).toMatchObject({ kind: "error", code: "#VALUE!", message: 'values, row 2: "#######" is not a number.' });
    expect(callKA(() => KA.tier(col(1), undefined, undefined, [[new Date(NaN)]]))).toMatchObject({ kind: "error", code: "#VALUE!" });
    expect(flat(resultOf(callKA(() => KA.tier(col(1, 2), col(new Date(NaN), "x")))))).toEqual(["A", "A"]); // the invalid date as a customer name
  });

  test("totals beyond ±1.8e308 are #NUM!, not NaN cells or a wrong tier", () => {
    const num = { kind: "error", code: "#NUM!", message: undefined };
    expect(callKA(() => KA.pareto(col("a", "b", "c"), col(1.7976931348623157e308, 1e308, 1)))).toEqual(num);
    expect(callKA(() => KA.pareto(col("a", "a", "c"), col(1e308, 1e308, 1)))).toEqual(num); // customer a silently vanished
    expect(callKA(() => KA.concentration(col(-1e308, -7.976931348623158e307), col("Acme", "Acme")))).toEqual(num);
    expect(callKA(() => KA.tier(col(1e308, 1e308, 1), col("a", "a", "b")))).toEqual(num); // was "C", "C", "A"
    expect(callKA(() => KA.pareto(col(null, null), col(1e308, 1e308)))).toEqual(num); // the no-customer line
    // Without customers no sum is needed: the tiers are decided exactly.
    expect(flat(resultOf(callKA(() => KA.tier(col(1e308, 1e308, 1)))))).toEqual(["A", "A", "C"]);
  });

  test("HHI and Gini of values near 1e308 are figures, not NaN", () => {
    const out = resultOf(callKA(() => KA.concentration(col(5e-324, 5e-324, 1e308))));
    expect(out[14][1]).toBeCloseTo(10000, 6); // HHI
    expect(out[15][1]).toBeCloseTo(2 / 3, 12); // Gini: one customer holds everything
  });

  test("the median of equal subnormal values is that value (MATRIX default cuts)", () => {
    expect(flat(resultOf(callKA(() => KA.matrix(col(-0, 0), col(-5e-324, -5e-324)))))).toEqual(["Strategic", "Strategic"]);
  });

  test("SCORE: a row whose weights vanish beside the largest weight is still scored", () => {
    expect(resultOf(callKA(() => KA.score([[0, null]], [[5e-324, 1]])))).toEqual([[50]]);
    expect(
      resultOf(
        callKA(() =>
          KA.score(
            [
              [0, null],
              [1, 5],
            ],
            [[5e-324, 1e308]],
          ),
        ),
      ),
    ).toEqual([[0], [50]]); // row 1 only has the tiny-weight criterion
  });

  test("lines that cancel out (0.10 − 0.09 − 0.01) total exactly 0: last tier, not tier A or Loss by a binary residue", () => {
    // FUZZ_SEED=317637049 FUZZ_RUNS=40000 (npm run fuzz:long): the total was 8.7e-18, so the
    // customer was positive and, with no one else positive, in tier A.
    expect(flat(resultOf(callKA(() => KA.tier(col(0.1, -0.09, -0.01, 0), col("gamma ltd  ", "Gamma Ltd", "Gamma Ltd", "Acme")))))).toEqual([
      "C",
      "C",
      "C",
      "C",
    ]);
    expect(flat(resultOf(callKA(() => KA.tier(col(-0.1, 0.09, 0.01, 5), col("a", "a", "a", "b")))))).toEqual(["C", "C", "C", "A"]); // not "Loss"
    const pareto = resultOf(callKA(() => KA.pareto(col("a", "a", "a", "b"), col(-0.1, 0.09, 0.01, 5))));
    expect(pareto.map((r) => r[1])).toEqual(["Customer", "b", "a", "Total"]);
    expect(pareto[2][2]).toBe(0);
  });

  test("customers whose lines add up to the same decimal total are tied: same rank, listed by name", () => {
    // FUZZ_SEED=715167146 FUZZ_RUNS=40000: −0.04 − 499.91 summed to −499.95000000000005, below
    // another customer's −499.95, so the two were not tied.
    const losses = resultOf(callKA(() => KA.pareto(col("华东精密", " 华东精密 ", "Acme", "Acme"), col(-0.04, -499.91, -499.95, null))));
    expect(losses.slice(1, 3).map((r) => [r[1], r[2]])).toEqual([
      ["Acme", -499.95],
      ["华东精密", -499.95],
    ]);
    const ranked = resultOf(callKA(() => KA.pareto(col("b", "b", "a"), col(0.1, 0.2, 0.3))));
    expect(ranked.slice(1, 3).map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, "a", 0.3],
      [1, "b", 0.3],
    ]);
  });

  test("PARETO: a one-cell blank customer range is a blank customer (customers is required)", () => {
    expect(resultOf(callKA(() => KA.pareto([[null]], [[5]])))).toEqual([
      ["Rank", "Customer", "Value", "Share", "Cumulative share", "Tier"],
      ["", "(no customer: 1 rows)", 5, "", "", ""],
      ["", "Total", 5, "", "", ""],
    ]);
  });
});
