/**
 * KA Planner benchmark: `npm run bench [-- --quick] [-- --out FILE]`.
 *
 * One seeded Node process (plain node, compiled by `tsc -p tsconfig.bench.json` to
 * dist-bench/, never under jest). Every path of a comparison runs on the same arrays in the
 * same process; the outputs of all paths are checked equal before any time is reported; runs
 * are interleaved after warm-up and reported as median, min and max, with ratios taken within
 * the run. Prints a table and writes the same figures as JSON (default test/bench/results.json).
 *
 *   1 floor    Float64Array sort + one cumulative-share pass; an index sort for PARETO; a
 *              hand-written Map + typed-array pass for per-customer aggregation
 *   2 ours     the custom-function entry points as Excel calls them (N×1 any[][] in, spill out)
 *   3 formulas the per-row SUMIF formulas users type today vs KA.TIER, both in HyperFormula
 *   4 peer     Arquero grouping and ranking the transaction lines
 *   5 sheets   bundle sizes; the worksheet cases (worksheets.ts): 500 plan sheets written as
 *              xlsx, the Office.js renderer into the recording fake at 1,000 to 100,000 rows
 *
 * Options: --quick (fewer runs, formulas at 1,000 and 3,000 rows; under two minutes on two
 * cores), --full (the default: more runs, formulas also at 10,000 rows), --out FILE,
 * --only GROUP[,GROUP] (tier, pareto, lines, formulas, memory, sheets, adversarial), --seed N.
 * The adversarial group (adversarial.ts) runs in the full mode or when named by --only.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_MAX_REQUEST_BYTES } from "../../src/render/office/encode";
import { adversarialCases } from "./adversarial";
import { bundleSizes, foreignLibraries } from "./bundles";
import { checkLabels, checkRanking } from "./compare";
import { customerNames, customerValues, fresh, freshCells, Range, transactions } from "./data";
import { floorParetoOfLines, floorPareto, floorTierOf, floorTiers, spillOnly } from "./floor";
import { editValue, enterFormulas, labelsOf, valueSheet } from "./formula-approach";
import {
  BenchCase,
  check,
  collectGarbage,
  compare,
  formatMs,
  formatN,
  log,
  markdownTable,
  Path,
  round,
  RunPlan,
  timePaths,
  toCase,
} from "./harness";
import { pareto, rankedRows, tier } from "./ours";
import { arqueroPareto, loadArquero } from "./peer";
import { RENDERER_CASE, RENDERER_SIZES, worksheetCases } from "./worksheets";

const ROOT = path.resolve(__dirname, "../../..");
const THRESHOLDS = [0.8, 0.95];
const LABELS = ["A", "B", "C"];

interface Options {
  quick: boolean;
  out: string;
  only: Set<string> | null;
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { quick: false, out: path.join(ROOT, "test/bench/results.json"), only: null, seed: 20250101 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") o.quick = true;
    else if (a === "--full") o.quick = false;
    else if (a === "--out") o.out = path.resolve(process.cwd(), argv[++i]);
    else if (a === "--only") o.only = new Set(argv[++i].split(","));
    else if (a === "--seed") o.seed = Number(argv[++i]);
    else if (a === "--help" || a === "-h") {
      process.stdout.write(
        "npm run bench [-- --quick|--full] [--out FILE] [--only tier,pareto,lines,formulas,memory,sheets,adversarial] [--seed N]\n",
      );
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

interface Target {
  readonly name: string;
  readonly measured: number | null;
  readonly limit: string;
  readonly met: boolean | null;
  readonly detail: string;
}

class Bench {
  readonly cases: BenchCase[] = [];
  readonly targets: Target[] = [];
  readonly notes: string[] = [];
  readonly memory: Record<string, unknown>[] = [];
  bundles: unknown = "not measured";
  constructor(readonly o: Options) {}

  wants(group: string): boolean {
    return !this.o.only || this.o.only.has(group);
  }

  /** Runs per size: the quick mode keeps the whole benchmark under two minutes on two cores. */
  plan(n: number): RunPlan {
    if (this.o.quick) {
      // The output check just ran each path once: it is the warm-up of the largest size.
      if (n >= 1_000_000) return { warmup: 0, runs: 3, settleMs: 250 };
      if (n >= 100_000) return { warmup: 2, runs: 7, settleMs: 50 };
      return { warmup: 3, runs: 30, budgetMs: 300, minRuns: 7, settleMs: 5 };
    }
    if (n >= 1_000_000) return { warmup: 2, runs: 11, settleMs: 300 };
    if (n >= 100_000) return { warmup: 3, runs: 21, settleMs: 60 };
    return { warmup: 5, runs: 101, budgetMs: 2000, minRuns: 21, settleMs: 5 };
  }

  add(c: BenchCase): BenchCase {
    this.cases.push(c);
    log(
      `  ${c.name.padEnd(44)} n=${formatN(c.n).padStart(9)}  median ${formatMs(c.medianMs).padStart(8)} ms${c.ratio !== undefined ? `  ratio ${c.ratio}` : ""}`,
    );
    return c;
  }

  /** A target; met is null (shown "not measured") when nothing was measured or it applies elsewhere. */
  target(name: string, measured: number | null, limit: string, ok: ((x: number) => boolean) | null, detail: string): void {
    this.targets.push({
      name,
      measured: measured === null ? null : round(measured, 3),
      limit,
      met: measured === null || !ok ? null : ok(measured),
      detail,
    });
  }

  find(name: string, n: number): BenchCase | undefined {
    return this.cases.find((c) => c.name === name && c.n === n);
  }
}

const SIZES = [1_000, 10_000, 100_000, 1_048_576];

const valueCache = new Map<number, ReturnType<typeof customerValues>>();
/** One value per customer for n rows (the same data for KA.TIER and KA.PARETO). */
function valuesFor(b: Bench, n: number) {
  let v = valueCache.get(n);
  if (!v) valueCache.set(n, (v = customerValues(n, b.o.seed + n)));
  return v;
}

// ---------------------------------------------------------------------------------------
// 1 + 2: KA.TIER and KA.PARETO, one value per customer, against the floor

function tierCases(b: Bench): void {
  log("KA.TIER, one value per customer");
  for (const n of SIZES) {
    const column = valuesFor(b, n);
    const values = column.values;
    checkTier(n, column);
    const paths: Path<Range>[] = [
      { name: "tier floor: Float64Array sort + share pass", path: "floor", run: () => floorTiers(values, THRESHOLDS) },
      // Every run gets the column freshly parsed, as each recalculation in Excel does.
      { name: "KA.TIER (ours)", path: "ours", setup: () => freshCells(column), run: (c) => tier(c) },
    ];
    const [tf, to] = timePaths(paths, b.plan(n));
    const f = b.add(toCase(paths[0], "tier", n, tf));
    b.add(compare(toCase(paths[1], "tier", n, to), f));
  }
}

/** The floor's cut-offs give every row the label our entry point spills (own scope: nothing kept). */
function checkTier(n: number, column: ReturnType<typeof customerValues>): void {
  const values = column.values;
  const ours = tier(column.cells);
  const floor = floorTiers(values, THRESHOLDS);
  const floorLabels = Array.from(values, (v) => LABELS[floorTierOf(floor.lowest, v)]);
  checkLabels(
    `KA.TIER n=${n} vs floor`,
    ours.map((r) => r[0]),
    floorLabels,
  );
}

function paretoCases(b: Bench): void {
  log("KA.PARETO, one value per customer");
  for (const n of SIZES) paretoCase(b, n, false);
  // The list above is in name order, which the engine turns into no lookups and no name
  // comparisons; the same customers shuffled show what an unsorted list costs.
  log("KA.PARETO, one value per customer, the list in random order");
  // A quick run stops at 100,000 to stay under two minutes: 1,048,576 shuffled takes 20 s.
  for (const n of SHUFFLED_SIZES) if (!b.o.quick || n < 1_000_000) paretoCase(b, n, true);
}

const SHUFFLED_SIZES = [100_000, 1_048_576];
const SHUFFLED = " (ours), customers in random order";

function paretoCase(b: Bench, n: number, shuffled: boolean): void {
  const valueColumn = valuesFor(b, n);
  const values = valueColumn.values;
  const names = customerNames(n, shuffled ? b.o.seed : undefined);
  checkPareto(n, valueColumn, names);
  const suffix = shuffled ? ", customers in random order" : "";
  // Every run gets the names freshly parsed, as each recalculation in Excel does.
  const paths: Path<ReturnType<typeof fresh> & { values?: Range }>[] = [
    {
      name: `pareto floor: index sort + share pass${suffix}`,
      path: "floor",
      setup: () => fresh(names),
      run: (f) => floorPareto(values, f.names),
    },
    {
      name: shuffled ? `KA.PARETO${SHUFFLED}` : "KA.PARETO (ours)",
      path: "ours",
      setup: () => ({ ...fresh(names), values: freshCells(valueColumn) }),
      run: (f) => pareto(f.cells, f.values!),
    },
  ];
  if (!shuffled) {
    const ranked = floorPareto(values, names.names);
    const lowest = floorTiers(values, THRESHOLDS).lowest;
    paths.push({ name: SPILL, path: "floor", setup: () => fresh(names), run: (f) => spillOnly(ranked, values, f.names, lowest) });
  }
  const group = shuffled ? "pareto-shuffled" : "pareto";
  const [tf, to, ts] = timePaths(paths, b.plan(n));
  const f = b.add(toCase(paths[0], group, n, tf));
  b.add(compare(toCase(paths[1], group, n, to), f));
  if (ts) b.add(toCase(paths[2], group, n, ts, { notes: "not a floor of KA.PARETO: its output alone, built from a finished ranking" }));
}

const SPILL = "pareto spill alone: the N×6 output from a finished ranking";

function checkPareto(n: number, valueColumn: ReturnType<typeof customerValues>, names: ReturnType<typeof customerNames>): void {
  const values = valueColumn.values;
  const nameList = names.names;
  const ours = rankedRows(pareto(names.cells, valueColumn.cells));
  const fl = floorPareto(values, nameList);
  checkRanking(
    `KA.PARETO n=${n} vs floor`,
    { names: ours.names, totals: ours.values, ranks: ours.ranks, cumulative: ours.cumulative },
    {
      names: Array.from(fl.order, (id) => nameList[id]),
      totals: Array.from(fl.order, (id) => values[id]),
      ranks: fl.ranks,
      cumulative: fl.cumulativeShare,
    },
  );
}

// ---------------------------------------------------------------------------------------
// 1 + 2 + 4: KA.PARETO on transaction lines, against the floor and Arquero

async function lineCases(b: Bench): Promise<void> {
  const lines = 1_000_000;
  const customers = 50_000;
  log(`KA.PARETO on ${formatN(lines)} transaction lines over ${formatN(customers)} customers`);
  const tx = transactions(lines, customers, b.o.seed);
  await loadArquero();
  const [floorTies, peerTies] = checkLines(tx);
  // Every run gets the customer names freshly parsed (new strings, no cached hashes).
  const setup = () => fresh(tx.customers);
  const paths: Path<ReturnType<typeof fresh> & { values?: Range }>[] = [
    {
      name: "lines floor: Map + typed-array pass + index sort",
      path: "floor",
      setup,
      run: (f) => floorParetoOfLines(f.names, tx.values.values),
    },
    {
      name: "KA.PARETO on lines (ours)",
      path: "ours",
      setup: () => ({ ...setup(), values: freshCells(tx.values) }),
      run: (f) => pareto(f.cells, f.values!),
    },
    { name: "Arquero groupby/rollup/orderby/rank", path: "peer", setup, run: (f) => arqueroPareto(f.names, tx.values.values) },
  ];
  const [tf, to, ta] = timePaths(paths, b.plan(lines));
  const f = b.add(toCase(paths[0], "pareto-lines", lines, tf, { customers }));
  const o = b.add(compare(toCase(paths[1], "pareto-lines", lines, to, { customers }), f));
  const a = b.add(compare(toCase(paths[2], "pareto-lines", lines, ta, { customers }), o));
  const ties = (k: number) => (k ? `${k} customers whose totals differ only by rounding of the sums ranked apart` : "no rounding ties");
  f.notes = `checked against ours: ${ties(floorTies)}`;
  a.notes = `checked against ours: ${ties(peerTies)}; Arquero sums naively and groups exact spellings`;
  b.target(
    "KA.PARETO 1M lines / hand-written pass",
    o.ratio!,
    "≤ 1.5",
    (x) => x <= 1.5,
    `${withUnit(o.medianMs)} vs ${withUnit(f.medianMs)}`,
  );
  b.target("Arquero / KA.PARETO 1M lines (× faster)", a.ratio!, "≥ 3", (x) => x >= 3, `${withUnit(a.medianMs)} vs ${withUnit(o.medianMs)}`);
}

/** Ours against the floor and Arquero on the lines; returns the rounding ties met. */
function checkLines(tx: ReturnType<typeof transactions>): [number, number] {
  const lineNames = tx.customers.names;
  const ours = rankedRows(pareto(tx.customers.cells, tx.values.cells));
  const oursRanked = { names: ours.names, totals: ours.values, ranks: ours.ranks, cumulative: ours.cumulative };
  const fl = floorParetoOfLines(lineNames, tx.values.values);
  const floorTies = checkRanking("KA.PARETO lines vs floor", oursRanked, {
    names: Array.from(fl.order, (id) => fl.names[id]),
    totals: Array.from(fl.order, (id) => fl.totals[id]),
    ranks: fl.ranks,
    cumulative: fl.cumulativeShare,
  });
  const aq = arqueroPareto(lineNames, tx.values.values);
  const peerTies = checkRanking("KA.PARETO lines vs Arquero", oursRanked, {
    names: aq.customer,
    totals: aq.total,
    ranks: aq.rank,
    cumulative: aq.cumulativeShare,
  });
  return [floorTies, peerTies];
}

// ---------------------------------------------------------------------------------------
// 3: the formula approach vs KA.TIER, in HyperFormula

function formulaCases(b: Bench): void {
  const sizes = b.o.quick ? [1_000, 3_000] : [1_000, 3_000, 10_000];
  log(`Formula approach vs KA.TIER in HyperFormula (${sizes.map(formatN).join(", ")} rows)`);
  for (const n of sizes) {
    const { values } = customerValues(n, b.o.seed + 7 * n);
    // Check: both approaches give the labels KA.TIER gives outside the spreadsheet.
    const expected = tier(values.reduce<number[][]>((acc, v) => (acc.push([v]), acc), [])).map((r) => r[0]);
    const hfF = valueSheet(values);
    const hfK = valueSheet(values);
    checkLabels(`formulas n=${n} vs KA.TIER`, expected, labelsOf(enterFormulas(hfF, "formulas", n)));
    checkLabels(`KA.TIER in HyperFormula n=${n}`, expected, labelsOf(enterFormulas(hfK, "ka-tier", n)));
    // The edit: the largest value grows by half (every share changes; some tiers move).
    let top = 0;
    for (let i = 1; i < n; i++) if (values[i] > values[top]) top = i;
    const original = values[top];
    const edited = Math.round(original * 150) / 100;
    const after = values.slice();
    after[top] = edited;
    const expectedAfter = tier(Array.from(after, (v) => [v])).map((r) => r[0]);
    checkLabels(`formulas after edit n=${n}`, expectedAfter, labelsOf(editValue(hfF, top, edited, n)));
    checkLabels(`KA.TIER after edit n=${n}`, expectedAfter, labelsOf(editValue(hfK, top, edited, n)));
    editValue(hfF, top, original, n);
    editValue(hfK, top, original, n);

    // Initial calculation: type the formula(s) into a sheet holding the values.
    // The formula approach takes seconds from 3,000 rows on (n² SUMIF work): the check above
    // has warmed it up; a few runs are enough for its median.
    const initPlan: RunPlan = n >= 3_000 ? { warmup: 0, runs: b.o.quick ? 1 : 3 } : { warmup: 1, runs: b.o.quick ? 3 : 5 };
    const initial: Path<ReturnType<typeof valueSheet>>[] = [
      {
        name: "formulas: per-row SUMIF/SUM, initial",
        path: "formula",
        setup: () => valueSheet(values),
        run: (hf) => enterFormulas(hf, "formulas", n),
        teardown: (hf) => hf.destroy(),
      },
      {
        name: "KA.TIER in HyperFormula, initial",
        path: "ours",
        setup: () => valueSheet(values),
        run: (hf) => enterFormulas(hf, "ka-tier", n),
        teardown: (hf) => hf.destroy(),
      },
    ];
    const [fi, ki] = timePaths([initial[0]], initPlan).concat(timePaths([initial[1]], b.plan(n)));
    const cf = b.add(toCase(initial[0], "formulas-initial", n, fi));
    b.add(compare(toCase(initial[1], "formulas-initial", n, ki), cf, true));

    // Recalculation after editing one value (alternately the edited and the original value).
    let flipF = false;
    let flipK = false;
    const recalc: Path[] = [
      {
        name: "formulas: per-row SUMIF/SUM, one edit",
        path: "formula",
        run: () => {
          flipF = !flipF;
          return editValue(hfF, top, flipF ? edited : original, n);
        },
      },
      {
        name: "KA.TIER in HyperFormula, one edit",
        path: "ours",
        run: () => {
          flipK = !flipK;
          return editValue(hfK, top, flipK ? edited : original, n);
        },
      },
    ];
    const [fr] = timePaths([recalc[0]], initPlan);
    const [kr] = timePaths([recalc[1]], b.plan(n));
    const rf = b.add(toCase(recalc[0], "formulas-edit", n, fr));
    b.add(compare(toCase(recalc[1], "formulas-edit", n, kr), rf, true));
    hfF.destroy();
    hfK.destroy();
    collectGarbage();
  }
  const at = sizes[sizes.length - 1];
  const ki = b.find("KA.TIER in HyperFormula, initial", at)!;
  const ke = b.find("KA.TIER in HyperFormula, one edit", at)!;
  const suffix = at < 10_000 ? ` (at ${formatN(at)} rows: --quick stops there; the target is at 10,000)` : "";
  const applies = at >= 10_000;
  b.target(
    `formulas / KA.TIER, initial, ${formatN(at)} rows (× faster)`,
    ki.speedup!,
    "≥ 400 at 10,000",
    applies ? (x) => x >= 400 : null,
    `${withUnit(ki.medianMs)} vs ${withUnit(ki.medianMs * ki.speedup!)}${suffix}`,
  );
  b.target(
    `formulas / KA.TIER, one edit, ${formatN(at)} rows (× faster)`,
    ke.speedup!,
    "≥ 1,000 at 10,000",
    applies ? (x) => x >= 1000 : null,
    `${withUnit(ke.medianMs)} vs ${withUnit(ke.medianMs * ke.speedup!)}${suffix}`,
  );
}

// ---------------------------------------------------------------------------------------
// Peak memory of KA.TIER on 1,048,576 rows, in a child process

function memoryCases(b: Bench): void {
  const n = 1_048_576;
  log(`Peak memory: KA.TIER on ${formatN(n)} rows in a child process`);
  const { json } = valuesFor(b, n);
  const file = path.join(os.tmpdir(), `ka-bench-${process.pid}.json`);
  fs.writeFileSync(file, `{"values":${json}}`);
  try {
    const out = execFileSync(process.execPath, ["--expose-gc", path.join(__dirname, "memory-child.js"), "tier", file], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>;
    const rec = { name: "KA.TIER peak memory", n, ...roundAll(r) };
    b.memory.push(rec);
    log(
      `  peak RSS ${r.peakRssMb.toFixed(0)} MB (input held: RSS ${r.rssBeforeMb.toFixed(0)} MB before the calls), heap after a call ${r.peakHeapAfterCallMb.toFixed(0)} MB`,
    );
    b.target(
      `KA.TIER ${formatN(n)} rows: peak RSS of the whole process (MB)`,
      r.peakRssMb,
      "≤ 400",
      (x) => x <= 400,
      `node + the parsed 1M-row input (${r.rssBeforeMb.toFixed(0)} MB RSS before the calls) + three calls`,
    );
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** "12.3 ms" or "59.3 s". */
function withUnit(ms: number): string {
  const t = formatMs(ms);
  return t.endsWith(" s") ? t : `${t} ms`;
}

function roundAll(r: Record<string, unknown>): Record<string, unknown> {
  const round1 = (x: unknown): unknown => (typeof x === "number" ? round(x, 1) : x);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = Array.isArray(v) ? v.map(round1) : round1(v);
  return out;
}

// ---------------------------------------------------------------------------------------
// Targets that need several groups

function crossTargets(b: Bench): void {
  const t1 = b.find("KA.TIER (ours)", 1_048_576);
  if (t1) {
    b.target(
      "KA.TIER 1,048,576 rows / sort floor",
      t1.ratio!,
      "≤ 1.3",
      (x) => x <= 1.3,
      `${withUnit(t1.medianMs)} vs ${withUnit(t1.medianMs / t1.ratio!)}`,
    );
  }
  for (const name of ["KA.TIER (ours)", "KA.PARETO (ours)", `KA.PARETO${SHUFFLED}`]) {
    const a = b.find(name, 100_000);
    const z = b.find(name, 1_048_576);
    if (a && z) {
      b.target(
        `${name.replace(" (ours)", "")} growth 100,000 → 1,048,576 rows (×)`,
        z.medianMs / a.medianMs,
        "≤ 12",
        (x) => x <= 12,
        `${withUnit(a.medianMs)} → ${withUnit(z.medianMs)} for 10.5× the rows`,
      );
    }
  }
  const sa = b.find(SPILL, 100_000);
  const sz = b.find(SPILL, 1_048_576);
  if (sa && sz)
    log(
      `KA.PARETO's output alone (spill array) grows ${(sz.medianMs / sa.medianMs).toFixed(1)}× from 100,000 to 1,048,576 rows (${withUnit(sa.medianMs)} → ${withUnit(sz.medianMs)})`,
    );
}

// ---------------------------------------------------------------------------------------
// The Office.js renderer (worksheet cases): its request plan, not its time

function rendererTargets(b: Bench): void {
  const found = RENDERER_SIZES.map((n) => b.find(RENDERER_CASE, n));
  if (found.some((c) => !c)) return;
  const cases = found as BenchCase[];
  const first = cases[0];
  const last = cases[cases.length - 1];
  const syncs = (c: BenchCase) => c.syncsPerSheet as number;
  b.target(
    `Office.js renderer: syncs per sheet constant from ${formatN(first.n)} to ${formatN(last.n)} rows`,
    syncs(last) - syncs(first),
    `= 0 (syncs at ${formatN(last.n)} − at ${formatN(first.n)})`,
    (x) => x <= 0,
    `${cases.map((c) => `${syncs(c)} at ${formatN(c.n)}`).join(", ")} customers (+${first.setupSyncs as number} setup syncs per render); ` +
      `the sheet's requests carry ${formatN(last.sheetBytes as number)} B at ${formatN(last.n)}, one request at most ${formatN(DEFAULT_MAX_REQUEST_BYTES)}`,
  );
  const largest = cases.map((c) => c.largestRequestBytes as number);
  b.target(
    "Office.js renderer: largest request (bytes)",
    Math.max(...largest),
    `≤ ${formatN(DEFAULT_MAX_REQUEST_BYTES)} (its budget)`,
    (x) => x <= DEFAULT_MAX_REQUEST_BYTES,
    `${cases.map((c, k) => `${formatN(largest[k])} B at ${formatN(c.n)}`).join(", ")} customers; Excel on the web rejects requests over 5 MB`,
  );
}

// ---------------------------------------------------------------------------------------
// Output

function machine() {
  const cpus = os.cpus();
  return {
    nproc: typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length,
    cpu: cpus[0]?.model ?? "unknown",
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function table(b: Bench): string {
  const rows = b.cases.map((c) => [
    c.group,
    c.name,
    formatN(c.n),
    formatMs(c.medianMs),
    formatMs(c.minMs),
    formatMs(c.maxMs),
    typeof c.cpuMedianMs === "number" ? formatMs(c.cpuMedianMs) : "",
    String(c.runs),
    c.speedup !== undefined ? `${formatN(c.speedup)}× faster` : c.ratio !== undefined ? `${c.ratio.toFixed(2)}×` : "",
  ]);
  return markdownTable(["group", "case", "n", "median ms", "min ms", "max ms", "cpu ms", "runs", "vs baseline"], rows, [
    "l",
    "l",
    "r",
    "r",
    "r",
    "r",
    "r",
    "r",
    "r",
  ]);
}

function targetTable(b: Bench): string {
  const rows = b.targets.map((t) => [
    t.name,
    t.measured === null ? "—" : String(t.measured),
    t.limit,
    t.met === null ? (t.measured === null ? "not measured" : "not at the target's size") : t.met ? "met" : "**missed**",
    t.detail,
  ]);
  return markdownTable(["target", "measured", "limit", "", "detail"], rows, ["l", "r", "l", "l", "l"]);
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const b = new Bench(o);
  const started = Date.now();
  const loadBefore = os.loadavg().map((x) => round(x, 2));
  if (!(globalThis as { gc?: unknown }).gc) log("note: run node with --expose-gc for a full GC before every timed run");
  log(`KA Planner benchmark, ${o.quick ? "quick" : "full"} mode, seed ${o.seed}`);
  if (b.wants("tier")) tierCases(b);
  if (b.wants("pareto")) paretoCases(b);
  if (b.wants("lines")) await lineCases(b);
  if (b.wants("formulas")) formulaCases(b);
  if (b.wants("memory")) memoryCases(b);
  if (b.wants("adversarial") && (!o.quick || o.only)) adversarialCases(b, ROOT);
  crossTargets(b);
  if (b.wants("sheets")) {
    const dist = path.join(ROOT, "dist");
    const sizes = bundleSizes(dist);
    const foreign = foreignLibraries(dist);
    check(foreign.length === 0, `the add-in bundles include development-only libraries: ${foreign.join(", ")}`);
    b.bundles = sizes ?? "not built (npm run build)";
    if (sizes)
      log(
        `Bundles: ${sizes.map((s) => `${s.file} ${formatN(s.bytes)} B (gzip ${formatN(s.gzipBytes)} B)`).join(", ")}; no HyperFormula/Arquero inside`,
      );
    else log("Bundles: not built (npm run build)");
    for (const w of worksheetCases(o.quick)) b.add(w as unknown as BenchCase);
    rendererTargets(b);
  }
  const seconds = (Date.now() - started) / 1000;
  const result = {
    generatedAt: new Date().toISOString(),
    mode: o.quick ? "quick" : "full",
    command: `npm run bench${o.quick ? " -- --quick" : ""}`,
    seed: o.seed,
    seconds: round(seconds, 1),
    machine: machine(),
    // Other work on the machine shows here: wall times include waiting for a core, the cpu
    // medians (cpuMedianMs) do not.
    loadAverage: { before: loadBefore, after: os.loadavg().map((x) => round(x, 2)) },
    cases: b.cases,
    targets: b.targets,
    memory: b.memory,
    bundles: b.bundles,
  };
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, `${JSON.stringify(result, null, 2)}\n`);
  const m = result.machine;
  process.stdout.write(
    [
      `KA Planner benchmark (${result.mode}), ${m.nproc} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}; ${result.seconds} s; load average ${result.loadAverage.before[0]} → ${result.loadAverage.after[0]}`,
      "",
      table(b),
      "",
      targetTable(b),
      "",
      ...b.memory.map((r) => `memory: ${JSON.stringify(r)}`),
      `bundles: ${typeof b.bundles === "string" ? b.bundles : (b.bundles as { file: string; bytes: number; gzipBytes: number }[]).map((x) => `${x.file} ${formatN(x.bytes)} B (gzip ${formatN(x.gzipBytes)} B)`).join(", ")}`,
      `results: ${path.relative(process.cwd(), o.out) || o.out}`,
      "",
    ].join("\n"),
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
