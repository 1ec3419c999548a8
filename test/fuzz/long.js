#!/usr/bin/env node
/*
 * `npm run fuzz:long [-- <jest options>]`: the fuzz suite (test/fuzz) with many more generated
 * inputs and a random seed. FUZZ_RUNS (default 200,000 per property) and FUZZ_SEED (default:
 * random) may be set to replay a run; the seed is printed before the run and again on failure.
 */
const { spawnSync } = require("child_process");
const crypto = require("crypto");
const path = require("path");

const root = path.join(__dirname, "..", "..");
const env = { ...process.env };
if (!env.FUZZ_SEED) env.FUZZ_SEED = String(crypto.randomInt(0, 2 ** 31));
if (!env.FUZZ_RUNS) env.FUZZ_RUNS = "200000";
const replay = `FUZZ_SEED=${env.FUZZ_SEED} FUZZ_RUNS=${env.FUZZ_RUNS} npm run fuzz:long`;
console.log(`fuzz:long with FUZZ_SEED=${env.FUZZ_SEED} FUZZ_RUNS=${env.FUZZ_RUNS} (replay: ${replay})`);

const jest = require.resolve("jest/bin/jest", { paths: [root] });
const result = spawnSync(process.execPath, [jest, "test/fuzz", "--testTimeout=86400000", ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});
if (result.status !== 0) console.log(`fuzz:long FAILED with FUZZ_SEED=${env.FUZZ_SEED} FUZZ_RUNS=${env.FUZZ_RUNS}; replay: ${replay}`);
process.exit(result.status === null ? 1 : result.status);
