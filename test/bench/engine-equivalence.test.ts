/**
 * The benchmark's hot-path work must not change behaviour. The engine as it is now is compared
 * with a reference engine: the same live engine with only the hot-path files swapped for their
 * versions before that work (test/bench/reference/engine: input/range, input/numeric-vector,
 * input/customer-vector, ranking, tiers and formulas/tier as of d8297f3; aggregate as of 58d444d),
 * so that fixes others make in the rest of the engine are on both sides and only the hot-path
 * changes are compared (the total-row rule, new behaviour, is applied in both aggregates).
 * Seeded random inputs around and far above the sizes where the fast paths start (radix sorts
 * from 512 values), tricky customer texts; formula results, thrown errors and the exported
 * building blocks other surfaces use (aggregation, ranking, tiers, concentration).
 */
import "../support/custom-functions-runtime";
import { aggregateByCustomer } from "../../src/engine/aggregate";
import { concentrationFormula } from "../../src/engine/formulas/concentration";
import { paretoFormula } from "../../src/engine/formulas/pareto";
import { tierFormula } from "../../src/engine/formulas/tier";
import { cellText } from "../../src/engine/input/cells";
import { compareNameKeys, customerKey, readCustomerVector } from "../../src/engine/input/customer-vector";
import { readNumericVector } from "../../src/engine/input/numeric-vector";
import { columnVector, vectorOf } from "../../src/engine/input/range";
import { lossCustomers, rankCustomers, sortIdsByValueDescending, sortNonNegativeAscending } from "../../src/engine/ranking";
import { assignTiers, tierCutoffs, tierSpecOf } from "../../src/engine/tiers";
import { Random } from "../../src/sample/prng";

/** The hot-path modules and their versions before the benchmark work. */
const SWAPS: [string, string][] = [
  ["../../src/engine/input/range", "./reference/engine/input/range"],
  ["../../src/engine/input/numeric-vector", "./reference/engine/input/numeric-vector"],
  ["../../src/engine/input/customer-vector", "./reference/engine/input/customer-vector"],
  ["../../src/engine/ranking", "./reference/engine/ranking"],
  ["../../src/engine/tiers", "./reference/engine/tiers"],
  ["../../src/engine/formulas/tier", "./reference/engine/formulas/tier"],
  ["../../src/engine/aggregate", "./reference/engine/aggregate"],
];

/* eslint-disable @typescript-eslint/no-require-imports -- jest.doMock applies only to modules required after it, inside isolateModules */
function referenceEngine() {
  let engine: {
    refAggregate: typeof import("./reference/engine/aggregate");
    refConcentration: typeof import("../../src/engine/formulas/concentration");
    refPareto: typeof import("../../src/engine/formulas/pareto");
    refTier: typeof import("./reference/engine/formulas/tier");
    refCustomers: typeof import("./reference/engine/input/customer-vector");
    refNumbers: typeof import("./reference/engine/input/numeric-vector");
    refRange: typeof import("./reference/engine/input/range");
    refRanking: typeof import("./reference/engine/ranking");
    refTiers: typeof import("./reference/engine/tiers");
  } | null = null;
  jest.isolateModules(() => {
    for (const [live, ref] of SWAPS) jest.doMock(live, () => jest.requireActual<object>(ref));
    // Each require gets the type of the module it loads (the swapped modules: their reference's).
    engine = {
      refAggregate: require("../../src/engine/aggregate") as typeof import("./reference/engine/aggregate"),
      refConcentration: require("../../src/engine/formulas/concentration") as typeof import("../../src/engine/formulas/concentration"),
      refPareto: require("../../src/engine/formulas/pareto") as typeof import("../../src/engine/formulas/pareto"),
      refTier: require("../../src/engine/formulas/tier") as typeof import("./reference/engine/formulas/tier"),
      refCustomers: require("../../src/engine/input/customer-vector") as typeof import("./reference/engine/input/customer-vector"),
      refNumbers: require("../../src/engine/input/numeric-vector") as typeof import("./reference/engine/input/numeric-vector"),
      refRange: require("../../src/engine/input/range") as typeof import("./reference/engine/input/range"),
      refRanking: require("../../src/engine/ranking") as typeof import("./reference/engine/ranking"),
      refTiers: require("../../src/engine/tiers") as typeof import("./reference/engine/tiers"),
    };
  });
  return engine!;
}
const { refAggregate, refConcentration, refPareto, refTier, refCustomers, refNumbers, refRange, refRanking, refTiers } = referenceEngine();

/** A canonical text of any result or thrown error: -0, NaN, typed arrays and errors spelled out. */
function canon(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (typeof v === "number")
      return Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : v === Infinity ? "Inf" : v === -Infinity ? "-Inf" : v;
    if (ArrayBuffer.isView(v))
      return {
        typed: v.constructor.name,
        values: Array.from(v as unknown as ArrayLike<number>, (n) => (Object.is(n, -0) ? "-0" : Number.isNaN(n) ? "NaN" : n)),
      };
    if (v instanceof Error) return { error: v.name, message: v.message, ...(v as unknown as Record<string, unknown>) };
    return v;
  });
}

function outcome(f: () => unknown): string {
  try {
    return canon({ ok: f() });
  } catch (e) {
    return canon({ thrown: e });
  }
}

function same(what: string, a: () => unknown, b: () => unknown): void {
  const x = outcome(a);
  const y = outcome(b);
  if (x !== y) {
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    throw new Error(
      `${what}: differs at char ${i}\n now: ${x.slice(Math.max(0, i - 200), i + 200)}\n ref: ${y.slice(Math.max(0, i - 200), i + 200)}`,
    );
  }
}

/**
 * The customer vector and totals as the reference engine had them, and a check of what was
 * added since: namesAscending is true exactly when every name key sorts after the one before.
 */
function asBefore<T extends { names: readonly string[]; namesAscending: boolean }>(x: T): Omit<T, "namesAscending"> {
  const keys = x.names.map(customerKey);
  const ascending = keys.every((k, i) => i === 0 || keys[i - 1] < k);
  if (x.namesAscending !== ascending) throw new Error(`namesAscending is ${x.namesAscending} for ${JSON.stringify(x.names.slice(0, 20))}`);
  const { namesAscending: _, ...rest } = x;
  return rest;
}

const POOL = [100, 250.5, 1234.56, 0.1, 0.7, 0.09, 0.06, 0.05, 99, 1, 2, 3, 5e-324, 1e15, 333.33];
const NAMES = ["Acme", "acme ", " ACME", "Beta", "beta", "Gamma GmbH", "Δelta", "客户甲", "客户乙", "Zeta", "zeta  ", "Omega"];

type Mix = "money" | "ties" | "integers" | "messy" | "zeros";

function valueCell(r: Random, mix: Mix): unknown {
  const u = r.next();
  switch (mix) {
    case "money":
      return u < 0.03 ? -Math.round(r.lognormal(5, 1) * 100) / 100 : Math.round(r.lognormal(7, 1.8) * 100) / 100;
    case "ties":
      return u < 0.05 ? 0 : u < 0.1 ? -r.pick(POOL) : r.pick(POOL);
    case "integers":
      return u < 0.05 ? -r.int(1, 50) : r.int(0, 2000);
    case "zeros":
      return u < 0.6 ? 0 : u < 0.7 ? null : r.int(1, 5);
    case "messy": {
      if (u < 0.05) return null;
      if (u < 0.08) return "";
      if (u < 0.1) return "   ";
      if (u < 0.14) return `${r.int(1, 9)},${String(r.int(0, 999)).padStart(3, "0")}.${r.int(10, 99)}`;
      if (u < 0.16) return `(${r.int(1, 500)})`;
      if (u < 0.18) return "12%";
      if (u < 0.2) return -0;
      if (u < 0.25) return 0;
      return r.pick(POOL) * (r.chance(0.1) ? -1 : 1);
    }
  }
}

function customerCell(r: Random, count: number): unknown {
  const u = r.next();
  if (u < 0.02) return null;
  if (u < 0.03) return "";
  if (u < 0.04) return r.int(1, 20);
  if (u < 0.045) return r.chance(0.5);
  if (u < 0.3) return r.pick(NAMES);
  const c = r.int(1, count);
  return r.chance(0.1) ? ` customer ${c}` : `Customer ${c}`;
}

interface Case {
  readonly values: unknown[][];
  readonly customers: unknown[][] | undefined;
  readonly scheme: string | undefined;
  readonly thresholds: unknown;
  readonly locale: string;
  readonly topN: number | undefined;
}

function makeCase(seed: number, n: number, mix: Mix, withCustomers: boolean, asRow: boolean): Case {
  const r = new Random(seed, n);
  const vals = Array.from({ length: n }, () => valueCell(r, mix));
  const custs = withCustomers ? Array.from({ length: n }, () => customerCell(r, Math.max(2, Math.floor(n / r.int(1, 20))))) : null;
  const shape = (xs: unknown[]) => (asRow ? [xs] : xs.map((x) => [x]));
  const scheme = r.pick([undefined, "ABC", "KIG", "IBM", "AUTO"]);
  return {
    values: shape(vals),
    customers: custs ? shape(custs) : undefined,
    scheme,
    thresholds: r.chance(0.2) ? [[0.7, 0.9]] : undefined,
    locale: r.pick(["en", "zh"]),
    topN: r.chance(0.3) ? r.int(1, 50) : undefined,
  };
}

const SIZES = [2, 7, 40, 300, 511, 512, 513, 900, 2048, 5000, 20000];
const MIXES: Mix[] = ["money", "ties", "integers", "messy", "zeros"];

describe("hot paths behave exactly as the engine before the benchmark work", () => {
  test("the reference engine runs the old hot paths", () => {
    expect((refRanking as Record<string, unknown>).sortIdsByValueDescending).toBeUndefined();
    expect((refRange as Record<string, unknown>).cellOfRow).toBeUndefined();
    expect(refPareto.paretoFormula).not.toBe(paretoFormula);
    expect(refAggregate.aggregateByCustomer).not.toBe(aggregateByCustomer);
    expect("namesAscending" in refCustomers.readCustomerVector(refRange.vectorOf([["a"]], "c"))).toBe(false);
  });

  test("per-row customers: totals are the values less the blanks, names empty", () => {
    for (const values of [
      [3, 1, 2],
      [3, null, 2, "", 0],
    ]) {
      const nums = readNumericVector(
        vectorOf(
          values.map((x) => [x]),
          "values",
        ),
      );
      const t = aggregateByCustomer(nums, null);
      const kept = values.filter((x) => x !== null && x !== "");
      expect(Array.from(t.totals)).toEqual(kept);
      expect(t.names).toEqual(kept.map(() => ""));
      expect(t.names).toBe(t.names);
      expect(Array.from(t.hasValue)).toEqual(kept.map(() => 1));
    }
  });

  test("KA.TIER, KA.PARETO and KA.CONCENTRATION formulas: same results and same errors", () => {
    let seed = 1;
    for (const n of SIZES) {
      for (const mix of MIXES) {
        for (const withCustomers of [false, true]) {
          const c = makeCase(seed++, n, mix, withCustomers, seed % 5 === 0);
          const label = `n=${n} ${mix} customers=${withCustomers} scheme=${c.scheme}`;
          same(
            `tier ${label}`,
            () => tierFormula(c.values, c.customers, c.scheme, c.thresholds, undefined, c.locale),
            () => refTier.tierFormula(c.values, c.customers, c.scheme, c.thresholds, undefined, c.locale),
          );
          const cust = c.customers ?? c.values.map((row, i) => row.map((_, j) => `C${i}-${j}`));
          same(
            `pareto ${label}`,
            () => paretoFormula(cust, c.values, c.topN, c.scheme, c.thresholds, c.locale),
            () => refPareto.paretoFormula(cust, c.values, c.topN, c.scheme, c.thresholds, c.locale),
          );
          same(
            `concentration ${label}`,
            () => concentrationFormula(c.values, c.customers, c.locale),
            () => refConcentration.concentrationFormula(c.values, c.customers, c.locale),
          );
        }
      }
    }
  });

  test("errors name the same argument and row (error cells, bad text, mismatched sizes)", () => {
    const r = new Random(99);
    for (const n of [5, 600, 3000]) {
      const values: unknown[][] = Array.from({ length: n }, () => [Math.round(r.lognormal(5, 1) * 100) / 100]);
      const customers: unknown[][] = Array.from({ length: n }, (_, i) => [`Customer ${i % 37}`]);
      const at = r.int(0, n - 1);
      for (const bad of [
        "abc",
        "#N/A",
        new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable),
        Infinity,
        { type: "Error", errorType: "Div0" },
      ]) {
        const v = values.map((row) => [...row]);
        v[at] = [bad];
        same(
          `tier bad value n=${n}`,
          () => tierFormula(v),
          () => refTier.tierFormula(v),
        );
        same(
          `pareto bad value n=${n}`,
          () => paretoFormula(customers, v),
          () => refPareto.paretoFormula(customers, v),
        );
        const c = customers.map((row) => [...row]);
        c[at] = [bad];
        same(
          `pareto bad customer n=${n}`,
          () => paretoFormula(c, values),
          () => refPareto.paretoFormula(c, values),
        );
      }
      same(
        `mismatch n=${n}`,
        () => tierFormula(values, customers.slice(1)),
        () => refTier.tierFormula(values, customers.slice(1)),
      );
      same(
        `ragged n=${n}`,
        () => tierFormula(values.map((row, i) => (i === 3 ? 5 : row))),
        () => refTier.tierFormula(values.map((row, i) => (i === 3 ? 5 : row))),
      );
    }
  });

  test("building blocks: vectors, aggregation, ranking, tiers and cut-offs", () => {
    let seed = 1000;
    for (const n of SIZES) {
      for (const mix of MIXES) {
        const c = makeCase(seed++, n, mix, true, false);
        const numbers = () => readNumericVector(vectorOf(c.values, "values"));
        const refNums = () => refNumbers.readNumericVector(refRange.vectorOf(c.values, "values"));
        same(`readNumericVector n=${n} ${mix}`, numbers, refNums);
        same(
          `readCustomerVector n=${n} ${mix}`,
          () => asBefore(readCustomerVector(vectorOf(c.customers, "customers"))),
          () => refCustomers.readCustomerVector(refRange.vectorOf(c.customers, "customers")),
        );
        const flatCells = c.customers!.map((row) => row[0]);
        same(
          `columnVector customers n=${n} ${mix}`,
          () => asBefore(readCustomerVector(columnVector(flatCells, "c"))),
          () => refCustomers.readCustomerVector(refRange.columnVector(flatCells, "c")),
        );
        let nums;
        try {
          nums = refNums();
        } catch {
          continue;
        }
        const cust = readCustomerVector(vectorOf(c.customers, "customers"));
        for (const cv of [cust, null]) {
          const now = aggregateByCustomer(nums, cv);
          const ref = refAggregate.aggregateByCustomer(nums, cv);
          same(
            `aggregate n=${n} ${mix}`,
            () => (cv ? asBefore(now) : { ...now, namesAscending: undefined }),
            () => ref,
          );
          same(
            `rank n=${n} ${mix}`,
            () => rankCustomers(ref.totals, ref.hasValue, ref.names),
            () => refRanking.rankCustomers(ref.totals, ref.hasValue, ref.names),
          );
          same(
            `losses n=${n} ${mix}`,
            () => lossCustomers(ref.totals, ref.hasValue, ref.names),
            () => refRanking.lossCustomers(ref.totals, ref.hasValue, ref.names),
          );
          for (const scheme of ["ABC", "IBM", "AUTO"]) {
            const spec = tierSpecOf(scheme, undefined, undefined, "en");
            same(
              `assignTiers n=${n} ${mix} ${scheme}`,
              () => assignTiers(ref.totals, ref.hasValue, spec),
              () => refTiers.assignTiers(ref.totals, ref.hasValue, spec),
            );
          }
          const pos = Float64Array.from(ref.totals.filter((x, i) => ref.hasValue[i] && x > 0)).sort();
          same(
            `tierCutoffs n=${n} ${mix}`,
            () => tierCutoffs(pos, [0.5, 0.8]),
            () => refTiers.tierCutoffs(pos, [0.5, 0.8]),
          );
        }
      }
    }
  });

  test("customer grouping: case, spaces, non-ASCII, long names, look-alike error literals", () => {
    const long = "Acme Industrial Holdings International Trading Company Limited Branch";
    const tricky: unknown[] = [
      "Acme",
      "ACME",
      "acme",
      " Acme",
      "Acme ",
      "Acme\t",
      "\tacme",
      "Ac me",
      "AcMe\u007f",
      "Acme\u0001",
      "\u0001Acme",
      "ÄCME",
      "äcme",
      "Äcme ",
      "MÜLLER",
      "Müller",
      "müller",
      "Acme Ä",
      "ACME ä",
      "İstanbul",
      "i̇stanbul",
      "ΑΣ",
      "ας",
      "ασ",
      "客户甲",
      " 客户甲 ",
      "Ｋunde",
      "ｋunde",
      long,
      long.toUpperCase(),
      ` ${long}`,
      `${long}x`,
      long.slice(0, 63),
      long.slice(0, 64),
      long.slice(0, 65),
      "#BLOC\u212AED!",
      "#N\u0130A",
      "x#N/A",
      "12",
      12,
      "12.0",
      12.0,
      true,
      "TRUE",
      "true",
      false,
      "FALSE",
      "   ",
      "",
      null,
      "\u00a0Acme\u00a0",
      "Acme\u3000",
      "a",
      "A",
      "Z",
      "z",
      "@",
      "[",
      "`",
      "{",
      "~",
    ];
    const r = new Random(123);
    for (const n of [3, 50, 700, 4000]) {
      for (let rep = 0; rep < 3; rep++) {
        const cells = Array.from({ length: n }, () => r.pick(tricky));
        const col = cells.map((c) => [c]);
        same(
          `tricky customers n=${n}`,
          () => asBefore(readCustomerVector(vectorOf(col, "c"))),
          () => refCustomers.readCustomerVector(refRange.vectorOf(col, "c")),
        );
        same(
          `tricky customers flat n=${n}`,
          () => asBefore(readCustomerVector(columnVector(cells, "c"))),
          () => refCustomers.readCustomerVector(refRange.columnVector(cells, "c")),
        );
        const values = cells.map(() => [r.int(1, 9)]);
        same(
          `tricky pareto n=${n}`,
          () => paretoFormula(col, values),
          () => refPareto.paretoFormula(col, values),
        );
        // In name order (with repeats, spellings, blanks and look-alikes side by side), then
        // with one earlier customer at the end: the path without lookups, and its way out.
        const key = (c: unknown) => customerKey(typeof c === "boolean" ? String(c).toUpperCase() : cellText(c));
        const inOrder = cells.slice().sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
        for (const sorted of [inOrder, [...inOrder, inOrder[0], "Zeta", inOrder[1]]]) {
          const sortedCol = sorted.map((c) => [c]);
          same(
            `tricky customers in order n=${n}`,
            () => asBefore(readCustomerVector(vectorOf(sortedCol, "c"))),
            () => refCustomers.readCustomerVector(refRange.vectorOf(sortedCol, "c")),
          );
          const sortedValues = sorted.map(() => [r.int(1, 9)]);
          same(
            `tricky pareto in order n=${n}`,
            () => paretoFormula(sortedCol, sortedValues),
            () => refPareto.paretoFormula(sortedCol, sortedValues),
          );
        }
      }
    }
    // Name keys compared without making them: as comparing the keys.
    const texts = tricky
      .filter((t): t is string => typeof t === "string")
      .concat(["Customer 1", "Customer 10", "customer 1 ", "Customer 1\t", "Customer 1\u0001", "b", "B ", " a", "ab", "aB", "A"]);
    for (const a of texts) {
      for (const b of texts) {
        const ka = customerKey(a);
        const kb = customerKey(b);
        expect([a, b, compareNameKeys(a, b)]).toEqual([a, b, ka < kb ? -1 : ka > kb ? 1 : 0]);
      }
    }
    // Error literals are refused wherever they come, also after a look-alike made their key.
    for (const errorCell of ["#BLOCKED!", "#blocked!", " #N/A", "#n/a"]) {
      const col = [["#BLOC\u212AED!"], ["Acme"], [errorCell], ["acme"]];
      same(
        `look-alike then ${errorCell}`,
        () => readCustomerVector(vectorOf(col, "c")),
        () => refCustomers.readCustomerVector(refRange.vectorOf(col, "c")),
      );
    }
  });

  test("the radix sorts order like the built-in sorts, ties and special values included", () => {
    const r = new Random(7);
    for (const n of [0, 1, 511, 512, 1000, 30000]) {
      for (const kind of ["spread", "ties", "tiny", "same"]) {
        const a = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          a[i] = kind === "spread" ? r.lognormal(0, 20) : kind === "ties" ? r.int(0, 30) / 4 : kind === "tiny" ? r.int(0, 5) * 5e-324 : 42;
        }
        if (n > 2 && kind === "spread") {
          a[0] = Infinity;
          a[1] = Number.MAX_VALUE;
          a[2] = 0;
        }
        const want = a.slice().sort();
        const got = a.slice();
        sortNonNegativeAscending(got);
        expect(canon(got)).toBe(canon(want));
        const ids = Uint32Array.from({ length: n }, (_, i) => i);
        const values = a.map((x, i) => (i % 7 === 3 && x === 0 ? -0 : x));
        const wantIds = Array.from(ids).sort((x, y) => values[y] - values[x] || x - y);
        sortIdsByValueDescending(ids, values);
        expect(Array.from(ids)).toEqual(wantIds);
      }
    }
  });

  test("ranking with -0, Infinity and NaN totals orders like before", () => {
    const r = new Random(8);
    for (const n of [20, 600, 5000]) {
      const totals = new Float64Array(n);
      const hasValue = new Uint8Array(n);
      const names: string[] = [];
      for (let i = 0; i < n; i++) {
        const u = r.next();
        totals[i] = u < 0.05 ? -0 : u < 0.1 ? Infinity : u < 0.12 ? NaN : u < 0.2 ? -r.int(1, 9) : r.int(0, 40);
        hasValue[i] = r.chance(0.95) ? 1 : 0;
        names.push(r.chance(0.5) ? r.pick(NAMES) : `n${r.int(0, 99)}`);
      }
      same(
        `rank specials n=${n}`,
        () => rankCustomers(totals, hasValue, names),
        () => refRanking.rankCustomers(totals, hasValue, names),
      );
      const unnamed = names.map(() => "");
      same(
        `rank unnamed n=${n}`,
        () => rankCustomers(totals, hasValue, unnamed),
        () => refRanking.rankCustomers(totals, hasValue, unnamed),
      );
    }
  });

  test("customers listed in name order: ties need no name comparisons, and the order is the same", () => {
    const r = new Random(9);
    for (const n of [20, 600, 5000, 40000]) {
      // Distinct keys in ascending order, spelled in mixed case and with padding the keys ignore.
      const names = Array.from({ length: n }, (_, i) => {
        const key = `k${String(i).padStart(6, "0")}`;
        return r.chance(0.3) ? ` ${key.toUpperCase()}` : r.chance(0.3) ? `K${key.slice(1)}` : key;
      });
      const col = names.map((x) => [x]);
      const cv = readCustomerVector(vectorOf(col, "c"));
      expect(cv.namesAscending).toBe(true);
      const values = names.map(() => [r.chance(0.1) ? -r.int(1, 5) : r.int(0, 12)]);
      same(
        `sorted-name pareto n=${n}`,
        () => paretoFormula(col, values),
        () => refPareto.paretoFormula(col, values),
      );
      const totals = Float64Array.from(values, (row) => row[0]);
      const hasValue = new Uint8Array(n).fill(1);
      same(
        `sorted-name rank n=${n}`,
        () => rankCustomers(totals, hasValue, cv.names, true),
        () => refRanking.rankCustomers(totals, hasValue, cv.names),
      );
      // One name out of order turns the flag off, and the ranking still breaks ties by name.
      const swapped = col.slice();
      [swapped[1], swapped[n - 2]] = [swapped[n - 2], swapped[1]];
      expect(readCustomerVector(vectorOf(swapped, "c")).namesAscending).toBe(false);
      same(
        `one name out of order n=${n}`,
        () => paretoFormula(swapped, values),
        () => refPareto.paretoFormula(swapped, values),
      );
    }
  });
});
