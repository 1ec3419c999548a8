/**
 * The tier rule settles shares within 1e-12 of a threshold in exact decimals. A tail of many
 * tiny customers under one huge total sits inside that band for a threshold of 1 (every
 * share is just below 1): the exact sums must be extended as the walk goes down, not redone
 * for every customer (that was quadratic: 4,000 customers summed 16 million times).
 */
import * as exact from "../../src/engine/exact-decimal";
import { tierCutoffs } from "../../src/engine/tiers";

test("customers near a threshold: each value summed exactly a bounded number of times", () => {
  const m = 4000;
  const values = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) values[i] = 1 + i / 1000; // tiny and distinct, ascending
  values[m] = 1e18;
  let summed = 0;
  const spy = jest.spyOn(exact, "exactSum").mockImplementation(function (this: unknown, v, from = 0, to = v.length) {
    summed += to - from;
    let acc: exact.Decimal = { mantissa: 0n, exponent: 0 };
    for (let i = from; i < to; i++) acc = exact.addDecimal(acc, exact.decimalOf(v[i]));
    return acc;
  });
  try {
    const lowest = tierCutoffs(values, [0.5, 1]);
    // The huge customer alone passes 0.5; every other share is below 1: all in the middle tier.
    expect(Array.from(lowest)).toEqual([1e18, 1, Infinity]);
    expect(summed).toBeGreaterThan(0);
    expect(summed).toBeLessThanOrEqual(3 * (m + 1));
  } finally {
    spy.mockRestore();
  }
});
