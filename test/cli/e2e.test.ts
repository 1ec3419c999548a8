/**
 * End to end: the compiled command line (`npm run build:cli` → dist-cli/cli/main.js) run with
 * node, as users and CI run it. Built once; everything else is tested in-process.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { cli, fixture, tempDir } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const MAIN = path.join(ROOT, "dist-cli", "cli", "main.js");
const DEMO = path.join(ROOT, "dist-cli", "cli", "demo.js");

function node(script: string, ...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, KA_PLANNER_LOCALE: "en" } });
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    stdio: "pipe",
  });
}, 240000);

describe("dist-cli/cli/main.js", () => {
  it("starts with a node shebang and is the package's bin", () => {
    expect(fs.readFileSync(MAIN, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
    expect(path.normalize(pkg.bin["ka-planner"])).toBe(path.normalize("dist-cli/cli/main.js"));
  });

  it("prints the same tiers as the in-process command", async () => {
    const r = node(MAIN, "tiers", fixture("tiny.csv"), "--format", "json");
    expect(r.status).toBe(0);
    const inProcess = await cli("tiers", fixture("tiny.csv"), "--format", "json");
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(inProcess.out));
    expect((JSON.parse(r.stdout) as Record<string, unknown>[])[0]).toMatchObject({ customer: "ACME", value: 1300, tier: "A" });
  });

  it("exits with 2 and one line naming file, row and column on bad input, without a stack trace", () => {
    const r = node(MAIN, "tiers", fixture("bad-lines.csv"));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `ka-planner: ${fixture("bad-lines.csv")}: column "Revenue" (B), row 4 (line 5): "abc" is not a number.`,
    ]);
  });

  it("exits with 2 on usage errors and 0 on --help", () => {
    expect(node(MAIN, "tiers").status).toBe(2);
    expect(node(MAIN, "tiers", fixture("tiny.csv"), "--top", "x").status).toBe(2);
    const help = node(MAIN, "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/tiers[\s\S]*pareto[\s\S]*concentration[\s\S]*sample/);
  });
});

describe("dist-cli/cli/demo.js", () => {
  it("generates the sample, reads it back and prints both languages (the Chinese half in a worker)", () => {
    const dir = tempDir();
    const r = node(DEMO, dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.indexOf("=== KA Planner demo")).toBeGreaterThanOrEqual(0);
    expect(r.stdout.indexOf("=== KA Planner 演示")).toBeGreaterThan(r.stdout.indexOf("=== KA Planner demo"));
    expect(r.stdout).toMatch(/Sample: 300 customers, 30,000 order lines/);
    expect(r.stdout).toMatch(/Customers needed for 80% \(% of customers\)\s+\d+\.\d%/);
    for (const f of ["sample-sales.en.xlsx", "sample-sales.en.csv", "sample-sales.zh.xlsx", "sample-sales.zh.csv"]) {
      expect(fs.statSync(path.join(dir, f)).size).toBeGreaterThan(100000);
    }
  });
});
