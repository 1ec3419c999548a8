/**
 * Name sets shaped to defeat the customer table's hash (test/support/adversarial-names.ts):
 * the cost is asserted as probe counts, never as a time. Each set holds 200,000 distinct
 * names in random order, then a quarter of them again: every name is added, some are found.
 */
import { readCustomerVector } from "../../src/engine/input/customer-vector";
import { vectorOf } from "../../src/engine/input/range";
import { probeStats, resetProbeStats } from "../../src/engine/input/string-ids";
import { Random } from "../../src/sample/prng";
import { ADVERSARIAL_NAMES } from "../support/adversarial-names";

const N = 200_000;
/** Longest chain allowed: at most half full, a good hash's longest at 200,000 names is ~45. */
const CHAIN_BOUND = 64;

describe("customer names that defeat a weak hash", () => {
  test.each(Object.keys(ADVERSARIAL_NAMES))("%s: short probe chains, no fallback, right ids", (set) => {
    const nameOf = ADVERSARIAL_NAMES[set];
    const r = new Random(17);
    const names = Array.from({ length: N }, (_, i) => nameOf(i));
    const column = r.shuffled(names).concat(r.shuffled(names).slice(0, N / 4));
    resetProbeStats();
    const v = readCustomerVector(
      vectorOf(
        column.map((s) => [s]),
        "customers",
      ),
    );
    const stats = probeStats();
    expect(v.names.length).toBe(N);
    for (let row = 0; row < column.length; row += 997) expect(v.names[v.ids[row]]).toBe(column[row]);
    expect(stats.fallbacks).toBe(0);
    expect(stats.longestChain).toBeLessThanOrEqual(CHAIN_BOUND);
    expect(stats.probes).toBeLessThanOrEqual(2 * stats.operations);
  });
});
