/**
 * `ka-planner sample --out DIR` never replaces an existing file without --force (every target
 * checked before the first is written), writes each file atomically, and never follows a
 * symbolic link at a target: with --force the link itself is replaced. The demo writes into
 * its own out/ folder again and again.
 */
import * as fs from "fs";
import * as path from "path";
import { runDemo } from "../../src/cli/demo";
import { bufferIo } from "../../src/cli/io";
import { cli, tempDir } from "./helpers";

const SMALL = ["--seed", "3", "--customers", "20", "--lines", "200"];
const TARGETS = ["sample-sales.en.xlsx", "sample-sales.en.csv", "sample-sales-messy.en.xlsx", "sample-sales-messy.en.csv"];

describe("ka-planner sample and existing files", () => {
  it("an existing file: exit 2 naming it, nothing written, the file untouched; --force replaces it", async () => {
    const dir = tempDir();
    const mine = path.join(dir, "sample-sales-messy.en.csv");
    fs.writeFileSync(mine, "my own data");
    const r = await cli("sample", "--out", dir, "--locale", "en", ...SMALL);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`ka-planner: ${mine} already exists; nothing was written. Use --force to overwrite the sample files.\n`);
    expect(fs.readdirSync(dir)).toEqual(["sample-sales-messy.en.csv"]);
    expect(fs.readFileSync(mine, "utf8")).toBe("my own data");

    const forced = await cli("sample", "--out", dir, "--locale", "en", "--force", ...SMALL);
    expect(forced.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([...TARGETS].sort()); // no temporary file left
    expect(fs.readFileSync(mine, "utf8")).toMatch(/^\ufeffOrder ID,/);
  });

  it("a symbolic link at a target is never followed: refused without --force, replaced itself with it", async () => {
    const dir = tempDir();
    const victim = path.join(tempDir(), "precious.txt");
    fs.writeFileSync(victim, "do not touch");
    const link = path.join(dir, "sample-sales.en.csv");
    fs.symlinkSync(victim, link);
    const dangling = path.join(dir, "sample-sales.en.xlsx");
    fs.symlinkSync(path.join(dir, "nowhere", "x"), dangling);

    const r = await cli("sample", "--out", dir, "--locale", "en", ...SMALL);
    expect(r.code).toBe(2);
    expect(r.err).toContain("already exists");
    expect(fs.readFileSync(victim, "utf8")).toBe("do not touch");
    expect(fs.existsSync(path.join(dir, "nowhere"))).toBe(false);

    const forced = await cli("sample", "--out", dir, "--locale", "en", "--force", ...SMALL);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(victim, "utf8")).toBe("do not touch");
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
    expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(link, "utf8")).toMatch(/^\ufeffOrder ID,/);
    expect(fs.readFileSync(dangling).subarray(0, 2).toString()).toBe("PK");
  });

  it("--force is in the help", async () => {
    const r = await cli("sample", "--help");
    expect(r.out).toContain("--force");
  });

  it("the demo runs again over the out/ folder of its previous run", async () => {
    const dir = tempDir();
    const options = { outDir: dir, customers: 20, lines: 300, parallel: false, workbook: { today: "2025-12-31" } };
    await runDemo({ ...options, io: bufferIo() });
    const io = bufferIo();
    const again = await runDemo({ ...options, io });
    expect(again.files.every((f) => fs.existsSync(f))).toBe(true);
    expect(io.out()).toMatch(/Done in \d+\.\d s\./);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 120000);
});
