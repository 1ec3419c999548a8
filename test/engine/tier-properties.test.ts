import fc from "fast-check";
import { paretoFormula } from "../../src/engine/formulas/pareto";
import { tierFormula } from "../../src/engine/formulas/tier";
import { customerKey } from "../../src/engine/input/customer-vector";

const SEED = 20261122;
const RUNS = 300;

// Transaction lines: customers from a small pool with case/space variants; values in cents.
const line = fc.record({
  customer: fc.constantFrom("Acme", "acme ", " ACME", "Beta", "Gamma", "gamma", "Delta", "Epsilon", "Zeta", "Eta"),
  cents: fc.integer({ min: -50_000, max: 2_000_000 }),
});
const lines = fc.array(line, { minLength: 1, maxLength: 60 });
const thresholds = fc.constantFrom([0.8, 0.95], [0.5, 0.75, 0.95], [0.64, 0.8], [0.3], [0.2, 0.4, 0.6, 0.8, 1]);

function tiersByCustomer(ls: { customer: string; cents: number }[], th: readonly number[]): Map<string, string> {
  const out = tierFormula(
    ls.map((l) => [l.cents / 100]),
    ls.map((l) => [l.customer]),
    undefined,
    [th],
  );
  const m = new Map<string, string>();
  ls.forEach((l, i) => m.set(customerKey(l.customer), out[i][0] as string));
  return m;
}

function totalsByCustomer(ls: { customer: string; cents: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of ls) m.set(customerKey(l.customer), (m.get(customerKey(l.customer)) ?? 0) + l.cents);
  return m;
}

describe("tier properties (fast-check)", () => {
  test("row order never changes a customer's tier", () => {
    fc.assert(
      fc.property(lines, thresholds, fc.integer(), (ls, th, seed) => {
        const shuffled = [...ls]
          .map((l, i) => ({ l, k: (i * 2654435761 + seed) >>> 0 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.l);
        expect(tiersByCustomer(shuffled, th)).toEqual(tiersByCustomer(ls, th));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test("customers with equal totals share a tier", () => {
    fc.assert(
      fc.property(lines, thresholds, (ls, th) => {
        const tiers = tiersByCustomer(ls, th);
        const totals = totalsByCustomer(ls);
        for (const [a, ta] of totals) for (const [b, tb] of totals) if (ta === tb) expect(tiers.get(a)).toBe(tiers.get(b));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test("the first tier is exactly the customers needed to reach its threshold (whole tie groups)", () => {
    fc.assert(
      fc.property(lines, thresholds, (ls, th) => {
        const tiers = tiersByCustomer(ls, th);
        const totals = totalsByCustomer(ls);
        const positive = [...totals].filter(([, v]) => v > 0);
        if (positive.length === 0) return;
        const T = positive.reduce((s, [, v]) => s + v, 0); // integer cents: exact
        const first = tierFormula([[1]], undefined, undefined, [th])[0][0]; // label of tier 1
        const inFirst = positive.filter(([k]) => tiers.get(k) === first);
        const sumFirst = inFirst.reduce((s, [, v]) => s + v, 0);
        const lowest = Math.min(...inFirst.map(([, v]) => v));
        const lowestGroup = inFirst.filter(([, v]) => v === lowest).reduce((s, [, v]) => s + v, 0);
        // reaches the threshold (decimal thresholds: compare in integers scaled by 100)
        expect(sumFirst * 100 >= Math.round(th[0] * 100) * T).toBe(true);
        // and without its smallest tie group it would not
        expect((sumFirst - lowestGroup) * 100 < Math.round(th[0] * 100) * T).toBe(true);
        // every positive customer outside the first tier is smaller than every one inside
        for (const [k, v] of positive) if (tiers.get(k) !== first) expect(v).toBeLessThan(lowest);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test("a customer's tier never improves when its value drops", () => {
    fc.assert(
      fc.property(lines, thresholds, fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), (ls, th, pick, drop) => {
        const idx = pick % ls.length;
        const before = tiersByCustomer(ls, th).get(customerKey(ls[idx].customer))!;
        const dropped = ls.map((l, i) => (i === idx ? { ...l, cents: l.cents - drop } : l));
        const after = tiersByCustomer(dropped, th).get(customerKey(ls[idx].customer))!;
        // Labels are letters A, B, C… (in tier order) for every threshold set used here.
        const rank = (t: string) => (t === "Loss" ? 99 : t.charCodeAt(0));
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test("PARETO shares of the ranked customers sum to 1 and cumulative shares end at 1", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const out = paretoFormula(
          ls.map((l) => [l.customer]),
          ls.map((l) => [l.cents / 100]),
        );
        const ranked = out.slice(1).filter((r) => typeof r[0] === "number");
        const T = [...totalsByCustomer(ls).values()].filter((v) => v > 0).reduce((s, v) => s + v, 0);
        if (T === 0) return;
        const sum = ranked.reduce((s, r) => s + (r[3] as number), 0);
        expect(sum).toBeCloseTo(1, 12);
        expect(ranked[ranked.length - 1][4]).toBeCloseTo(1, 12);
        // the Total line reconciles with the plain sum of all values (in cents)
        const total = out[out.length - 1][2] as number;
        expect(Math.round(total * 100)).toBe(ls.reduce((s, l) => s + l.cents, 0));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
