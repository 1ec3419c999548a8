/**
 * Adversarial shapes (`npm run bench -- --only adversarial`): the inputs that break hash
 * tables and sorts, at 100,000 and 1,000,000 rows, through the functions that group by
 * customer (KA.TIER, KA.PARETO, KA.CONCENTRATION, as Excel calls them) and `ka-planner tiers`
 * on a CSV of the same shape (a child process, from dist-cli: `npm run build:cli`). The target
 * is the growth from 100,000 to 1,000,000 rows: at most 12× for 10× the rows, on every shape.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { Random } from "../../src/sample/prng";
import { ADVERSARIAL_NAMES } from "../support/adversarial-names";
import { checkLabels, checkRanking } from "./compare";
import { fresh, freshCells, money, nameColumn, NameColumn, shuffle, ValueColumn, valueColumn } from "./data";
import { floorParetoOfLines, floorTierOf, floorTiers } from "./floor";
import { BenchCase, check, collectGarbage, formatN, log, Path, RunPlan, stats, timePaths, toCase } from "./harness";
import { concentration, pareto, rankedRows, tier } from "./ours";

const ADVERSARIAL_SIZES = [100_000, 1_000_000];
const GROWTH_LIMIT = 12;
const LABELS = ["A", "B", "C"];

/** What the shapes need of the benchmark (run.ts's Bench). */
export interface AdversarialBench {
  readonly o: { readonly seed: number };
  add(c: BenchCase): BenchCase;
  target(name: string, measured: number | null, limit: string, ok: ((x: number) => boolean) | null, detail: string): void;
}

interface Shape {
  readonly name: string;
  /** Customer name of each of n rows, and the value of each row. */
  readonly make: (n: number, rng: Random) => { names: string[]; values: Float64Array };
}

const numbered = (i: number) => `Customer ${String(i + 1).padStart(7, "0")}`;
const moneyOf = (n: number, rng: Random) => Float64Array.from({ length: n }, () => money(rng));
const shuffled = (names: string[], rng: Random) => {
  shuffle(names.length, rng, (i, j) => ([names[i], names[j]] = [names[j], names[i]]));
  return names;
};

const SHAPES: readonly Shape[] = [
  {
    name: "long names differing in the middle (2 lines each)",
    make: (n, rng) => ({
      names: shuffled(
        Array.from({ length: n }, (_, i) => ADVERSARIAL_NAMES["long names differing in the middle"](i >> 1)),
        rng,
      ),
      values: moneyOf(n, rng),
    }),
  },
  // Every tie is broken by comparing names.
  {
    name: "every value tied, names in random order",
    make: (n, rng) => ({
      names: shuffled(
        Array.from({ length: n }, (_, i) => numbered(i)),
        rng,
      ),
      values: new Float64Array(n).fill(1000),
    }),
  },
  {
    name: "one customer with every line",
    make: (n, rng) => ({ names: new Array<string>(n).fill("Acme Trading GmbH"), values: moneyOf(n, rng) }),
  },
  {
    name: "distinct names in name order",
    make: (n, rng) => ({ names: Array.from({ length: n }, (_, i) => numbered(i)), values: moneyOf(n, rng) }),
  },
  {
    name: "distinct names in reverse name order",
    make: (n, rng) => ({ names: Array.from({ length: n }, (_, i) => numbered(n - 1 - i)), values: moneyOf(n, rng) }),
  },
  {
    name: "lines in random order (10 per customer)",
    make: (n, rng) => ({ names: Array.from({ length: n }, () => numbered(rng.int(0, n / 10 - 1))), values: moneyOf(n, rng) }),
  },
  {
    name: "distinct names in random order",
    make: (n, rng) => ({
      names: shuffled(
        Array.from({ length: n }, (_, i) => numbered(i)),
        rng,
      ),
      values: moneyOf(n, rng),
    }),
  },
];

const FUNCTIONS = ["KA.TIER", "KA.PARETO", "KA.CONCENTRATION"] as const;
const CLI = "ka-planner tiers (CSV, child process)";

/** The check run is the warm-up; a few runs are enough for a growth ratio. */
function planFor(n: number): RunPlan {
  return n >= 1_000_000 ? { warmup: 0, runs: 3, settleMs: 250 } : { warmup: 1, runs: 5, settleMs: 50 };
}

export function adversarialCases(b: AdversarialBench, root: string): void {
  const cli = path.join(root, "dist-cli/cli/main.js");
  const hasCli = fs.existsSync(cli);
  if (!hasCli) log(`adversarial: ${cli} not built (npm run build:cli): the CLI cases are left out`);
  for (const shape of SHAPES) {
    log(`Adversarial: ${shape.name}`);
    const cases = new Map<string, BenchCase>(); // by function and size
    for (const n of ADVERSARIAL_SIZES) {
      const rng = new Random(b.o.seed + n, 9);
      const { names, values } = shape.make(n, rng);
      const nameCol = nameColumn(names);
      const valueCol = valueColumn(values);
      checkShape(shape.name, n, nameCol, valueCol);
      const setup = () => ({ customers: fresh(nameCol).cells, values: freshCells(valueCol) });
      const paths: Path<ReturnType<typeof setup>>[] = [
        { name: `KA.TIER: ${shape.name}`, path: "ours", setup, run: (f) => tier(f.values, f.customers) },
        { name: `KA.PARETO: ${shape.name}`, path: "ours", setup, run: (f) => pareto(f.customers, f.values) },
        { name: `KA.CONCENTRATION: ${shape.name}`, path: "ours", setup, run: (f) => concentration(f.values, f.customers) },
      ];
      const timings = timePaths(paths, planFor(n));
      paths.forEach((p, k) =>
        cases.set(`${FUNCTIONS[k]}@${n}`, b.add(toCase(p, "adversarial", n, timings[k], { shape: shape.name, fn: FUNCTIONS[k] }))),
      );
      if (hasCli) cases.set(`${CLI}@${n}`, b.add(cliCase(cli, shape.name, n, names, values)));
      collectGarbage();
    }
    for (const fn of hasCli ? [...FUNCTIONS, CLI] : FUNCTIONS) growthTarget(b, fn, shape.name, cases);
  }
}

/** KA.TIER's labels and KA.PARETO's ranking against the floor; KA.CONCENTRATION answers. */
function checkShape(shape: string, n: number, nameCol: NameColumn, valueCol: ValueColumn): void {
  const what = `${shape} n=${n}`;
  const lineNames = nameCol.names;
  const floor = floorParetoOfLines(lineNames, valueCol.values);
  const customerTotals = floor.totals.subarray(0, floor.count);
  const lowest = floorTiers(customerTotals, [0.8, 0.95]).lowest;
  const idOf = new Map<string, number>();
  floor.names.forEach((name, id) => idOf.set(name, id));
  const floorLabels = lineNames.map((name) => LABELS[floorTierOf(lowest, customerTotals[idOf.get(name)!])]);
  checkLabels(
    `KA.TIER ${what} vs floor`,
    tier(valueCol.cells, nameCol.cells).map((r) => r[0]),
    floorLabels,
  );
  const ours = rankedRows(pareto(nameCol.cells, valueCol.cells));
  checkRanking(
    `KA.PARETO ${what} vs floor`,
    { names: ours.names, totals: ours.values, ranks: ours.ranks, cumulative: ours.cumulative },
    {
      names: Array.from(floor.order, (id) => floor.names[id]),
      totals: Array.from(floor.order, (id) => floor.totals[id]),
      ranks: floor.ranks,
      cumulative: floor.cumulativeShare,
    },
  );
  const conc = concentration(valueCol.cells, nameCol.cells);
  check(conc.length > 1 && conc.every((r) => r.every((c) => typeof c !== "object" || c === null)), `KA.CONCENTRATION ${what}: no answer`);
}

/** Wall time of `ka-planner tiers FILE --format csv` (node's start included), on a CSV of the shape. */
function cliCase(cli: string, shape: string, n: number, names: readonly string[], values: Float64Array): BenchCase {
  const file = path.join(os.tmpdir(), `ka-adversarial-${process.pid}.csv`);
  const lines = ["Customer,Sales"];
  for (let i = 0; i < n; i++) lines.push(`${names[i]},${values[i]}`);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  const customers = new Set(names).size;
  try {
    const once = (): number => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, "tiers", file, "--format", "csv"], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
        timeout: 600_000,
      });
      const ms = performance.now() - t0;
      const rows = r.status === 0 ? r.stdout.split("\n").filter((l) => l !== "").length - 1 : -1;
      check(r.status === 0, `${CLI} ${shape} n=${n}: exit ${r.status ?? r.signal}: ${(r.stderr ?? "").slice(-300)}`);
      check(rows === customers, `${CLI} ${shape} n=${n}: ${rows} customers listed, expected ${customers}`);
      return ms;
    };
    const plan = planFor(n);
    for (let w = 0; w < Math.max(1, plan.warmup); w++) once();
    const samples = Array.from({ length: plan.runs }, once);
    return toCase(
      { name: `${CLI}: ${shape}`, path: "ours" },
      "adversarial",
      n,
      stats(
        samples,
        samples.map(() => NaN),
      ),
      {
        shape,
        fn: CLI,
        cpuMedianMs: undefined,
        notes: `wall time of the child process; ${formatN(customers)} customers`,
      },
    );
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function growthTarget(b: AdversarialBench, fn: string, shape: string, cases: Map<string, BenchCase>): void {
  const [small, large] = ADVERSARIAL_SIZES.map((n) => cases.get(`${fn}@${n}`));
  if (!small || !large) return;
  const growth = large.medianMs / small.medianMs;
  const sizes = ADVERSARIAL_SIZES.map(formatN).join(" → ");
  b.target(
    `${fn}, ${shape}: growth ${sizes} rows (×)`,
    growth,
    `≤ ${GROWTH_LIMIT}`,
    (x) => x <= GROWTH_LIMIT,
    `${small.medianMs} ms → ${large.medianMs} ms`,
  );
}
