import { concentrationOf } from "../../src/engine/concentration";
import { buildPortfolio, Portfolio, SalesColumns } from "../../src/engine/portfolio";
import { TIER_LOSS, tierSpecOf } from "../../src/engine/tiers";
import { generateSalesSample, SAMPLE_COLUMNS, SalesRow } from "../../src/sample";
import { buildContributionSheet } from "../../src/sheets/contribution";
import { a1, isFormula, SheetModel } from "../../src/sheets/model";
import { Locale, resourceOf } from "../../src/strings";
import {
  cellAt,
  checkFormulas,
  formulaCells,
  functionsOf,
  layoutProblems,
  referencesOf,
  SheetEvaluator,
  shown,
  textsOf,
} from "../support/formula-eval";

const spec = (scheme?: string, thresholds?: number[], locale: Locale = "en") =>
  tierSpecOf(scheme, thresholds ? thresholds.map((x) => [x]) : undefined, undefined, locale);

/** One row per line: [customer, value, profit?, effort?]. */
function portfolioOf(
  lines: [string | null, number | null, (number | null)?, (number | null)?][],
  opts: { profit?: boolean; effort?: boolean; scheme?: string; thresholds?: number[] } = {},
): Portfolio {
  const cols: SalesColumns = {
    customer: { name: "Customer", cells: lines.map((l) => l[0]) },
    measure: { name: "Revenue", cells: lines.map((l) => l[1]) },
    ...(opts.profit === false ? {} : { profit: { name: "Profit", cells: lines.map((l) => l[2] ?? null) } }),
    ...(opts.effort === false ? {} : { effort: { name: "Hours", cells: lines.map((l) => l[3] ?? null) } }),
  };
  return buildPortfolio(cols, spec(opts.scheme, opts.thresholds));
}

const headerName = (key: keyof SalesRow, locale: Locale) => SAMPLE_COLUMNS.find((c) => c.key === key)![locale];

function samplePortfolio(locale: Locale, scheme = "ABC", customers = 300, lines = 6000): Portfolio {
  const rows = generateSalesSample({ customers, lines, locale, seed: 7 });
  const col = (key: keyof SalesRow) => ({ name: headerName(key, locale), cells: rows.map((r) => r[key]) });
  return buildPortfolio(
    { customer: col("customer"), measure: col("revenue"), profit: col("profit"), effort: col("salesHours"), date: col("date") },
    spec(scheme, undefined, locale),
  );
}

const OPTIONS = { locale: "en" as const, generated: "2025-06-30" };

/** The ties/zeros/losses/no-customer dataset: borders met exactly at 80% (40+20+20 of 100). */
const MIXED: [string | null, number | null, (number | null)?, (number | null)?][] = [
  ["Acme", 25, 8, 10],
  ["Beta", 20, 4, 12],
  ["acme ", 15, 2, 5], // Acme: 40
  ["Gamma", 20, -3, 30],
  ["Delta", 10, 1, null],
  ["Eps", 10, 2, 8],
  ["Zero", 0, 0, 1],
  ["Loss", -5, -6, 4],
  [null, 7], // a line without a customer
  [null, -2],
  ["Blank", null, 1, 1], // no value: not a customer of the table
];

/** The table's data rows as {header: shown value}. */
function tableRows(model: SheetModel): Record<string, unknown>[] {
  const t = model.tables![0];
  const headers = Array.from({ length: t.range.cols }, (_, j) => String(shown(model, t.range.row, t.range.col + j)));
  const out: Record<string, unknown>[] = [];
  for (let i = 1; i < t.range.rows; i++) {
    const row: Record<string, unknown> = {};
    headers.forEach((h, j) => (row[h] = shown(model, t.range.row + i, t.range.col + j)));
    out.push(row);
  }
  return out;
}

/** Finds the value right of a label cell anywhere in the model. */
function valueRightOf(model: SheetModel, label: string): unknown {
  for (const b of model.blocks) {
    for (let i = 0; i < b.cells.length; i++) {
      for (let j = 0; j < b.cells[i].length; j++) if (b.cells[i][j] === label) return shown(model, b.row + i, b.col + j + 1);
    }
  }
  throw new Error(`no label ${label}`);
}

const labelled = (c: unknown, label: string) => c === label || (c !== null && typeof c === "object" && (c as { v: unknown }).v === label);

function formulaRightOf(model: SheetModel, label: string): string {
  for (const b of model.blocks) {
    for (let i = 0; i < b.cells.length; i++) {
      for (let j = 0; j < b.cells[i].length; j++) {
        if (labelled(b.cells[i][j], label)) {
          const c = cellAt(model, b.row + i, b.col + j + 1);
          if (c !== null && c !== undefined && isFormula(c)) return c.f;
        }
      }
    }
  }
  throw new Error(`no formula right of ${label}`);
}

describe("formula evaluator (test support)", () => {
  const model: SheetModel = {
    key: "t",
    name: "t",
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [1, "a", null],
          [2, "B", 0.5],
          [3, "b", true],
        ],
      },
    ],
  };
  const ev = new SheetEvaluator(model);
  test.each([
    ["-2^2", 4],
    ["2+3*4", 14],
    ["SUM(A1:A3)/COUNT(A1:C3)", 6 / 4],
    ['COUNTIF(B1:B3,"b")', 2],
    ['COUNTIF(A1:A3,">1")', 2],
    ["SUMIF(B1:B3,B2,A1:A3)", 5],
    ["SUMPRODUCT(ISNUMBER(A1:A3))", 0],
    ["SUMPRODUCT(--ISNUMBER(A1:C1))", 1],
    ["SUMPRODUCT((ROUND(A1:A3/3,12)<0.9)*(A1:A3>1))", 1],
    ["ROUND(2.5,0)+ROUND(-2.5,0)", 0],
    ["ROUND(0.8999999999999999,12)=0.9", true],
    ["MEDIAN(A1:A3,C2)", 1.5],
    ["MIN(C1)", 0],
    ['IF(C1=0,"blank is 0","no")', "blank is 0"],
    ['IF(B1="A",1,0)', 1],
    ["1/0", "#DIV/0!"],
    ["C1", 0],
    ["MAX(A1:A3)-MIN(A1:A3)", 2],
  ])("%s = %p", (f, v) => {
    const got = ev.formula(f);
    expect(typeof got === "object" && got !== null ? String(got) : got).toBe(v);
  });
  test("ranges outside SUMPRODUCT, wildcards and unknown functions are refused", () => {
    expect(() => ev.formula("A1:A3*2")).toThrow(/outside SUMPRODUCT/);
    expect(() => ev.formula('COUNTIF(B1:B3,"b*")')).toThrow(/wildcard/);
    expect(() => ev.formula("XLOOKUP(1,A1:A3,B1:B3)")).toThrow(/not supported/);
    expect(() => ev.formula("KA_ThresholdA*2")).toThrow();
  });
  test("a wrong expected value is reported", () => {
    const wrong: SheetModel = { key: "t", name: "t", blocks: [{ row: 0, col: 0, cells: [[1, { f: "A1*2", v: 3 }]] }] };
    expect(checkFormulas(wrong)).toEqual(["R1C2 A1*2: got 2, expected 3"]);
  });
});

describe("contribution sheet: ties, zeros, losses, no-customer rows", () => {
  const p = portfolioOf(MIXED);
  const model = buildContributionSheet(p, OPTIONS);

  test("every formula calculates to the engine's value", () => {
    expect(checkFormulas(model)).toEqual([]);
    expect(formulaCells(model).length).toBeGreaterThan(50);
  });

  test("the table lists the ranked customers in the engine's order, with tiers by the exclusive share", () => {
    const rows = tableRows(model);
    expect(rows.map((r) => r.Customer)).toEqual(["Acme", "Beta", "Gamma", "Delta", "Eps", "Zero"]);
    expect(rows.map((r) => r.Rank)).toEqual([1, 2, 2, 4, 4, 6]);
    expect(rows.map((r) => r.Revenue)).toEqual([40, 20, 20, 10, 10, 0]);
    expect(rows.map((r) => r["Share held above"])).toEqual([0, 0.4, 0.4, 0.8, 0.8, 1]);
    // Delta and Eps sit exactly on the 80% border: B, as the engine decides; Zero: last tier.
    expect(rows.map((r) => r.Tier)).toEqual(["A", "A", "A", "B", "B", "C"]);
    expect(rows.map((r) => r.Profit)).toEqual([10, 4, -3, 1, 2, 0]);
    expect(rows.map((r) => r["Sales effort"])).toEqual([15, 12, 30, null, 8, 1]);
    const a = p.analysis;
    const id = (n: string) => a.customers.names.indexOf(n);
    expect(rows.map((r) => r.Tier)).toEqual(
      ["Acme", "Beta", "Gamma", "Delta", "Eps", "Zero"].map((n) => a.spec.labels[a.tiers.tiers[id(n)]]),
    );
  });

  test("loss-makers and the no-customer line stand apart; the total reconciles with the source", () => {
    const t = model.tables![0];
    const after = t.range.row + t.range.rows;
    const below: unknown[][] = [];
    for (let r = after; r < after + 8; r++) below.push([shown(model, r, 1), shown(model, r, 2), shown(model, r, t.range.cols - 1)]);
    expect(below).toContainEqual(["Loss", -5, "Loss"]);
    expect(below).toContainEqual(["(no customer: 2 rows)", 5, null]);
    const total = below.find((r) => r[0] === "Total")!;
    expect(total[1]).toBe(100 - 5 + 5);
    expect(p.analysis.netTotal).toBe(100); // 25+20+15+20+10+10+0-5+7-2
    expect(valueRightOf(model, "Net total (= SUM of the source column)")).toBe(100);
    expect(valueRightOf(model, "Positive total (the shares' denominator)")).toBe(100);
    // The loss-maker is in no cumulative-share formula: the shares' ranges end at the table.
    for (const c of formulaCells(model)) {
      if (!c.f.startsWith("MIN(1,")) continue;
      for (const r of referencesOf(c.f)) expect(r.row + r.rows).toBeLessThanOrEqual(after);
    }
  });

  test("the tier borders are named input cells the tier formulas read", () => {
    const names = Object.fromEntries(model.names!.map((n) => [n.name, n.range]));
    expect(Object.keys(names)).toEqual(
      expect.arrayContaining(["KA_ThresholdA", "KA_ThresholdB", "KA_Thresholds", "KA_PositiveTotal", "KA_NetTotal"]),
    );
    const A = names.KA_ThresholdA;
    expect(shown(model, A.row, A.col)).toBe(0.8);
    expect(shown(model, names.KA_ThresholdB.row, names.KA_ThresholdB.col)).toBe(0.95);
    const block = model.blocks.find((b) => b.row <= A.row && A.row < b.row + b.cells.length && b.col === A.col)!;
    expect(block.style).toBe("input");
    const tierCell = cellAt(model, model.tables![0].range.row + 1, model.tables![0].range.col + model.tables![0].range.cols - 1);
    expect(isFormula(tierCell!) && tierCell.f).toContain(a1(A.row, A.col, true));
    // Editing a border recalculates the tiers: at 85% Delta and Eps (share above 80%) become A.
    const edited: SheetModel = {
      ...model,
      blocks: model.blocks.map((b) => (b.row === A.row && b.col === A.col ? { ...b, cells: [[0.85], ...b.cells.slice(1)] } : b)),
    };
    const ev = new SheetEvaluator(edited);
    const t = model.tables![0].range;
    expect([1, 2, 3, 4, 5, 6].map((i) => ev.value(t.row + i, t.col + t.cols - 1))).toEqual(["A", "A", "A", "A", "A", "C"]);
  });

  test("summary by tier: counts, value, profit and effort shares", () => {
    const f = formulaRightOf(model, "A");
    expect(f).toMatch(/^COUNTIF\(/);
    const conc = concentrationOf(p.analysis);
    expect(conc.customers).toBe(7);
    const sumRowOf = (label: string) => {
      for (const b of model.blocks) {
        const i = b.cells.findIndex((r) => labelled(r[0], label));
        if (i >= 0 && b.cells[i].length > 5) return b.cells[i].map((c) => (c !== null && typeof c === "object" ? c.v : c));
      }
      throw new Error(label);
    };
    // Tier | customers | % | value | % of positive | profit | % | effort | %
    expect(sumRowOf("A")).toEqual(["A", 3, 3 / 7, 80, 0.8, 11, 11 / 8, 57, 57 / 70]);
    expect(sumRowOf("B")).toEqual(["B", 2, 2 / 7, 20, 0.2, 3, 3 / 8, 8, 8 / 70]);
    expect(sumRowOf("C")).toEqual(["C", 1, 1 / 7, 0, 0, 0, 0, 1, 1 / 70]);
    expect(sumRowOf("Loss")).toEqual(["Loss", 1, 1 / 7, -5, "", -6, -6 / 8, 4, 4 / 70]);
    expect(sumRowOf("Total")).toEqual(["Total", 7, 1, 95, 1, 8, 1, 70, 1]);
  });

  test("headline: the customers needed for 80% by the tier rule, as text and as a formula", () => {
    expect(shown(model, 2, 1)).toBe("43% of customers (3 of 7) make 80% of Revenue");
    const h = cellAt(model, 2, 0)!;
    expect(isFormula(h) && h.v).toBeCloseTo(3 / 7, 12);
    expect(checkFormulas(model)).toEqual([]);
  });

  test("concentration figures are formulas equal to KA.CONCENTRATION's", () => {
    const conc = concentrationOf(p.analysis);
    expect(valueRightOf(model, "Customers needed for 80%")).toBe(3);
    expect(valueRightOf(model, "Customers needed for 95%")).toBe(conc.needed[2].count);
    expect(valueRightOf(model, "HHI (0-10,000)")).toBeCloseTo(conc.hhi, 9);
    expect(valueRightOf(model, "Gini coefficient")).toBeCloseTo(conc.gini, 12);
    expect(formulaRightOf(model, "Gini coefficient")).toMatch(/^IF\(OR\(COUNT/);
    expect(formulaRightOf(model, "HHI (0-10,000)")).toMatch(/^SUMPRODUCT\(/);
    expect(valueRightOf(model, "Top-5 share")).toBe(conc.topShares[1].share);
  });

  test("layout invariants", () => {
    expect(layoutProblems(model)).toEqual([]);
    expect(model.freeze).toEqual({ rows: model.tables![0].range.row + 1, cols: 2 });
    expect(model.tabColor).toMatch(/^[0-9A-F]{6}$/);
    expect(model.columnWidths!.length).toBeGreaterThan(10);
  });

  test("the Pareto chart: values by customer, cumulative share on the secondary axis, an 80% line", () => {
    const [chart] = model.charts!;
    expect(chart.kind).toBe("pareto");
    const [bars, line] = chart.series;
    expect([bars.type, bars.axis, line.type, line.axis]).toEqual(["column", "primary", "line", "secondary"]);
    expect(chart.referenceLines).toEqual([{ axis: "y2", value: 0.8, label: "80%" }]);
    expect(chart.y2Max).toBe(1);
    expect([chart.xAxisTitle, chart.yAxisTitle, chart.y2AxisTitle].every((s) => !!s)).toBe(true);
    const names = Array.from({ length: bars.categories.rows }, (_, i) => shown(model, bars.categories.row + i, bars.categories.col));
    expect(names).toEqual(["Acme", "Beta", "Gamma", "Delta", "Eps", "Zero"]);
    const t = model.tables![0].range;
    for (let i = 0; i < bars.values.rows; i++) {
      const v = cellAt(model, bars.values.row + i, bars.values.col)!;
      const l = cellAt(model, line.values.row + i, line.values.col)!;
      expect(isFormula(v) && v.f).toBe(a1(t.row + 1 + i, 2));
      expect(isFormula(l) && referencesOf(l.f)[0]).toEqual({ row: t.row + 1 + i, col: 6, rows: 1, cols: 1 });
    }
  });

  test("number formats: money, percent", () => {
    const body = model.blocks.find((b) => b.row === model.tables![0].range.row + 1 && b.col === 0)!;
    expect(body.numberFormats).toEqual(["0", null, "#,##0.00", "#,##0.00", "#,##0.0", "0.0%", "0.0%", "0.0%", null]);
    expect(model.conditionalFormats!.some((c) => c.kind === "dataBar")).toBe(true);
  });
});

describe("contribution sheet: a source with a subtotal and a grand total", () => {
  // MIXED's lines, then a subtotal of the first three and the grand total of everything.
  const lines: typeof MIXED = [...MIXED.slice(0, 3), ["East Total", 60], ...MIXED.slice(3), ["Grand Total", 100]];
  const p = portfolioOf(lines);
  const model = buildContributionSheet(p, OPTIONS);

  test("the total rows are no customers; every formula calculates to the engine's value", () => {
    expect(tableRows(model).map((r) => r.Customer)).toEqual(["Acme", "Beta", "Gamma", "Delta", "Eps", "Zero"]);
    expect(checkFormulas(model)).toEqual([]);
    expect(layoutProblems(model)).toEqual([]);
  });

  test("the reconciliation adds the total rows back: net total + total rows = SUM of the source column", () => {
    expect(valueRightOf(model, "Net total (= SUM of the source column less the total rows)")).toBe(100);
    expect(valueRightOf(model, "Total rows left out (2: grand total, subtotals)")).toBe(160);
    expect(valueRightOf(model, "SUM of the source column (net total + total rows)")).toBe(260);
    expect(textsOf(model)).toContain(
      "The total adds the table, the loss-making customers and the rows without a customer; with the total rows left out (the line above it) it equals SUM over the source column.",
    );
  });
});

describe("contribution sheet: borders that floating point would miss", () => {
  test("9.18 + 8.30 is exactly 80% of 21.85, but the running share is 0.7999999999999999: the last customer is B", () => {
    const p = portfolioOf(
      [
        ["a", 9.18],
        ["b", 8.3],
        ["c", 4.37],
      ],
      { profit: false, effort: false },
    );
    const model = buildContributionSheet(p, OPTIONS);
    expect(tableRows(model).map((r) => r.Tier)).toEqual(["A", "A", "B"]);
    expect(checkFormulas(model)).toEqual([]);
    // Without ROUND the formula would say A: the rounding is what keeps it equal to the engine.
    const ev = new SheetEvaluator(model);
    const t = model.tables![0].range;
    const exclusive = a1(t.row + 3, 5);
    expect(ev.formula(exclusive)).toBe(0.7999999999999999);
    expect(ev.formula(`IF(${exclusive}<0.8,"A","B")`)).toBe("A");
  });

  test("tier formulas compare ROUND(share, 12) with ROUND(border, 12)", () => {
    const model = buildContributionSheet(portfolioOf(MIXED), OPTIONS);
    const tiers = formulaCells(model).filter((c) => functionsOf(c.f).filter((f) => f === "ROUND").length === 4);
    expect(tiers.length).toBe(6); // one per ranked customer: two borders, both sides rounded
  });
});

describe("contribution sheet: edge cases", () => {
  test.each<[string, Portfolio]>([
    ["one customer", portfolioOf([["Solo", 42, 5, 3]])],
    [
      "all customers zero",
      portfolioOf([
        ["a", 0, 1],
        ["b", 0, -1],
        ["c", 0],
      ]),
    ],
    [
      "only losses",
      portfolioOf([
        ["a", -10, -1, 2],
        ["b", -3, 1, 1],
        [null, 4],
      ]),
    ],
    ["no profit, no effort column", portfolioOf(MIXED, { profit: false, effort: false })],
    ["IBM scheme, 4 tiers", portfolioOf(MIXED, { scheme: "IBM" })],
    [
      "AUTO borders",
      portfolioOf(
        [
          ["a", 50],
          ["b", 30],
          ["c", 9],
          ["d", 5],
          ["e", 3],
          ["f", 2],
          ["g", 1],
        ],
        { scheme: "AUTO" },
      ),
    ],
    [
      "custom labels that are not safe COUNTIF criteria",
      buildPortfolio(
        { customer: { name: "C", cells: ["x", "y", "z"] }, measure: { name: "V", cells: [5, 3, 1] } },
        tierSpecOf(undefined, [[0.5]], [["*top"], [">rest"]], "en"),
      ),
    ],
  ])("%s: formulas equal the engine, layout holds", (_, p) => {
    const model = buildContributionSheet(p, OPTIONS);
    expect(checkFormulas(model)).toEqual([]);
    expect(layoutProblems(model)).toEqual([]);
  });

  test("one customer: tier A, 100% share, headline 100%", () => {
    const model = buildContributionSheet(portfolioOf([["Solo", 42, 5, 3]]), OPTIONS);
    expect(tableRows(model)).toEqual([expect.objectContaining({ Customer: "Solo", Share: 1, "Cumulative share": 1, Tier: "A" })]);
    expect(shown(model, 2, 1)).toBe("100% of customers (1 of 1) make 80% of Revenue");
  });

  test("all zero: every customer in the last tier, no chart, the headline says there is nothing to measure", () => {
    const model = buildContributionSheet(
      portfolioOf([
        ["a", 0, 1],
        ["b", 0, -1],
        ["c", 0],
      ]),
      OPTIONS,
    );
    expect(tableRows(model).map((r) => [r.Share, r.Tier])).toEqual([
      [0, "C"],
      [0, "C"],
      [0, "C"],
    ]);
    expect(model.charts).toBeUndefined();
    expect(shown(model, 2, 1)).toBe("No customer has a positive Revenue: there is no 80/20 split to measure.");
  });

  test("only losses: an empty placeholder row keeps the table valid; losses listed below", () => {
    const model = buildContributionSheet(
      portfolioOf([
        ["a", -10, -1, 2],
        ["b", -3, 1, 1],
        [null, 4],
      ]),
      OPTIONS,
    );
    const rows = tableRows(model);
    expect(rows).toHaveLength(1);
    expect(rows[0].Customer).toBe("(no customer with a value of 0 or more)");
    expect(rows[0].Tier).toBeNull();
    expect(valueRightOf(model, "Loss-making customers")).toBe(-13);
    expect(valueRightOf(model, "Net total (= SUM of the source column)")).toBe(-9);
  });

  test("no profit and no effort column: neither in the table nor in the summary", () => {
    const model = buildContributionSheet(portfolioOf(MIXED, { profit: false, effort: false }), OPTIONS);
    const head = Object.keys(tableRows(model)[0]);
    expect(head).toEqual(["Rank", "Customer", "Revenue", "Share", "Cumulative share", "Share held above", "Tier"]);
    expect(textsOf(model).has("Profit")).toBe(false);
    expect(textsOf(model).has("Compare the columns: resources should follow value.")).toBe(true);
  });

  test("a profit measure is not repeated as a profit column", () => {
    const cells = MIXED.filter((l) => l[0] !== null);
    const p = buildPortfolio(
      {
        customer: { name: "Customer", cells: cells.map((l) => l[0]) },
        measure: { name: "Profit", cells: cells.map((l) => l[2] ?? null) },
        profit: { name: "Profit", cells: cells.map((l) => l[2] ?? null) },
      },
      spec(),
    );
    const model = buildContributionSheet(p, OPTIONS);
    expect(Object.keys(tableRows(model)[0]).filter((h) => h.includes("Profit"))).toEqual(["Profit"]);
    expect(checkFormulas(model)).toEqual([]);
  });
});

describe("contribution sheet: the sample data", () => {
  test.each<[Locale, string]>([
    ["en", "ABC"],
    ["zh", "KIG"],
    ["en", "IBM"],
    ["zh", "AUTO"],
  ])("%s %s: every formula equals the engine, tiers equal the engine's", (locale, scheme) => {
    const p = samplePortfolio(locale, scheme);
    const model = buildContributionSheet(p, { ...OPTIONS, locale });
    expect(checkFormulas(model)).toEqual([]);
    expect(layoutProblems(model)).toEqual([]);
    const a = p.analysis;
    const rows = tableRows(model);
    expect(rows).toHaveLength(a.ranking.order.length);
    const tierHeader = Object.keys(rows[0])[Object.keys(rows[0]).length - 1];
    expect(rows.map((r) => r[tierHeader])).toEqual(Array.from(a.ranking.order, (id) => a.spec.labels[a.tiers.tiers[id]]));
    expect(a.losses.length).toBeGreaterThan(0); // the sample has net-negative customers
    expect(a.losses.every((id) => a.tiers.tiers[id] === TIER_LOSS)).toBe(true);
  });

  test("the chart shows the top 50 (the rest summed as Other below the chart data, not charted)", () => {
    const p = samplePortfolio("en");
    const model = buildContributionSheet(p, OPTIONS);
    const [bars] = model.charts![0].series;
    expect(bars.values.rows).toBe(50); // was 51: "Other" dwarfed the customers' columns (fix 4)
    const other = cellAt(model, bars.values.row + 50, bars.values.col)!;
    expect(shown(model, bars.categories.row + 50, bars.categories.col)).toBe(`Other (${p.analysis.ranking.order.length - 50} customers)`);
    expect(isFormula(other) && other.f).toMatch(/^SUM\(C56:C\d+\)$/);
    const few = buildContributionSheet(p, { ...OPTIONS, chartCustomers: 10 });
    expect(few.charts![0].series[0].values.rows).toBe(10); // was 11 (with Other)
    expect(checkFormulas(few)).toEqual([]);
  });

  test("same input, same model", () => {
    expect(buildContributionSheet(samplePortfolio("zh"), { ...OPTIONS, locale: "zh" })).toEqual(
      buildContributionSheet(samplePortfolio("zh"), { ...OPTIONS, locale: "zh" }),
    );
  });
});

describe("contribution sheet: locales", () => {
  const keys = (locale: Locale) => Object.keys(resourceOf(locale)).filter((k) => k.startsWith("sheet.contribution."));

  test("every sheet.contribution key exists in both languages", () => {
    expect(keys("zh").sort()).toEqual(keys("en").sort());
    expect(keys("en").length).toBeGreaterThan(40);
  });

  test("the Chinese sheet shows no English text of ours (only data names and formula names)", () => {
    const p = samplePortfolio("zh");
    const zh = textsOf(buildContributionSheet(p, { ...OPTIONS, locale: "zh" }));
    const en = textsOf(buildContributionSheet(p, OPTIONS));
    const data = new Set<string>([...p.analysis.customers.names, ...p.analysis.spec.labels, p.measureName]);
    const shared = [...en].filter((s) => zh.has(s) && !data.has(s) && /\p{L}/u.test(s));
    expect(shared).toEqual([]);
    expect([...zh].filter((s) => /^\d+(\.\d)?% 的客户（\d+ 个中的 \d+ 个）贡献了 80% 的销售额$/.test(s))).toHaveLength(1);
    const english = [...zh].filter((s) => /\b(customers?|share|total|tier|rank|revenue|profit|border|loss)\b/i.test(s) && !data.has(s));
    expect(english).toEqual([]);
  });
});

describe("contribution sheet: 50,000 customers", () => {
  const n = 50000;
  const cust: string[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    cust.push(`C${i}`);
    vals.push(i % 97 === 0 ? -((i % 7) + 1) : Math.round(((i * 7919) % 100003) * 1.37) / 100);
  }
  const p = buildPortfolio(
    {
      customer: { name: "Customer", cells: cust },
      measure: { name: "Revenue", cells: vals },
      profit: { name: "Profit", cells: vals.map((v) => v / 10) },
    },
    spec(),
  );
  const model = buildContributionSheet(p, OPTIONS);

  test("no formula reads a range per customer row: referenced cells grow linearly", () => {
    const cells = formulaCells(model).map((c) => ({ ...c, refs: referencesOf(c.f) }));
    let area = 0;
    let bigRanges = 0;
    for (const c of cells) {
      for (const r of c.refs) {
        area += r.rows * r.cols;
        if (r.rows * r.cols > 100) bigRanges++;
      }
    }
    expect(cells.length).toBeGreaterThan(4 * p.analysis.ranking.order.length);
    expect(bigRanges).toBeLessThan(60); // summary, concentration, totals: a fixed number, not one per row
    expect(area).toBeLessThan(64 * n); // a per-row SUM($C$6:C6) alone would be n²/2 = 1.25e9
    // The per-row formulas refer to their own row and the one above only, or to input cells right of the table.
    const t = model.tables![0].range;
    const far: string[] = [];
    for (const c of cells) {
      if (!(c.row > t.row && c.row < t.row + t.rows && c.col < t.col + t.cols)) continue;
      for (const r of c.refs) {
        const local = r.rows === 1 && r.cols === 1 && r.row >= c.row - 1 && r.row <= c.row;
        const input = r.col > t.col + t.cols;
        if (!local && !input) far.push(`${a1(c.row, c.col)}: ${c.f}`);
      }
    }
    expect(far).toEqual([]);
  });

  test("layout holds and every formula agrees with the engine", () => {
    expect(layoutProblems(model)).toEqual([]);
    expect(checkFormulas(model)).toEqual([]);
  });
});

describe("contribution sheet: live mode", () => {
  const p = portfolioOf(MIXED);
  const source = { customer: "'Sales data'!$A$2:$A$12", value: "'Sales data'!$B$2:$B$12" };
  const model = buildContributionSheet(p, { ...OPTIONS, live: { source } });

  test("KA.PARETO and KA.CONCENTRATION over the source, spilling into free cells", () => {
    const f = formulaCells(model);
    const pareto = f.find((c) => c.f.startsWith("KA.PARETO("))!;
    expect(pareto.f).toBe(`KA.PARETO('Sales data'!$A$2:$A$12,'Sales data'!$B$2:$B$12,,"ABC",$I$7:$I$8,"en")`);
    expect(pareto.v).toBe("Rank");
    const cell = cellAt(model, pareto.row, pareto.col)!;
    expect(isFormula(cell) && cell.spill).toEqual({ rows: 10, cols: 6 });
    expect(f.some((c) => c.f === `KA.CONCENTRATION('Sales data'!$B$2:$B$12,'Sales data'!$A$2:$A$12,"en")`)).toBe(true);
    expect(model.tables).toBeUndefined();
    expect(layoutProblems(model)).toEqual([]);
    expect(shown(model, 6, 8)).toBe(0.8); // the borders stay editable inputs: $I$7:$I$8
  });

  test("the headline % points into the concentration spill", () => {
    const h = cellAt(model, 2, 0)!;
    const conc = f(model).find((c) => c.f.startsWith("KA.CONCENTRATION("))!;
    expect(isFormula(h) && referencesOf(h.f)[0]).toEqual({ row: conc.row + 8, col: conc.col + 1, rows: 1, cols: 1 });
    expect(isFormula(h) && h.v).toBeCloseTo(3 / 7, 12);
  });

  test("a source that is not a reference is refused", () => {
    expect(() => buildContributionSheet(p, { ...OPTIONS, live: { source: { ...source, value: "B2:B12)+HACK(" } } })).toThrow(
      /not an A1 reference/,
    );
  });
});

function f(model: SheetModel) {
  return formulaCells(model);
}
