import * as fs from "fs";
import * as path from "path";
import { readTable } from "../../src/cli/input/read-table";
import { runDemo } from "../../src/cli/demo";
import { bufferIo } from "../../src/cli/io";
import { parseNumericText } from "../../src/engine/input/numbers";
import { generateSalesSample, SAMPLE_DEFAULTS, sampleHeaders } from "../../src/sample";
import { cli, tempDir } from "./helpers";

const SMALL = { seed: 11, customers: 30, lines: 600 };

describe("ka-planner sample", () => {
  const dir = tempDir();
  let result: { code: number; out: string; err: string };

  beforeAll(async () => {
    result = await cli("sample", "--out", dir, "--locale", "both", "--seed", "11", "--customers", "30", "--lines", "600");
  });

  it("writes clean and messy .xlsx and .csv per language", () => {
    expect(result.code).toBe(0);
    expect(result.err).toBe("");
    for (const loc of ["en", "zh"]) {
      for (const name of [
        `sample-sales.${loc}.xlsx`,
        `sample-sales.${loc}.csv`,
        `sample-sales-messy.${loc}.xlsx`,
        `sample-sales-messy.${loc}.csv`,
      ]) {
        expect(fs.existsSync(path.join(dir, name))).toBe(true);
        expect(result.out).toContain(name);
      }
    }
  });

  it("the .xlsx holds the generated rows: headers, numbers, dates", async () => {
    for (const locale of ["en", "zh"] as const) {
      const rows = generateSalesSample({ ...SMALL, locale });
      const t = await readTable(path.join(dir, `sample-sales.${locale}.xlsx`));
      expect(t.headers).toEqual(sampleHeaders(locale));
      expect(t.rowCount).toBe(600);
      expect(t.columns[6]).toEqual(rows.map((r) => r.revenue));
      expect(t.columns[1]).toEqual(rows.map((r) => r.date));
      expect(t.columns[2]).toEqual(rows.map((r) => r.customer));
    }
  });

  it("the .csv is UTF-8 with BOM and holds the same rows", async () => {
    const bytes = fs.readFileSync(path.join(dir, "sample-sales.zh.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = generateSalesSample({ ...SMALL, locale: "zh" });
    const t = await readTable(path.join(dir, "sample-sales.zh.csv"));
    expect(t.headers).toEqual(sampleHeaders("zh"));
    expect((t.columns[6] as string[]).map(Number)).toEqual(rows.map((r) => r.revenue));
    expect(t.columns[1]).toEqual(rows.map((r) => r.date.toISOString().slice(0, 10)));
  });

  it("the messy .xlsx stores some numbers as text; the engine reads them to the clean totals", async () => {
    const t = await readTable(path.join(dir, "sample-sales-messy.en.xlsx"));
    const texts = t.columns[6].filter((v): v is string => typeof v === "string");
    expect(texts.length).toBeGreaterThan(0);
    for (const s of texts) expect(Number.isNaN(parseNumericText(s))).toBe(false);
    const clean = await cli("concentration", path.join(dir, "sample-sales.en.xlsx"), "--format", "json");
    const messy = await cli("concentration", path.join(dir, "sample-sales-messy.en.xlsx"), "--format", "json");
    const fig = (s: string) => Object.fromEntries((JSON.parse(s) as { key: string; value: number }[]).map((x) => [x.key, x.value]));
    expect(fig(messy.out).netTotal).toBeCloseTo(fig(clean.out).netTotal, 2);
    expect(fig(messy.out).noCustomerRows).toBe(1);
    expect(fig(clean.out).noCustomerRows).toBe(0);
  });

  it(".xlsx and .csv give the same tiers", async () => {
    const a = await cli("tiers", path.join(dir, "sample-sales.en.xlsx"), "--format", "json");
    const b = await cli("tiers", path.join(dir, "sample-sales.en.csv"), "--format", "json");
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out)).toEqual(JSON.parse(b.out));
  });

  it("is deterministic: the same seed writes the same CSV bytes", async () => {
    const again = tempDir();
    expect((await cli("sample", "--out", again, "--locale", "en", "--seed", "11", "--customers", "30", "--lines", "600")).code).toBe(0);
    expect(fs.readFileSync(path.join(again, "sample-sales.en.csv")).equals(fs.readFileSync(path.join(dir, "sample-sales.en.csv")))).toBe(
      true,
    );
    expect(fs.existsSync(path.join(again, "sample-sales.zh.csv"))).toBe(false);
  });

  it("bad options exit with 2", async () => {
    expect((await cli("sample")).code).toBe(2);
    expect((await cli("sample", "--out", tempDir(), "--seed", "abc")).code).toBe(2);
    expect((await cli("sample", "--out", tempDir(), "--locale", "fr")).code).toBe(2);
  });
});

describe("demo", () => {
  it("writes the sample, reads the .xlsx back and prints the 80/20 table, tiers and concentration in both languages", async () => {
    const dir = tempDir();
    const io = bufferIo();
    const { files } = await runDemo({ outDir: dir, io, customers: 40, lines: 1500, parallel: false });
    const out = io.out();
    expect(files.map((f) => path.basename(f))).toEqual([
      "sample-sales.en.xlsx",
      "sample-sales.en.csv",
      "sample-sales.zh.xlsx",
      "sample-sales.zh.csv",
    ]);
    for (const f of files) expect(fs.existsSync(f)).toBe(true);
    const en = out.indexOf("=== KA Planner demo");
    const zh = out.indexOf("=== KA Planner 演示");
    expect(en).toBeGreaterThanOrEqual(0);
    expect(zh).toBeGreaterThan(en);
    // The Other line sums the ranked customers beyond the top 15: those with a net revenue >= 0.
    const totals = new Map<string, number>();
    for (const r of generateSalesSample({ seed: SAMPLE_DEFAULTS.seed, customers: 40, lines: 1500 })) {
      const k = r.customer.trim().toLowerCase();
      totals.set(k, (totals.get(k) ?? 0) + (r.revenue as number));
    }
    const other = [...totals.values()].filter((v) => v >= 0).length - 15;
    expect(other).toBeGreaterThan(20);
    for (const s of [
      "80/20 contribution table, top 15",
      `Other (${other} customers)`,
      "% of customers",
      "Customers needed for 80%",
      "Loss-making customers by profit",
    ]) {
      expect(out.slice(en, zh)).toContain(s);
    }
    for (const s of ["二八贡献表", `其他（${other} 个客户）`, "客户占比", "达到 80% 所需客户数", "合计"])
      expect(out.slice(zh)).toContain(s);
    // Top 15: ranks 1..15 are listed before the Other line.
    const enPart = out.slice(en, zh);
    const ranked = enPart
      .slice(0, enPart.indexOf("Other ("))
      .split("\n")
      .filter((l) => /^\s+\d+\s{2}/.test(l));
    expect(ranked.map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(out).toMatch(/Done in \d+\.\d s\./);
  });
});
