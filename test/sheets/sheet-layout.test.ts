/**
 * What the builders put into the model for the rendered page: column widths that fit their
 * headers (text metrics), the headline as one formula, the print setups, the Pareto chart of
 * the top customers, the matrix cut lines tied to the cut cells, and the one options type.
 */
import { buildPortfolio, Portfolio } from "../../src/engine/portfolio";
import { tierSpecOf } from "../../src/engine/tiers";
import { generateSalesSample, SAMPLE_COLUMNS, SalesRow } from "../../src/sample";
import { buildAccountPlanSheet } from "../../src/sheets/account-plan";
import { fitWidth } from "../../src/sheets/column-widths";
import { percentTextFormula, templateFormula } from "../../src/sheets/formula-text";
import { formattedText, percentText } from "../../src/sheets/number-text";
import { SheetOptions } from "../../src/sheets/sheet-options";
import { buildContributionSheet } from "../../src/sheets/contribution";
import { a1, isFormula, SheetModel } from "../../src/sheets/model";
import { buildMatrixSheet } from "../../src/sheets/portfolio-matrix";
import { buildRiskRegisterSheet } from "../../src/sheets/risk-register";
import { textWidth, wrappedLines, wrappedRowHeight } from "../../src/sheets/text-metrics";
import { Locale, text } from "../../src/strings";
import { cellAt, checkFormulas, mismatches, referencesOf, samplePlanPortfolio, SheetEvaluator, shown } from "../support/formula-eval";

const OPTIONS: SheetOptions = { locale: "en", generated: "2025-06-30" };

function portfolioOf(lines: [string | null, number | null, number?][]): Portfolio {
  return buildPortfolio(
    {
      customer: { name: "Customer", cells: lines.map((l) => l[0]) },
      measure: { name: "Revenue", cells: lines.map((l) => l[1]) },
      profit: { name: "Profit", cells: lines.map((l) => l[2] ?? null) },
    },
    tierSpecOf(undefined, undefined, undefined, "en"),
  );
}

const MIXED: [string | null, number | null, number?][] = [
  ["Acme", 40, 8],
  ["Beta", 20, 4],
  ["Gamma", 20, -3],
  ["Delta", 10, 1],
  ["Eps", 10, 2],
  ["Zero", 0, 0],
  ["Loss", -5, -6],
  [null, 5],
];

function samplePortfolio(locale: Locale, customers = 300): Portfolio {
  const rows = generateSalesSample({ customers, lines: customers * 20, locale, seed: 7 });
  const col = (key: keyof SalesRow) => ({ name: SAMPLE_COLUMNS.find((c) => c.key === key)![locale], cells: rows.map((r) => r[key]) });
  return buildPortfolio(
    {
      customer: col("customer"),
      measure: col("revenue"),
      profit: col("profit"),
      date: col("date"),
      attractiveness: [col("marketGrowth"), col("strategicFit")],
      strength: [col("shareOfWallet"), col("relationship")],
    },
    tierSpecOf(undefined, undefined, undefined, locale),
  );
}

const formulaAt = (m: SheetModel, row: number, col: number): string => {
  const c = cellAt(m, row, col);
  if (c === undefined || c === null || !isFormula(c)) throw new Error(`no formula at ${a1(row, col)}`);
  return c.f;
};

describe("text metrics", () => {
  test("wide (CJK) characters count double", () => {
    expect(textWidth("Revenue")).toBe(7);
    expect(textWidth("销售额")).toBe(6);
    expect(textWidth("前序累计占比 A")).toBe(14);
  });

  test("wrapping: at spaces, anywhere between wide characters, long words split, line feeds kept", () => {
    expect(wrappedLines("short", 20)).toBe(1);
    expect(wrappedLines("Leads the team serving the account; owns the plan", 20)).toBe(3);
    expect(wrappedLines("客户参与计划的方式和深度以及评审节奏", 20)).toBe(2); // 18 wide characters
    expect(wrappedLines("x".repeat(50), 10)).toBe(5);
    expect(wrappedLines("one\ntwo", 40)).toBe(2);
    expect(wrappedLines("Cumulative share", 12, { bold: true })).toBe(2);
    expect(wrappedLines("Cumulative share", 12)).toBe(2);
    expect(wrappedLines("Cumulative share", 18, { size: 9 })).toBe(1);
  });

  test("row heights: 15 pt per line at 11 pt, proportional to the size, CJK lines a tenth taller; none for one line", () => {
    expect(wrappedRowHeight("short", 20)).toBeUndefined();
    expect(wrappedRowHeight("Leads the team serving the account; owns the plan", 20)).toBe(45);
    expect(wrappedRowHeight("Leads the team serving the account; owns the plan", 20, 9)).toBe(Math.ceil((2 * (15 * 9)) / 11));
    expect(wrappedRowHeight("负责带领团队服务客户并对全年计划负责", 12)).toBe(Math.ceil(4 * 16.5));
  });

  test("fitWidth: the data never wraps; a long header wraps onto at most two lines and no word is cut", () => {
    expect(fitWidth({ header: "Rank", texts: ["300"], min: 6 })).toBe(6);
    const w = fitWidth({ header: "Cumulative share", texts: ["100.0%"] });
    expect(wrappedLines("Cumulative share", w, { bold: true })).toBeLessThanOrEqual(2);
    expect(w).toBeLessThan(textWidth("Cumulative share") + 2);
    expect(fitWidth({ header: "Customer", texts: ["Meridian Components Holdings"] })).toBe(textWidth("Meridian Components Holdings") + 2);
    expect(fitWidth({ header: "% of positive Revenue", texts: ["100.0%"], lines: 1 })).toBeGreaterThanOrEqual(
      textWidth("% of positive Revenue"),
    );
    expect(fitWidth({ texts: ["x".repeat(80)], max: 40 })).toBe(40);
    expect(fitWidth({ header: "客户名称", texts: ["武汉星辰乳业有限公司"] })).toBe(22);
  });

  test("formatted number texts for widths", () => {
    expect(formattedText(1234567.891, "#,##0.00")).toBe("1,234,567.89");
    expect(formattedText(0.256, "0.0%")).toBe("25.6%");
    expect(formattedText(-42, "0")).toBe("-42");
  });
});

describe("the headline: one formula building the sentence from the figures", () => {
  const p = portfolioOf(MIXED);
  const model = buildContributionSheet(p, OPTIONS);
  const f = formulaAt(model, 2, 1);

  test("B3 is a formula whose value is the engine's sentence; LibreOffice-safe functions only", () => {
    expect(shown(model, 2, 1)).toBe("43% of customers (3 of 7) make 80% of Revenue");
    expect(checkFormulas(model)).toEqual([]);
    expect(f).toMatch(/^IF\(\$[A-Z]+\$\d+>0,/);
    expect(f).not.toMatch(/TEXT\(/); // ROUND(…)&"%": no locale-dependent format codes
  });

  test("the template comes from the strings; the measure's name is read from a cell, never written into the formula", () => {
    expect(f).toContain('" of customers ("');
    expect(f).not.toContain("Revenue");
    const measure = referencesOf(f)
      .map((r) => shown(model, r.row, r.col))
      .filter((v) => v === "Revenue");
    expect(measure).toHaveLength(2); // in the sentence and in the no-split sentence
    // A3 still holds the figure (for references), hidden by its format: the sentence shows it once.
    const a3 = model.blocks.find((b) => b.row === 2 && b.col === 0)!;
    expect(a3.numberFormats).toEqual([";;;"]);
    expect(referencesOf(f).some((r) => r.row === 2 && r.col === 0)).toBe(true);
  });

  test("it follows edits of the figures", () => {
    const refs = referencesOf(f);
    const at = (v: unknown) => refs.find((r) => shown(model, r.row, r.col) === v && !(r.row === 2 && r.col === 0))!;
    const count = at(3);
    const total = refs[0]; // IF(positive total > 0, …)
    expect(shown(model, total.row, total.col)).toBe(p.analysis.tiers.positiveTotal);
    const edited = new SheetEvaluator(
      model,
      new Map([
        [`${count.row},${count.col}`, 5],
        ["2,0", 5 / 7],
      ]),
    );
    expect(edited.value(2, 1)).toBe("71% of customers (5 of 7) make 80% of Revenue");
    const small = new SheetEvaluator(model, new Map([["2,0", 0.025]]));
    expect(small.value(2, 1)).toBe(`${percentText(0.025)} of customers (3 of 7) make 80% of Revenue`);
    const none = new SheetEvaluator(model, new Map([[`${total.row},${total.col}`, 0]]));
    expect(none.value(2, 1)).toBe("No customer has a positive Revenue: there is no 80/20 split to measure.");
  });

  test("percentText and its formula agree (whole percent from 10%, one decimal below)", () => {
    const m: SheetModel = {
      key: "t",
      name: "t",
      blocks: [{ row: 0, col: 0, cells: [[0.4285714285714286], [0.025], [0.05], [0.0996], [1], [0]] }],
    };
    const ev = new SheetEvaluator(m);
    for (let r = 0; r < 6; r++) expect(ev.formula(percentTextFormula(a1(r, 0)))).toBe(percentText(m.blocks[0].cells[r][0] as number));
    expect(templateFormula("{a} and {b}!", { a: "A1", b: "B1" })).toBe('(A1)&" and "&(B1)&"!"');
    expect(() => templateFormula("{a} {c}", { a: "A1" })).toThrow(/no formula for \{c\}/);
  });

  test("Chinese: the zh template, the engine's zh sentence", () => {
    const zh = buildContributionSheet(p, { ...OPTIONS, locale: "zh" });
    expect(shown(zh, 2, 1)).toBe(
      text("zh", "sheet.contribution.headline", { pct: "43%", count: 3, customers: 7, share: "80%", measure: "Revenue" }),
    );
    expect(checkFormulas(zh)).toEqual([]);
  });

  test("live mode: the sentence reads the KA.CONCENTRATION spill and a cell holding the measure's name", () => {
    const live = buildContributionSheet(p, { ...OPTIONS, live: { source: { customer: "Sales!$A$2:$A$9", value: "Sales!$B$2:$B$9" } } });
    const lf = formulaAt(live, 2, 1);
    const conc = live.blocks.find((b) => isFormula(b.cells[0][0]) && (b.cells[0][0] as { f: string }).f.startsWith("KA.CONCENTRATION("))!;
    const refs = referencesOf(lf);
    const inSpill = refs.filter((r) => r.col === conc.col + 1 && r.row > conc.row && r.row < conc.row + 20);
    expect(inSpill.length).toBeGreaterThanOrEqual(3);
    expect(refs.some((r) => shown(live, r.row, r.col) === "Revenue")).toBe(true);
    expect(shown(live, 2, 1)).toBe("43% of customers (3 of 7) make 80% of Revenue");
  });
});

describe("print setups and widths", () => {
  const p = samplePortfolio("en");
  const contribution = buildContributionSheet(p, OPTIONS);
  const table = contribution.tables![0].range;

  test("contribution: the customer table prints, portrait, one page wide, its header on every page", () => {
    const print = contribution.print!;
    expect(print.landscape).toBe(false);
    expect([print.fitToWidth, print.fitToHeight]).toEqual([1, 0]);
    expect(print.repeatRows).toEqual({ from: table.row, to: table.row });
    expect(print.area).toMatchObject({ row: 0, col: 0, cols: table.cols });
    // down to the total and its note, below the loss-making customers
    const last = print.area!.row + print.area!.rows - 1;
    expect(shown(contribution, last - 1, 1)).toBe("Total");
    expect(String(shown(contribution, last, 0))).toMatch(/^The total adds/);
  });

  test("contribution: every header fits its column on at most two lines, no word cut; rank and tier centred", () => {
    const widths = contribution.columnWidths!;
    for (let c = 0; c < table.cols; c++) {
      const h = String(shown(contribution, table.row, c));
      expect({ h, lines: wrappedLines(h, widths[c], { bold: true }) }).toEqual({ h, lines: expect.any(Number) as unknown });
      expect(wrappedLines(h, widths[c], { bold: true })).toBeLessThanOrEqual(2);
      for (const word of h.split(" ")) expect(wrappedLines(word, widths[c], { bold: true })).toBe(1);
    }
    const body = contribution.blocks.find((b) => b.row === table.row + 1 && b.col === 0)!;
    expect(body.align![0]).toBe("center");
    expect(body.align![table.cols - 1]).toBe("center");
    // The side blocks share rows with the table: their headers stay on one line.
    const summary = contribution.blocks.find((b) => b.style === "header" && b.cells[0].includes("% of customers"))!;
    summary.cells[0].forEach((h, j) =>
      expect(wrappedLines(typeof h === "string" ? h : JSON.stringify(h), widths[summary.col + j], { bold: true })).toBe(1),
    );
  });

  test("the subtitle and notes above the table are merged over its width and wrapped (they print within it)", () => {
    for (const row of [1, 3]) {
      expect(contribution.merges).toContainEqual({ row, col: 0, rows: 1, cols: table.cols });
      expect(contribution.blocks.find((b) => b.row === row && b.col === 0)!.wrap).toBe(true);
    }
  });

  test("matrix: the table prints (header on every page), then the cuts, legend and chart from a new page", () => {
    const m = buildMatrixSheet(p, OPTIONS);
    const t = m.tables![0].range;
    const print = m.print!;
    expect(print).toMatchObject({ landscape: true, fitToWidth: 1, fitToHeight: 0, repeatRows: { from: t.row, to: t.row } });
    expect(print.area).toEqual({ row: 0, col: 0, rows: t.row + t.rows, cols: t.cols });
    const [dash] = print.areas!;
    const chart = m.charts![0].anchor;
    const cut = m.names!.find((n) => n.name === "KA_AttractivenessCut")!.range;
    for (const r of [chart, cut]) {
      expect(
        r.row >= dash.row && r.row + r.rows <= dash.row + dash.rows && r.col >= dash.col && r.col + r.cols <= dash.col + dash.cols,
      ).toBe(true);
    }
    // The repeated header row is empty in the dashboard's columns.
    for (let c = dash.col; c < dash.col + dash.cols; c++) expect(cellAt(m, t.row, c)).toBeUndefined();
  });
});

describe("charts", () => {
  test("Pareto of the sample: the top 50 customers' columns, the true cumulative share, #,##0 axis", () => {
    const p = samplePortfolio("en");
    const model = buildContributionSheet(p, OPTIONS);
    const [chart] = model.charts!;
    expect(chart.title).toBe("Pareto: Revenue of the top 50 customers");
    const [bars, line] = chart.series;
    expect([bars.values.rows, line.values.rows, bars.categories.rows]).toEqual([50, 50, 50]);
    expect(line.categories).toEqual(bars.categories);
    // the line is the share of ALL customers at each rank (not of the 50 shown)
    expect(shown(model, line.values.row + 49, line.values.col)).toBe(p.analysis.cumulativeShare[49]);
    expect(chart.yAxisFormat).toBe("#,##0");
    expect(chart.referenceLines).toEqual([{ axis: "y2", value: 0.8, label: "80%" }]);
    // Few customers: all of them, the plain title.
    const few = buildContributionSheet(portfolioOf(MIXED), OPTIONS);
    expect(few.charts![0].title).toBe("Pareto: Revenue by customer");
  });

  test("matrix: the cut lines refer to the editable cut cells (x: strength, y: attractiveness)", () => {
    const m = buildMatrixSheet(samplePortfolio("en", 60), OPTIONS);
    const [chart] = m.charts!;
    const name = (n: string) => m.names!.find((x) => x.name === n)!.range;
    expect(chart.referenceLines!.map((l) => l.axis)).toEqual(["x", "y"]);
    expect(chart.referenceCells).toEqual([name("KA_StrengthCut"), name("KA_AttractivenessCut")]);
    chart.referenceLines!.forEach((l, i) => expect(shown(m, chart.referenceCells![i]!.row, chart.referenceCells![i]!.col)).toBe(l.value));
  });
});

describe("one options type for every builder", () => {
  const { portfolio } = samplePlanPortfolio({ customers: 40, lines: 1500 });
  const ids = Array.from(portfolio.analysis.ranking.order.slice(0, 2));

  test("contribution, matrix, plan and risk register take the same SheetOptions object", () => {
    const options: SheetOptions = { locale: "en", generated: "2026-01-15", columnNames: { customer: "Customer" } };
    const sheets = [
      buildContributionSheet(portfolio, options),
      buildMatrixSheet(portfolio, options),
      buildAccountPlanSheet(portfolio, ids[0], options),
      buildRiskRegisterSheet(portfolio, ids, options),
    ];
    expect(sheets.map((s) => s.key)).toEqual(["contribution", "matrix", expect.stringMatching(/^plan:/), "risk-register"]);
    for (const s of sheets.slice(2)) expect(mismatches(s)).toEqual([]);
    expect(JSON.stringify(sheets[2])).toContain("2026-01-15");
  });

  test("the plan and risk sheets refuse to be built without a generation date", () => {
    expect(() => buildAccountPlanSheet(portfolio, ids[0], { locale: "en" })).toThrow(/generated/);
    expect(() => buildRiskRegisterSheet(portfolio, ids, { locale: "en" })).toThrow(/generated/);
  });

  test("live: one shape; the contribution sheet needs the source ranges, the plan sheets only name the source", () => {
    const source = { customer: "'Sales'!$A$2:$A$1501", value: "'Sales'!$B$2:$B$1501" };
    const options: SheetOptions = { locale: "en", generated: "2026-01-15", live: { source } };
    expect(JSON.stringify(buildAccountPlanSheet(portfolio, ids[0], options))).toContain("'Sales'!$B$2:$B$1501");
    expect(JSON.stringify(buildContributionSheet(portfolio, options))).toContain("KA.PARETO('Sales'!$A$2:$A$1501");
    expect(() => buildContributionSheet(portfolio, { ...options, live: { source: "Sales" } })).toThrow(/live.source/);
    expect(() => buildContributionSheet(portfolio, { ...options, live: {} })).toThrow(/live.source/);
  });
});
