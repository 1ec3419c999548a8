/**
 * A PivotTable copied out as values, through the command line: `Row Labels` / `行标签` is the
 * customer column and `Sum of X` / `求和项:X` the value column, never the count or the average
 * beside it (engine/input/headers.ts). The files are written by the test.
 */
import { cli, tempFile } from "./helpers";

const tiersOf = async (csv: string) => {
  const r = await cli("tiers", tempFile("pivot.csv", csv), "--format", "json");
  return { ...r, rows: r.code === 0 ? (JSON.parse(r.out) as { customer: string; value: number }[]) : [] };
};

describe("ka-planner tiers on PivotTable headers", () => {
  test("English: Row Labels and Sum of Revenue; Count of and Average of are left alone", async () => {
    const r = await tiersOf(
      "Row Labels,Count of Revenue,Average of Revenue,Sum of Revenue\nAcme,40,250,10000\nBeta,2,2500,5000\nGamma,10,100,1000\n",
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/customer = column "Row Labels" \(A\), value = column "Sum of Revenue" \(D\)/);
    expect(r.rows.map((x) => [x.customer, x.value])).toEqual([
      ["Acme", 10000],
      ["Beta", 5000],
      ["Gamma", 1000],
    ]);
  });

  test("Chinese: 行标签 and 求和项：销售额 (full-width colon); 计数项 and 平均值项 are left alone", async () => {
    const r = await tiersOf(
      "行标签,计数项:销售额,平均值项:销售额,求和项：销售额\n甲公司,40,250,10000\n乙公司,2,2500,5000\n丙公司,10,100,1000\n",
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/customer = column "行标签" \(A\), value = column "求和项：销售额" \(D\)/);
    expect(r.rows.map((x) => x.value)).toEqual([10000, 5000, 1000]);
  });

  test("only a count or an average: no value column is taken (the error lists the headers)", async () => {
    const r = await tiersOf("Row Labels,Count of Revenue,Average of Revenue\nAcme,40,250\nBeta,2,2500\n");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--value/);
  });
});
