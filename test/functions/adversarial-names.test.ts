/**
 * The functions that group by customer, over long names that differ only in the middle
 * (store-level retail data): the old hash read only their first and last 32 characters, so
 * all 8,000 shared one probe chain (KA.TIER took 15.5 s). The cost is asserted as probes.
 */
import * as KA from "../../src/functions/functions";
import { probeStats, resetProbeStats } from "../../src/engine/input/string-ids";
import { Random } from "../../src/sample/prng";
import { ADVERSARIAL_NAMES } from "../support/adversarial-names";

const N = 8_000;
const nameOf = ADVERSARIAL_NAMES["long names differing in the middle"];

/** Two lines per store, in random order. */
function lines() {
  const r = new Random(5);
  const rows = r.shuffled(Array.from({ length: 2 * N }, (_, i) => i));
  return {
    customers: rows.map((i) => [nameOf(i % N)]),
    values: rows.map((i) => [100 + (i % N)]),
  };
}

/** Totals 2 × (100 + store): each line gets the ABC tier of its store's total (80%, 95%). */
function expectTiersOfTotals(out: unknown[][], values: unknown[][]): void {
  const totalAbove = new Float64Array(N + 1); // sum of the totals of stores >= s
  for (let s = N - 1; s >= 0; s--) totalAbove[s] = totalAbove[s + 1] + 2 * (100 + s);
  for (let row = 0; row < values.length; row += 101) {
    const store = (values[row][0] as number) - 100;
    const share = totalAbove[store + 1] / totalAbove[0];
    expect(out[row][0]).toBe(share < 0.8 ? "A" : share < 0.95 ? "B" : "C");
  }
}

describe("KA functions over 8,000 long names differing only in the middle", () => {
  test.each([
    ["KA.TIER", (c: unknown[][], v: unknown[][]) => KA.tier(v, c)],
    ["KA.PARETO", (c: unknown[][], v: unknown[][]) => KA.pareto(c, v)],
    ["KA.CONCENTRATION", (c: unknown[][], v: unknown[][]) => KA.concentration(v, c)],
  ])("%s: a bounded number of probes", (name, call) => {
    const { customers, values } = lines();
    resetProbeStats();
    const out = call(customers, values);
    const stats = probeStats();
    expect(out.length).toBeGreaterThan(0);
    if (name === "KA.TIER") expectTiersOfTotals(out, values);
    expect(stats.fallbacks).toBe(0);
    // One lookup per line and one insertion per store, most of them one slot each.
    expect(stats.operations).toBeLessThanOrEqual(3 * N);
    expect(stats.probes).toBeLessThanOrEqual(2 * 3 * N);
    expect(stats.longestChain).toBeLessThanOrEqual(32);
  });
});
