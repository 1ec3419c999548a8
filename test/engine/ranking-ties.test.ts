/**
 * Ties broken by name: a long run of tied customers (every value equal) is sorted on name keys
 * made once per customer, not made again on each of the n log n comparisons. Counted as the
 * lower-casings customerKey does, never as a time.
 */
import { lossCustomers, rankCustomers } from "../../src/engine/ranking";
import { Random } from "../../src/sample/prng";

const N = 4000;

function tiedCustomers(sign: number) {
  const names = new Random(8).shuffled(Array.from({ length: N }, (_, i) => `客户 ${String(i).padStart(5, "0")}`));
  const totals = new Float64Array(N).fill(sign * 1000);
  const hasValue = new Uint8Array(N).fill(1);
  return { names, totals, hasValue };
}

function keysMade(run: () => void): number {
  const spy = jest.spyOn(String.prototype, "toLowerCase");
  try {
    run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

const byName = (names: string[]) => Array.from(names.keys()).sort((a, b) => (names[a] < names[b] ? -1 : 1));

test("every value tied: ranked by name, one key made per customer", () => {
  const { names, totals, hasValue } = tiedCustomers(1);
  let order: number[] = [];
  expect(keysMade(() => (order = Array.from(rankCustomers(totals, hasValue, names).order)))).toBeLessThanOrEqual(N);
  expect(order).toEqual(byName(names));
});

test("every loss tied: listed by name, one key made per customer", () => {
  const { names, totals, hasValue } = tiedCustomers(-1);
  let order: number[] = [];
  expect(keysMade(() => (order = lossCustomers(totals, hasValue, names)))).toBeLessThanOrEqual(N);
  expect(order).toEqual(byName(names));
});
