/**
 * KA.TIER fuzzed through src/functions/functions.ts, as Excel calls it. Contract (size rule:
 * values' shape; see ./contract.ts) on hostile input, then the tier rule's invariants on
 * transaction lines with case/space variants of the same customers.
 */
import fc from "fast-check";
import * as KA from "../../src/functions/functions";
import {
  alignedVectors,
  anyCell,
  cellOf,
  CUSTOMER_POOL,
  customerCell,
  localeArg,
  numericText,
  omitted,
  optionalScalar,
  permute,
  rangeOf,
} from "./arbitraries";
import { fuzz } from "./config";
import { callKA, ensure, ensureSame, flat, resultOf, sizeLike } from "./contract";

const schemeArg = optionalScalar(fc.constantFrom("ABC", "KIG", "IBM", "AUTO", " abc ", "kig", "XYZ", "#N/A"));
const thresholdsArg = fc.oneof(
  { arbitrary: omitted, weight: 4 },
  {
    arbitrary: fc.constantFrom<unknown>(
      [[0.7, 0.9]],
      [[0.8], [0.95]],
      "80%, 95%",
      [[80, 95]],
      [["50%", "75%", "95%"]],
      [[0.95, 0.8]],
      [[0]],
      [[1.5]],
      [[101]],
      [[1]],
      [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]],
      "0.5；0.8",
      [[5e-324]],
      [[1, 1]],
    ),
    weight: 3,
  },
  { arbitrary: rangeOf(anyCell, 4), weight: 1 },
);
const labelsArg = fc.oneof(
  { arbitrary: omitted, weight: 4 },
  {
    arbitrary: fc.constantFrom<unknown>([["Gold", "Silver", "Bronze"]], [["x"], ["y"]], [["a", "b", "c", null]], [["a", "", "c"]]),
    weight: 2,
  },
  { arbitrary: rangeOf(anyCell, 4), weight: 1 },
);

describe("KA.TIER fuzz", () => {
  test("contract: any input gives a result of values' shape or a CustomFunctions.Error", () => {
    const args = fc.oneof(
      fc.tuple(rangeOf(cellOf()), omitted),
      alignedVectors([cellOf(), customerCell]).map(([v, c]) => [v, c] as [unknown, unknown]),
    );
    fuzz(
      fc.property(args, schemeArg, thresholdsArg, labelsArg, localeArg, ([values, customers], scheme, thresholds, labels, locale) => {
        callKA(
          () => KA.tier(values as never, customers as never, scheme, thresholds as never, labels as never, locale),
          () => sizeLike(values),
        );
      }),
    );
  });

  test("numbers stored as text give the same tiers as the numbers", () => {
    fuzz(
      fc.property(
        fc.array(fc.tuple(numericText, fc.constantFrom(...CUSTOMER_POOL)), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (lines, withCustomers) => {
          const customers = withCustomers ? lines.map(([, c]) => [c]) : undefined;
          const asNumbers = callKA(() =>
            KA.tier(
              lines.map(([n]) => [n.value]),
              customers,
            ),
          );
          const asText = callKA(() =>
            KA.tier(
              lines.map(([n]) => [n.text]),
              customers,
            ),
          );
          ensureSame(asText, asNumbers, "text vs numbers");
        },
      ),
    );
  });

  test("invariants of the tier rule on transaction lines", () => {
    fuzz(fc.property(lines, tierSetup, fc.array(fc.integer(), { maxLength: 40 }), (ls, setup, keys) => checkTierRule(ls, setup, keys)));
  });

  test("values near the top of the number range: the exact tier rule, or #NUM! when a customer's total passes 1.8e308", () => {
    const big = fc
      .record({
        customer: fc.constantFrom("A", "b", "B ", "C", "d"),
        m: fc.integer({ min: -99, max: 999 }),
        e: fc.integer({ min: 300, max: 306 }),
      })
      .filter((l) => Math.abs(l.m) * 10 ** (l.e - 300) < 1.79e8);
    fuzz(
      fc.property(fc.array(big, { minLength: 1, maxLength: 12 }), fc.boolean(), (ls, withCustomers) => {
        // Exact values in units of 1e300.
        const units = ls.map((l) => BigInt(l.m) * 10n ** BigInt(l.e - 300));
        const keys = ls.map((l, i) => (withCustomers ? keyOf(l.customer) : String(i)));
        const totals = new Map<string, bigint>();
        const limit = (17976931348623157n * 10n ** 292n) / 10n ** 300n; // 1.7976931348623157e308 in units
        // #NUM! is allowed when a customer's total, or its running sum in row order (as Excel's
        // SUM adds), comes within 1% of the largest double.
        let near = false;
        keys.forEach((k, i) => {
          const t = (totals.get(k) ?? 0n) + units[i];
          totals.set(k, t);
          if (t * 100n > limit * 99n || -t * 100n > limit * 99n) near = true;
        });
        const o = callKA(
          () =>
            KA.tier(
              ls.map((l) => [Number(`${l.m}e${l.e}`)]),
              withCustomers ? ls.map((l) => [l.customer]) : undefined,
            ),
          () => [ls.length, 1],
        );
        const beyond = [...totals.values()].some((t) => t > limit || -t > limit);
        if (o.kind === "error") {
          ensure(o.code === "#NUM!" && near, () => `${o.code} ${o.message}`);
          return;
        }
        ensure(!beyond, () => "a customer's total is beyond the number range, yet no #NUM!");
        const out = flat(o.value);
        const positive = [...totals].filter(([, t]) => t > 0n);
        const T = positive.reduce((s, [, t]) => s + t, 0n);
        keys.forEach((k, i) => {
          const t = totals.get(k)!;
          const above = positive.filter(([, u]) => u > t).reduce((s, [, u]) => s + u, 0n);
          const expected = t < 0n ? "Loss" : t === 0n ? "C" : above * 100n < 80n * T ? "A" : above * 100n < 95n * T ? "B" : "C";
          ensure(out[i] === expected, () => `row ${i} (${k}: ${t}e300) is ${out[i]}, expected ${expected}`);
        });
      }),
      0.5,
    );
  });

  test("a customer's tier never improves when its value drops", () => {
    fuzz(
      fc.property(lines, tierSetup, fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), (ls, setup, pick, drop) => {
        const valued = ls.flatMap((l, i) => (l.cents === null ? [] : [i]));
        fc.pre(valued.length > 0);
        const idx = valued[pick % valued.length];
        const before = tiersOf(ls, setup);
        const dropped = ls.map((l, i) => (i === idx ? { ...l, cents: (l.cents ?? 0) - drop } : l));
        const after = tiersOf(dropped, setup);
        const key = keyOf(ls[idx].customer);
        ensure(
          rankOf(after.get(key)!, setup) >= rankOf(before.get(key)!, setup),
          () => `${key}: ${before.get(key)} became ${after.get(key)}`,
        );
      }),
    );
  });
});

// -------------------------------------------------------------------------------------------

interface Line {
  customer: string;
  /** null: a blank value cell. */
  cents: number | null;
}

/** Lines of a small customer pool, spelled with different case and spaces; a few blank values. */
const lines: fc.Arbitrary<Line[]> = fc.array(
  fc.record({
    customer: fc.constantFrom(...CUSTOMER_POOL),
    cents: fc.oneof(
      { arbitrary: fc.integer({ min: -50_000, max: 2_000_000 }), weight: 8 },
      { arbitrary: fc.constantFrom(0, 100, 100_000), weight: 2 },
      { arbitrary: fc.constant(null), weight: 1 },
    ),
  }),
  { minLength: 1, maxLength: 40 },
);

interface TierSetup {
  scheme: "ABC" | "KIG" | "IBM";
  /** Percent thresholds (integers), or null for the scheme's. */
  thresholds: number[] | null;
}

const SCHEME_THRESHOLDS = { ABC: [80, 95], KIG: [64, 80], IBM: [50, 75, 95] } as const;

const tierSetup: fc.Arbitrary<TierSetup> = fc.record({
  scheme: fc.constantFrom("ABC", "KIG", "IBM"),
  thresholds: fc.option(
    fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }).map((xs) => [...xs].sort((a, b) => a - b)),
  ),
});

const percents = (s: TierSetup): readonly number[] => s.thresholds ?? SCHEME_THRESHOLDS[s.scheme];
const labelsFor = (s: TierSetup) => Array.from({ length: percents(s).length + 1 }, (_, i) => `T${i}`);
const keyOf = (name: string) => name.trim().toLowerCase();

function callTier(ls: Line[], s: TierSetup): unknown[] {
  const values = ls.map((l) => [l.cents === null ? null : l.cents / 100]);
  const customers = ls.map((l) => [l.customer]);
  const thresholds = s.thresholds ? [s.thresholds.map((p) => p / 100)] : undefined;
  return flat(resultOf(callKA(() => KA.tier(values, customers, s.scheme, thresholds, [labelsFor(s)]))));
}

/** Tier per customer key; every row of a customer must show the same tier. */
function tiersOf(ls: Line[], s: TierSetup): Map<string, string> {
  const out = callTier(ls, s);
  const m = new Map<string, string>();
  ls.forEach((l, i) => {
    const k = keyOf(l.customer);
    const t = out[i] as string;
    if (m.has(k) && m.get(k) !== t) throw new Error(`rows of ${k} show ${m.get(k)} and ${t}`);
    m.set(k, t);
  });
  return m;
}

/** Tier index (0 best); Loss after the last tier; "" (no value) last. */
function rankOf(t: string, s: TierSetup): number {
  const n = percents(s).length + 1;
  if (t === "Loss") return n;
  if (t === "") return n + 1;
  return Number(t.slice(1));
}

function totalsOf(ls: Line[]): Map<string, number | null> {
  const m = new Map<string, number | null>();
  for (const l of ls) {
    const k = keyOf(l.customer);
    const prev = m.has(k) ? m.get(k)! : null;
    m.set(k, l.cents === null ? prev : (prev ?? 0) + l.cents);
  }
  return m;
}

function checkTierRule(ls: Line[], s: TierSetup, keys: number[]): void {
  const tiers = tiersOf(ls, s);
  const totals = totalsOf(ls); // integer cents: exact

  // Row order never changes a customer's tier.
  ensureSame([...tiersOf(permute(ls, keys), s)].sort(), [...tiers].sort(), "tiers after reordering the rows");

  const n = percents(s).length + 1;
  for (const [k, total] of totals) {
    const t = tiers.get(k)!;
    const expected = total === null ? "" : total < 0 ? "Loss" : total === 0 ? `T${n - 1}` : null; // blank values: no result; zero: last tier
    ensure(expected === null ? /^T\d$/.test(t) : t === expected, () => `${k} (total ${total}) is "${t}"`);
  }

  // Ties share a tier; a larger total never has a worse tier.
  const positive = [...totals].filter((e): e is [string, number] => e[1] !== null && e[1] > 0);
  for (const [a, va] of positive) {
    for (const [b, vb] of positive) {
      if (va === vb) ensure(tiers.get(a) === tiers.get(b), () => `tie ${a}/${b} (${va}): ${tiers.get(a)} vs ${tiers.get(b)}`);
      if (va > vb) ensure(rankOf(tiers.get(a)!, s) <= rankOf(tiers.get(b)!, s), () => `${a} (${va}) is below ${b} (${vb})`);
    }
  }
  if (positive.length === 0) return;

  // Tier j holds exactly the customers whose exclusive share (of strictly greater totals) is
  // in [threshold j-1, threshold j): so the first tier is exactly the top customers needed to
  // reach its threshold. Integer arithmetic: share·100 vs percent·T.
  const T = positive.reduce((sum, [, v]) => sum + v, 0);
  const p = percents(s);
  for (const [k, v] of positive) {
    const above = positive.filter(([, w]) => w > v).reduce((sum, [, w]) => sum + w, 0);
    let expected = 0;
    while (expected < p.length && !(above * 100 < p[expected] * T)) expected++;
    ensure(tiers.get(k) === `T${expected}`, () => `${k} (${v} of ${T}, ${above} above) is ${tiers.get(k)}, not T${expected}`);
  }
  const first = positive.filter(([k]) => tiers.get(k) === "T0");
  const sumFirst = first.reduce((sum, [, v]) => sum + v, 0);
  const lowest = Math.min(...first.map(([, v]) => v));
  const lowestGroup = first.filter(([, v]) => v === lowest).reduce((sum, [, v]) => sum + v, 0);
  ensure(sumFirst * 100 >= p[0] * T, () => `the first tier (${sumFirst} of ${T}) does not reach ${p[0]}%`);
  ensure((sumFirst - lowestGroup) * 100 < p[0] * T, () => `the first tier reaches ${p[0]}% without its smallest customers`);
}
