/**
 * The command line on a PivotTable copied out as values (行标签 / 求和项:销售额 / 求和项:利润,
 * the grand total 总计 last, written by the test): 总计 is no customer, and stderr says so.
 */
import * as path from "path";
import { parse } from "csv-parse/sync";
import { cli, tempDir, tempFile } from "./helpers";

const customers = ["华东贸易", "北方机电", "南方百货", "西部物流", "中原食品", "东海渔业", "沿江建材", "山城火锅", "高原乳业", "海岛旅游"];
const sales = [400, 200, 100, 80, 60, 50, 40, 30, 20, 20];
const profit = [80, 30, 25, 12, 9, 8, 5, 4, 3, -6];
const pivotCsv = [
  "行标签,求和项:销售额,求和项:利润",
  ...customers.map((c, i) => `${c},${sales[i]},${profit[i]}`),
  "(空白),7,1",
  "总计,1007,171",
].join("\n");
const COLUMNS = ["--customer", "行标签", "--value", "求和项:销售额"];

describe("ka-planner on a pasted PivotTable", () => {
  const file = tempFile("pivot.csv", pivotCsv);

  it("tiers: 总计 is not tiered, tier A holds the five customers that make 80%, stderr names the total row", async () => {
    const r = await cli("tiers", file, ...COLUMNS, "--format", "csv");
    expect(r.code).toBe(0);
    const rows = parse(r.out);
    const names = rows.slice(1).map((x) => x[0]);
    expect(names).not.toContain("总计");
    expect(names).not.toContain("(空白)");
    expect(
      rows
        .slice(1)
        .filter((x) => x[4] === "A")
        .map((x) => x[0]),
    ).toEqual(customers.slice(0, 5));
    // Sheet row 13: the header is row 1, 总计 the 12th data row.
    expect(r.err).toContain('pivot.csv: total rows left out (1; a grand total or subtotals, not customers, in no figure): row 13 "总计"');
  });

  it("pareto: the total row on a line of its own, named by its sheet row", async () => {
    const r = await cli("pareto", file, ...COLUMNS, "--format", "csv");
    expect(r.code).toBe(0);
    const rows = parse(r.out);
    expect(rows[rows.length - 2]).toEqual(["", "Total rows left out (1): row 13", "1007", "", "", ""]);
    expect(rows[rows.length - 1]).toEqual(["", "Total (SUM of the values less the total rows)", "1007", "", "", ""]);
    expect(r.err).toContain('row 13 "总计"');
  });

  it("concentration: 10 customers, and the total row's count and value", async () => {
    const r = await cli("concentration", file, ...COLUMNS, "--format", "json");
    expect(r.code).toBe(0);
    const byKey = new Map((JSON.parse(r.out) as { key: string; value: number }[]).map((x) => [x.key, x.value]));
    expect(byKey.get("customers")).toBe(10);
    expect(byKey.get("totalRows")).toBe(1);
    expect(byKey.get("totalRowsValue")).toBe(1007);
  });

  it("a total word whose value matches no sum stays a customer, with a warning naming it", async () => {
    const odd = tempFile("odd.csv", "Customer,Revenue\nAcme,50\nTotal,7\nBeta,30\n");
    const r = await cli("tiers", odd, "--format", "csv");
    expect(r.code).toBe(0);
    expect(parse(r.out).map((x) => x[0])).toContain("Total");
    expect(r.err).toMatch(/^warning: .*odd\.csv: "Total" reads like a total row/m);
    expect(r.err).toContain("(row 3)");
  });

  it("build: says on stderr how many total rows were left out", async () => {
    const out = path.join(tempDir(), "pivot.xlsx");
    const r = await cli("build", file, "--customer", "行标签", "--value", "求和项:销售额", "--profit", "求和项:利润", "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain("total rows left out (1;");
    expect(r.err).toContain('row 13 "总计"');
  });
});
