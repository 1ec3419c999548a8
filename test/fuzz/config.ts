/**
 * How much the fuzz suite runs. CI: FUZZ_RUNS generated inputs per property (10,000) with a
 * fixed seed, so a failure reproduces exactly. `npm run fuzz:long` (test/fuzz/long.js) sets
 * FUZZ_RUNS higher and FUZZ_SEED to a random seed it prints; every failure repeats the seed,
 * the path and the command that replays it.
 */
import fc from "fast-check";

const DEFAULT_SEED = 20260417;
const DEFAULT_RUNS = 10_000;

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, not "${raw}"`);
  return n;
}

const FUZZ_SEED = intFromEnv("FUZZ_SEED", DEFAULT_SEED);
export const FUZZ_RUNS = intFromEnv("FUZZ_RUNS", DEFAULT_RUNS);

/**
 * Runs a property FUZZ_RUNS × scale times (at least 1) with the suite's seed. On failure the
 * error names the seed and the command to replay it (fast-check adds the path and the
 * counterexample).
 */
export function fuzz<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, scale = 1): void {
  const numRuns = Math.max(1, Math.round(FUZZ_RUNS * scale));
  try {
    fc.assert(property, { seed: FUZZ_SEED, numRuns });
  } catch (e) {
    const test = expect.getState().testPath ?? "test/fuzz";
    const replay = `FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS} npx jest ${test.replace(/^.*?(test[\\/]fuzz)/, "$1")}`;
    const err = e as Error;
    err.message = `fuzz failure with FUZZ_SEED=${FUZZ_SEED} (replay: ${replay})\n${err.message}`;
    throw err;
  }
}
