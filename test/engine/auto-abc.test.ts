/**
 * Tests for the computed ABC analysis borders (Ultsch & Lötsch 2015, PLoS ONE 10(6): e0129767).
 *
 * Nothing here calls the implementation to get an expected value. Expected borders come from
 * hand computation (the worked examples) or from `referenceBorders`, a brute-force evaluation
 * of the method's definitions on the ABC curve's vertices in exact integer arithmetic (full
 * scans, no early exit). Tiers are obtained from the returned thresholds with the engine's rule
 * ("tier A if the exclusive cumulative share is below tA, else B if below tB, else C"), decided
 * exactly with BigInt, reading each threshold both as its binary value and as its shortest
 * decimal text (the engine reads the decimal text; both must agree).
 */
import fc from "fast-check";
import { computedAbcThresholds } from "../../src/engine/auto-abc";

// ---------- exact arithmetic helpers ----------

const SCALE = 1074n; // every finite double times 2^1074 is an integer

/** x · 2^1074 as an exact BigInt (x finite, >= 0). */
function scaled(x: number): bigint {
  if (x === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biasedExp = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biasedExp === 0) return frac; // subnormal: frac · 2^-1074
  return (frac | (1n << 52n)) << BigInt(biasedExp - 1); // mant · 2^(E-1075) · 2^1074
}

/** The shortest decimal text of t as mantissa · 10^exponent (what the engine compares with). */
function decimalText(t: number): { m: bigint; e: number } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/.exec(String(t));
  if (!match) throw new Error(`unexpected number text ${String(t)}`);
  const [, int, frac = "", exp = "0"] = match;
  return { m: BigInt(int + frac), e: Number(exp) - frac.length };
}

/** above / total < t, exactly; above and total are scaled BigInts. Checks binary and decimal reading agree. */
function shareBelow(above: bigint, total: bigint, t: number): boolean {
  const binary = above * (1n << SCALE) < scaled(t) * total;
  const { m, e } = decimalText(t);
  const decimal = e >= 0 ? above < m * 10n ** BigInt(e) * total : above * 10n ** BigInt(-e) < m * total;
  if (binary !== decimal) throw new Error(`threshold ${t} is read differently as binary and as decimal text`);
  return binary;
}

const A = 0;
const B = 1;
const C = 2;

/** Tier per value (in descending order) by the engine's rule, decided exactly. */
function tiersByRule(desc: readonly number[], [tA, tB]: readonly [number, number]): number[] {
  const big = desc.map(scaled);
  const total = big.reduce((s, v) => s + v, 0n);
  const out: number[] = [];
  let above = 0n; // sum of values strictly greater than the current group
  for (let i = 0; i < desc.length;) {
    let j = i;
    let group = 0n;
    while (j < desc.length && desc[j] === desc[i]) group += big[j++];
    const tier = shareBelow(above, total, tA) ? A : shareBelow(above, total, tB) ? B : C;
    for (let k = i; k < j; k++) out.push(tier);
    above += group;
    i = j;
  }
  return out;
}

function counts(tiers: readonly number[]): [number, number, number] {
  const c: [number, number, number] = [0, 0, 0];
  for (const t of tiers) c[t]++;
  return c;
}

function run(values: readonly number[]): [number, number] {
  return computedAbcThresholds(Float64Array.from(values).sort());
}

function desc(values: readonly number[]): number[] {
  return [...values].sort((a, b) => b - a);
}

function expectValid([tA, tB]: readonly [number, number]): void {
  expect(Number.isFinite(tA)).toBe(true);
  expect(Number.isFinite(tB)).toBe(true);
  expect(tA).toBeGreaterThan(0);
  expect(tA).toBeLessThan(tB);
  expect(tB).toBeLessThanOrEqual(1);
}

// ---------- brute-force reference of the method (exact, integer data) ----------

/** All i in 0..n whose f(i) is the minimum (within a relative 1e-9: float rounding may pick either). */
function argmins(n: number, f: (i: number) => bigint): number[] {
  let min = f(0);
  for (let i = 1; i <= n; i++) {
    const v = f(i);
    if (v < min) min = v;
  }
  const slack = min / 1_000_000_000n;
  const out: number[] = [];
  for (let i = 0; i <= n; i++) if (f(i) - min <= slack) out.push(i);
  return out;
}

/**
 * The method's borders on the vertices (i/n, Y_i) of the ABC curve, for positive integers
 * sorted descending (not all equal). Distances are scaled by n²·S² to stay integral:
 *   Pareto:      (i/n)² + (1 - Y_i)²           -> (i·S)² + (n·(S - A_i))²
 *   break-even:  slope of segment i is n·v_i/S; it passes 1 after the last v with n·v >= S
 *   submarginal: (i/n - kB/n)² + (1 - Y_i)²    -> ((i - kB)·S)² + (n·(S - A_i))²
 * kA = min(kP, kBE), kB = max(kP, kBE). Returns every (kA, kC) that a near-tie allows.
 */
function referenceBorders(descInts: readonly number[]): { kA: number; kC: number }[] {
  const n = descInts.length;
  const N = BigInt(n);
  const pre: bigint[] = [0n];
  for (const v of descInts) pre.push(pre[pre.length - 1] + BigInt(v));
  const S = pre[n];
  const kPs = argmins(n, (i) => (BigInt(i) * S) ** 2n + (N * (S - pre[i])) ** 2n);
  const gt = descInts.filter((v) => BigInt(v) * N > S).length;
  const ge = descInts.filter((v) => BigInt(v) * N >= S).length;
  const kBEs = gt === ge ? [ge] : [gt, ge]; // a value exactly at the mean: float may see either side
  const out: { kA: number; kC: number }[] = [];
  for (const kP of kPs) {
    for (const kBE of kBEs) {
      const kA = Math.min(kP, kBE);
      const kB = Math.max(kP, kBE);
      for (const kC of argmins(n, (i) => (BigInt(i - kB) * S) ** 2n + (N * (S - pre[i])) ** 2n)) out.push({ kA, kC });
    }
  }
  return out;
}

/** Tiers the method assigns: a value's tie group starting at 1-based position g is A if g <= kA, B if g <= kC. */
function expectedTiers(descInts: readonly number[], kA: number, kC: number): number[] {
  const out: number[] = [];
  let g = 1;
  for (let i = 0; i < descInts.length; i++) {
    if (i > 0 && descInts[i] !== descInts[i - 1]) g = i + 1;
    out.push(g <= kA ? A : g <= kC ? B : C);
  }
  return out;
}

/** Seeded PRNG (mulberry32): uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lognormalCents(n: number, sigma: number, seed: number): number[] {
  const rnd = mulberry32(seed);
  const out: number[] = [];
  while (out.length < n) {
    const u1 = 1 - rnd();
    const u2 = rnd();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2); // Box-Muller
    out.push(1 + Math.round(100 * Math.exp(7 + sigma * z)));
  }
  return out;
}

/** Pareto (type I, x_m = 1) values in cents; alpha = log(5)/log(4) ≈ 1.16 gives the 80/20 law. */
function paretoCents(n: number, alpha: number, seed: number): number[] {
  const rnd = mulberry32(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Math.round(100 * (1 - rnd()) ** (-1 / alpha)));
  return out;
}

/** Asserts the thresholds produce exactly the method's tiers (some near-tie branch of them). */
function expectMethodTiers(values: readonly number[]): { tiers: number[]; kA: number; kC: number } {
  const d = desc(values);
  const t = run(values);
  expectValid(t);
  const tiers = tiersByRule(d, t);
  const candidates = referenceBorders(d);
  const match = candidates.find(({ kA, kC }) => expectedTiers(d, kA, kC).every((x, i) => x === tiers[i]));
  if (!match) {
    throw new Error(
      `tiers ${JSON.stringify(counts(tiers))} match no reference border ${JSON.stringify(candidates)} for ${JSON.stringify(d)}`,
    );
  }
  return { tiers, ...match };
}

// ---------- tests ----------

describe("computedAbcThresholds: worked examples (computed by hand from the method)", () => {
  test("Pareto point left of the break-even point", () => {
    // 10 values, total 100, mean 10. Y_i = .40 .60 .72 .83 .89 .93 .96 .98 .99 1.00, x_i = i/10.
    // Pareto, (x)² + (1-Y)²: i=1 .01+.36=.37, i=2 .04+.16=.20, i=3 .09+.0784=.1684,
    //   i=4 .16+.0289=.1889, i=5 .25+.0121=.2621, rising from there  -> kP = 3.
    // Break-even: values >= mean: 40, 20, 12, 11                      -> kBE = 4.
    // A|B = min -> kA = 3; Bx = 4/10. Submarginal, (x-.4)² + (1-Y)²: i=4 0+.0289=.0289,
    //   i=5 .01+.0121=.0221, i=6 .04+.0049=.0449, rising               -> kC = 5.
    const values = [3, 40, 1, 11, 6, 20, 2, 4, 12, 1];
    const t = run(values);
    expectValid(t);
    expect(t[0]).toBeCloseTo(0.72, 12); // A holds the top 3 = 72 % of the value
    expect(t[1]).toBeCloseTo(0.89, 12); // A ∪ B holds the top 5 = 89 %
    expect(tiersByRule(desc(values), t)).toEqual([A, A, A, B, B, C, C, C, C, C]);
    expect(referenceBorders(desc(values))).toEqual([{ kA: 3, kC: 5 }]); // the reference agrees, uniquely
  });

  test("break-even point left of the Pareto point (A and B points exchanged)", () => {
    // Total 100, mean 10. Y = .60 .68 .76 .83 .90 .95 .97 .98 .99 1.
    // Pareto: i=1 .01+.16=.17, i=2 .04+.1024=.1424, i=3 .09+.0576=.1476 -> kP = 2.
    // Break-even: only 60 >= 10                                          -> kBE = 1.
    // kA = 1; Bx = 2/10. Submarginal: i=2 0+.1024, i=3 .01+.0576=.0676, i=4 .04+.0289=.0689 -> kC = 3.
    // The tie 8, 8 sits at positions 2 and 3, both inside B; the tie 7, 7 both in C.
    const values = [8, 1, 60, 7, 2, 1, 8, 5, 7, 1];
    const t = run(values);
    expectValid(t);
    expect(t[0]).toBeCloseTo(0.6, 12);
    expect(t[1]).toBeCloseTo(0.76, 12);
    expect(tiersByRule(desc(values), t)).toEqual([A, B, B, C, C, C, C, C, C, C]);
    expect(referenceBorders(desc(values))).toEqual([{ kA: 1, kC: 3 }]);
  });

  test("a value exactly at the mean: break-even is the right end of its slope-1 segment", () => {
    // Total 100, n = 10, mean exactly 10. Y = .40 .60 .72 .82 .89 .93 .96 .98 .99 1.
    // Pareto: i=3 .09+.0784=.1684 < i=2 .20, i=4 .16+.0324=.1924                  -> kP = 3.
    // Segment 4 (value 10) has slope exactly 1: the break-even points span x in [.3, .4];
    // the package takes the rightmost                                              -> kBE = 4.
    // Bx = .4. Submarginal: i=4 .0324, i=5 .01+.0121=.0221, i=6 .04+.0049=.0449   -> kC = 5.
    // (Taking the left end, kBE = 3, would give Bx = .3 and kC = 4: i=4 .01+.0324=.0424 < i=5 .0521.)
    const values = [40, 20, 12, 10, 7, 4, 3, 2, 1, 1];
    expect(tiersByRule(values, run(values))).toEqual([A, A, A, B, B, C, C, C, C, C]);
  });

  test("a tie group straddling a border goes whole to the upper tier", () => {
    // Total 100, mean 10. Y = .50 .65 .80 .85 .90 .94 .97 .99 1.00 (n = 9).
    // Pareto (x = i/9): i=2 .0494+.1225=.1719, i=3 .1111+.04=.1511, i=4 .1975+.0225=.2200 -> kP = 3.
    // Break-even: 50, 15, 15 are >= 100/9                                                   -> kBE = 3.
    // Bx = 3/9. Submarginal: i=3 .04, i=4 .0123+.0225=.0348, i=5 .0494+.01=.0594          -> kC = 4.
    // Border after position 4 cuts the tie 5, 5 (positions 4 and 5): both are B.
    const values = [50, 15, 15, 5, 5, 4, 3, 2, 1];
    const t = run(values);
    expect(tiersByRule(desc(values), t)).toEqual([A, A, A, B, B, C, C, C, C]);
    expect(referenceBorders(desc(values))).toEqual([{ kA: 3, kC: 4 }]);
  });
});

describe("computedAbcThresholds: edge cases", () => {
  test("empty input returns the documented 80/95 fallback", () => {
    expect(computedAbcThresholds(new Float64Array(0))).toEqual([0.8, 0.95]);
  });

  test("one value: valid thresholds, the value is tier A", () => {
    for (const v of [1, 0.01, 123456.78, 1e300, 5e-324]) {
      const t = run([v]);
      expectValid(t);
      expect(tiersByRule([v], t)).toEqual([A]);
    }
  });

  test("two distinct values: top is A, the other C, B empty", () => {
    // Y1 = v1/S in (1/2, 1). Pareto: f(1) = 1/4 + (1-Y1)² < 1/2 < f(0) = f(2) = 1 -> kP = 1.
    // Break-even: only v1 > mean -> kBE = 1. Bx = 1/2. Submarginal: f(1) = (1-Y1)² < 1/4 = f(2) -> kC = 1.
    for (const pair of [
      [3, 1],
      [1.0000001, 1],
      [1e15, 1],
      [0.02, 0.01],
    ]) {
      const t = run(pair);
      expectValid(t);
      expect(tiersByRule(desc(pair), t)).toEqual([A, C]);
    }
  });

  test("all values equal: every exclusive share is 0, so all are A", () => {
    for (const [v, n] of [
      [1, 2],
      [0.1, 3],
      [7, 1000],
      [1e-300, 17],
    ] as const) {
      const values = new Array<number>(n).fill(v);
      const t = run(values);
      expectValid(t);
      expect(counts(tiersByRule(values, t))).toEqual([n, 0, 0]);
    }
    // The documented values: the ABC curve is the diagonal; Pareto point (1/2, 1/2); slope 1
    // everywhere, so the rightmost break-even point (1, 1) is also the submarginal point.
    expect(run([4, 4, 4, 4])).toEqual([0.5, 1]);
  });

  test("extremely skewed: one huge value is A alone, the rest C", () => {
    // 10^12 and 999 ones: Y1 = 1 - 999/(10^12 + 999). Pareto f(1) ≈ 1e-6 < f(2) ≈ 4e-6; the
    // mean ≈ 1e9 so kBE = 1; Bx = 1/1000; submarginal f(1) ≈ 1e-18 < f(2) ≈ 1e-6: kC = 1, B empty.
    const values = [1e12, ...new Array<number>(999).fill(1)];
    const t = run(values);
    expectValid(t);
    expect(counts(tiersByRule(desc(values), t))).toEqual([1, 0, 999]);
    // Same with a share of the rest far below double precision (Y1 rounds to 1 in floating point).
    const tiny = [1e300, ...new Array<number>(10).fill(1e-300)];
    const t2 = run(tiny);
    expectValid(t2);
    expect(counts(tiersByRule(desc(tiny), t2))).toEqual([1, 0, 10]);
  });

  test("a total that overflows does not throw and returns valid thresholds", () => {
    expectValid(run([1.7e308, 1.7e308, 1]));
  });

  test("the input array is not modified", () => {
    const input = Float64Array.from([1, 2, 3, 5, 8, 13, 21, 34, 55, 89]);
    const copy = Float64Array.from(input);
    computedAbcThresholds(input);
    expect(input).toEqual(copy);
  });
});

describe("computedAbcThresholds: agrees with the method's definitions", () => {
  test("random integer data, many ties: tiers equal the brute-force reference", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).chain((max) => fc.array(fc.integer({ min: 1, max }), { minLength: 2, maxLength: 80 })),
        (values) => {
          if (values.every((v) => v === values[0])) return; // all equal: separate test
          expectMethodTiers(values);
        },
      ),
      { seed: 20150629, numRuns: 400 },
    );
  });

  test("invariants: valid, monotone, top is A, A holds only values >= mean, A ⊆ A∪B", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 120 }), (values) => {
        const t = run(values);
        expectValid(t);
        const d = desc(values);
        const tiers = tiersByRule(d, t);
        expect(tiers[0]).toBe(A);
        for (let i = 1; i < tiers.length; i++) expect(tiers[i]).toBeGreaterThanOrEqual(tiers[i - 1]);
        const total = values.reduce((s, v) => s + v, 0);
        // kA <= kBE: every A value is at least the mean (slope of its segment >= 1)
        d.forEach((v, i) => {
          if (tiers[i] === A) expect(v * values.length).toBeGreaterThanOrEqual(total);
        });
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  test("heavy-tailed samples: A is a minority of customers holding most of the value", () => {
    const samples = [
      { name: "lognormal σ=1.5", values: lognormalCents(5000, 1.5, 1) },
      { name: "lognormal σ=2", values: lognormalCents(3000, 2, 2) },
      { name: "Pareto α=1.16 (80/20)", values: paretoCents(4000, Math.log(5) / Math.log(4), 3) },
    ];
    for (const { values } of samples) {
      const { tiers } = expectMethodTiers(values);
      const d = desc(values);
      const total = d.reduce((s, v) => s + v, 0);
      const [nA, nB, nC] = counts(tiers);
      const valueA = d.reduce((s, v, i) => (tiers[i] === A ? s + v : s), 0);
      expect(nA).toBeGreaterThan(0);
      expect(nA).toBeLessThan(d.length / 2);
      expect(valueA / total).toBeGreaterThan(0.5);
      expect(valueA / total).toBeGreaterThan((2 * nA) / d.length); // far more value than headcount
      expect(nB).toBeGreaterThan(0);
      expect(nC).toBeGreaterThan(nA); // the "trivial many"
    }
  });
});

describe("computedAbcThresholds: 1,048,576 values", () => {
  const n = 1 << 20;
  const values = paretoCents(n, 1.16, 42); // integers, total < 2^53: every prefix sum is exact
  const posAsc = Float64Array.from(values).sort();

  test("borders equal a full-scan reference of the definitions", () => {
    const t = computedAbcThresholds(posAsc);
    expectValid(t);
    // Reference: full scans in double arithmetic on exact integer prefix sums (descending order).
    const d = Float64Array.from(posAsc).reverse();
    const above = new Float64Array(n + 1); // above[i] = sum of the i largest values
    for (let i = 0; i < n; i++) above[i + 1] = above[i] + d[i];
    const S = above[n];
    let kP = 0;
    let best = Infinity;
    for (let i = 0; i <= n; i++) {
      const f = (i / n) ** 2 + ((S - above[i]) / S) ** 2;
      if (f < best) [best, kP] = [f, i];
    }
    let kBE = 0;
    for (let i = 0; i < n; i++) if (d[i] * n >= S) kBE++; // n = 2^20: d[i]·n is exact
    const kA = Math.min(kP, kBE);
    const kB = Math.max(kP, kBE);
    let kC = 0;
    best = Infinity;
    for (let i = 0; i <= n; i++) {
      const f = ((i - kB) / n) ** 2 + ((S - above[i]) / S) ** 2;
      if (f < best) [best, kC] = [f, i];
    }
    // Where do the thresholds cut? A value at position i (0-based) with tie group starting at g
    // has exclusive share above[g] / S; count positions whose share is below each threshold.
    const groupAbove = new Float64Array(n);
    for (let i = 0; i < n; i++) groupAbove[i] = i > 0 && d[i] === d[i - 1] ? groupAbove[i - 1] : above[i];
    const Sbig = scaled(S);
    const countBelow = (thr: number): number => {
      let lo = 0;
      let hi = n; // first position whose share is not below thr (shares are nondecreasing)
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (shareBelow(scaled(groupAbove[mid]), Sbig, thr)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // Expected cut = end of the tie group containing the border position.
    const cut = (k: number): number => {
      let e = k;
      while (e > 0 && e < n && d[e] === d[e - 1]) e++;
      return e;
    };
    expect(countBelow(t[0])).toBe(cut(kA));
    expect(countBelow(t[1])).toBe(cut(kC));
    expect(kA).toBeLessThan(n / 2); // sanity of the data: heavy tail
  });
});
