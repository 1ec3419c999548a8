/**
 * Timing, statistics and checks for the benchmark. Every path of a group is timed in the same
 * process on the same inputs, interleaved run by run (A, B, C, A, B, C, ...) so that drift
 * (GC state, CPU frequency, other load) hits all of them alike; a full GC runs before every
 * timed run when node was started with --expose-gc.
 */
import { performance } from "perf_hooks";

export interface Timing {
  readonly samples: number[];
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Median CPU time of the process over the same runs (user + system, all threads). */
  readonly cpuMedianMs: number;
}

export interface BenchCase {
  /** Unique, human-readable name: "KA.TIER (ours)". */
  readonly name: string;
  /** The comparison it belongs to: "tier", "pareto-lines", ... */
  readonly group: string;
  /** floor | ours | formula | peer | worksheet */
  readonly path: string;
  readonly n: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
  /** Name of the case this one is compared with, and this case's median over the baseline's. */
  baseline?: string;
  ratio?: number;
  /** baseline median / this median, for "× faster than" comparisons. */
  speedup?: number;
  notes?: string;
  [extra: string]: unknown;
}

export interface Path<S = unknown> {
  readonly name: string;
  readonly path: string;
  /** Untimed preparation of one run (e.g. a fresh spreadsheet engine). */
  readonly setup?: () => S;
  /** The timed work; its result is kept alive until the run is timed. */
  readonly run: (state: S) => unknown;
  /** Untimed clean-up after one run. */
  readonly teardown?: (state: S) => void;
}

export interface RunPlan {
  readonly warmup: number;
  readonly runs: number;
  /** Stop after this many ms of timed work once at least minRuns runs are done. */
  readonly budgetMs?: number;
  readonly minRuns?: number;
  /**
   * Idle time after the forced GC before a timed run: V8 finishes a full GC's sweeping and
   * page release on background threads, and on a two-core machine that work would otherwise
   * land inside the timed run (measured: reading a 1M-row any[][] right after gc() took 3 to
   * 6 times as long as 300 ms later).
   */
  readonly settleMs?: number;
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

/** Holds the last result: written, never read. */
const sink: { value?: unknown } = {};
/** Keeps results reachable so that no engine can drop the work that produced them. */
function keep(x: unknown): void {
  sink.value = x;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Sleeps without using the CPU. */
function sleep(ms: number): void {
  if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
}

/** Two minor GCs: objects that survive their first scavenge are promoted by the second. */
function minorGarbage(settleMs = 0): void {
  if (gc) {
    const minor = gc as unknown as (o: { type: string }) => void;
    minor({ type: "minor" });
    minor({ type: "minor" });
    sleep(settleMs);
  }
}

export function collectGarbage(settleMs = 0): void {
  if (gc) {
    gc();
    gc();
    sleep(settleMs);
  }
}

/** Times several paths, interleaved. */
export function timePaths<S>(paths: readonly Path<S>[], plan: RunPlan): Timing[] {
  const once = (p: Path<S>): [number, number] => {
    // Inputs made by setup are fresh, as the runtime hands them over right after parsing
    // them. Minor GCs first move what the parse left in the young generation to the old one in
    // order (a full GC straight away would evacuate it in parallel and scatter it: a 1M-row
    // column then reads 2-3 times slower than any real call does); then a full GC, so that every
    // run starts from a collected heap whose limits fit the input (otherwise the run itself
    // pays, at random, for marking the input).
    // A path without setup ignores its state: it gets undefined.
    const state = p.setup ? p.setup() : (undefined as S);
    if (p.setup) minorGarbage(0);
    collectGarbage(plan.settleMs ?? 0);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = p.run(state);
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    keep(out);
    if (p.teardown) p.teardown(state);
    sink.value = undefined;
    return [t1 - t0, (c.user + c.system) / 1000];
  };
  for (let w = 0; w < plan.warmup; w++) for (const p of paths) once(p);
  const samples: number[][] = paths.map(() => []);
  const cpu: number[][] = paths.map(() => []);
  let spent = 0;
  for (let r = 0; r < plan.runs; r++) {
    for (let k = 0; k < paths.length; k++) {
      const [ms, cpuMs] = once(paths[k]);
      samples[k].push(ms);
      cpu[k].push(cpuMs);
      spent += ms;
    }
    if (plan.budgetMs !== undefined && r + 1 >= (plan.minRuns ?? 3) && spent > plan.budgetMs) break;
  }
  return samples.map((s, k) => stats(s, cpu[k]));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function stats(samples: number[], cpu: number[] = samples): Timing {
  const s = [...samples].sort((a, b) => a - b);
  return { samples, medianMs: median(s), minMs: s[0], maxMs: s[s.length - 1], cpuMedianMs: median(cpu) };
}

export function toCase(p: { name: string; path: string }, group: string, n: number, t: Timing, extra: Partial<BenchCase> = {}): BenchCase {
  return {
    name: p.name,
    group,
    path: p.path,
    n,
    medianMs: round(t.medianMs),
    minMs: round(t.minMs),
    maxMs: round(t.maxMs),
    runs: t.samples.length,
    cpuMedianMs: round(t.cpuMedianMs),
    ...extra,
  };
}

/** Marks `c` as compared with `base`: ratio = c / base (time), speedup = base / c. */
export function compare(c: BenchCase, base: BenchCase, speedup = false): BenchCase {
  c.baseline = base.name;
  c.ratio = round(c.medianMs / base.medianMs, 4);
  if (speedup) c.speedup = round(base.medianMs / c.medianMs, 1);
  return c;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

class CheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckError";
  }
}

/** Throws (and so stops the benchmark before any time is reported) unless cond holds. */
export function check(cond: boolean, message: string): void {
  if (!cond) throw new CheckError(`outputs differ: ${message}`);
}

/** Relative closeness for sums computed in a different order (compensated or not). */
export function close(a: number, b: number, rel = 1e-9): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

const started = performance.now();
export function log(msg: string): void {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
}

// ---------------------------------------------------------------------------------------
// Output: the table

export function formatMs(ms: number): string {
  if (ms >= 10000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function formatN(n: number): string {
  return n.toLocaleString("en-US");
}

export function markdownTable(header: string[], rows: string[][], align: ("l" | "r")[]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const sep = `|${align.map((a) => (a === "r" ? "---:" : "---")).join("|")}|`;
  return [line(header), sep, ...rows.map(line)].join("\n");
}
