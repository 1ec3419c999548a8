import { classifyPortfolio, QUADRANT_STRATEGY, QUADRANTS } from "../../src/engine/matrix";
import { buildPortfolio, Portfolio, SalesColumns } from "../../src/engine/portfolio";
import { scoreAccounts } from "../../src/engine/scoring";
import { tierSpecOf } from "../../src/engine/tiers";
import { generateSalesSample, SAMPLE_COLUMNS, SalesRow } from "../../src/sample";
import { creditOrdinal } from "../../src/engine/credit-rating";
import { buildMatrixSheet, FEW } from "../../src/sheets/portfolio-matrix";
import { isFormula, SheetModel } from "../../src/sheets/model";
import { Locale, resourceOf, text } from "../../src/strings";
import { cellAt, checkFormulas, formulaCells, layoutProblems, referencesOf, SheetEvaluator, shown, textsOf } from "../support/formula-eval";

const spec = (locale: Locale = "en") => tierSpecOf(undefined, undefined, undefined, locale);
const OPTIONS = { locale: "en" as const, generated: "2025-06-30" };

type Line = [string, number, number | null, number | null, number | null, number | null];
/** customer, revenue, growth, fit (attractiveness), wallet, relation (strength). */
const LINES: Line[] = [
  ["North", 500, 8, 5, 6, 7],
  ["North", 100, 10, 5, 6, 9], // means: growth 9, wallet 6, relation 8
  ["South", 400, 6, 5, 6, null], // no relation: scored on wallet alone
  ["East", 300, 4, 5, null, 3],
  ["West", 200, 2, 5, 2, 5], // fit is 5 for everyone: a constant criterion gives 0.5
  ["Centre", 100, 6, 5, 4, 5],
  ["Nowhere", 50, 3, 5, null, null], // no strength value at all: not placed
  ["Loss", -20, 1, 5, 1, 1],
];

function handPortfolio(lines: Line[] = LINES): Portfolio {
  const col = (name: string, k: number) => ({ name, cells: lines.map((l) => l[k]) });
  return buildPortfolio(
    {
      customer: col("Customer", 0),
      measure: col("Revenue", 1),
      attractiveness: [col("Growth", 2), col("Fit", 3)],
      strength: [col("Wallet", 4), col("Relation", 5)],
    },
    spec(),
  );
}

const headerName = (key: keyof SalesRow, locale: Locale) => SAMPLE_COLUMNS.find((c) => c.key === key)![locale];

function samplePortfolio(locale: Locale, criteria = true, customers = 300): Portfolio {
  const rows = generateSalesSample({ customers, lines: customers * 20, locale, seed: 11 });
  const col = (key: keyof SalesRow) => ({ name: headerName(key, locale), cells: rows.map((r) => r[key]) });
  const cols: SalesColumns = {
    customer: col("customer"),
    measure: col("revenue"),
    profit: col("profit"),
    effort: col("salesHours"),
    date: col("date"),
    satisfaction: col("satisfaction"),
    credit: col("creditRating"),
    ...(criteria
      ? {
          attractiveness: [col("marketGrowth"), col("marginPotential"), col("strategicFit")],
          strength: [col("shareOfWallet"), col("relationship"), col("productFit")],
        }
      : {}),
  };
  return buildPortfolio(cols, spec(locale));
}

/** The table's data rows as {header: shown value}. */
function tableRows(model: SheetModel): Record<string, unknown>[] {
  const t = model.tables![0].range;
  const headers = Array.from({ length: t.cols }, (_, j) => String(shown(model, t.row, t.col + j)));
  return Array.from({ length: t.rows - 1 }, (_, i) =>
    Object.fromEntries(headers.map((h, j) => [h, shown(model, t.row + 1 + i, t.col + j)])),
  );
}

const nameRange = (model: SheetModel, name: string) => model.names!.find((n) => n.name === name)!.range;

/** A copy of the model with one cell replaced (as a user edit would). */
function edit(model: SheetModel, row: number, col: number, value: number): SheetModel {
  return {
    ...model,
    blocks: model.blocks.map((b) =>
      row >= b.row && row < b.row + b.cells.length && col >= b.col && col < b.col + b.cells[0].length
        ? { ...b, cells: b.cells.map((r, i) => (i === row - b.row ? r.map((c, j) => (j === col - b.col ? value : c)) : r)) }
        : b,
    ),
  };
}

describe("portfolio matrix: hand-made criteria", () => {
  const p = handPortfolio();
  const model = buildMatrixSheet(p, OPTIONS);
  const rows = tableRows(model);

  test("every formula calculates to the engine's value", () => {
    expect(checkFormulas(model)).toEqual([]);
    expect(layoutProblems(model)).toEqual([]);
  });

  test("few customers: all are listed by value; one without strength data is named, not placed", () => {
    expect(p.analysis.customers.count).toBeLessThanOrEqual(FEW);
    expect(rows.map((r) => r.Customer)).toEqual(["North", "South", "East", "West", "Centre", "Loss"]);
    expect([...textsOf(model)].filter((s) => s.includes("Nowhere"))).toEqual([
      "Not placed, no value on a weighted criterion of one axis (1): Nowhere.",
    ]);
    expect(rows.map((r) => r.Tier)).toEqual(["A", "A", "A", "A", "B", "Loss"]); // West: 1,300 of 1,650 above it, 78.8%
  });

  test("scores: min–max per criterion, a constant criterion is 0.5, blanks renormalised (scoring.ts)", () => {
    expect(rows.map((r) => r["Fit 0–1"])).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(rows.map((r) => r["Relation 0–1"])).toEqual([1, "", 2 / 7, 4 / 7, 4 / 7, 0]);
    expect(rows.map((r) => r["Attractiveness score"])).toEqual([75, 56.25, 43.75, 31.25, 56.25, 25]);
    const s = rows.map((r) => r["Strength score"] as number);
    expect(s[0]).toBe(100);
    expect(s[1]).toBe(100); // wallet alone
    expect(s[3]).toBeCloseTo((100 * (0.2 + 4 / 7)) / 2, 12);
    // The engine's own function over the same accounts gives the same scores.
    const values = Float64Array.from([6, 6, NaN, 2, 4, 1, 8, NaN, 3, 5, 5, 1]);
    expect(Array.from(scoreAccounts({ rows: 6, cols: 2, values }, [1, 1], [1, 1]).scores)).toEqual(s);
  });

  test("quadrants equal the engine's classification with median cuts", () => {
    const a = Float64Array.from(rows, (r) => r["Attractiveness score"] as number);
    const s = Float64Array.from(rows, (r) => r["Strength score"] as number);
    const engine = classifyPortfolio(a, s);
    expect(rows.map((r) => r.Quadrant)).toEqual(Array.from(engine.quadrants, (q) => QUADRANTS[q]));
    expect(rows.map((r) => r.Quadrant)).toEqual(["Strategic", "Strategic", "Streamline", "Streamline", "Strategic", "Streamline"]);
    const cutA = nameRange(model, "KA_AttractivenessCut");
    const cutS = nameRange(model, "KA_StrengthCut");
    expect(shown(model, cutA.row, cutA.col)).toBe(engine.attractivenessCut);
    expect(shown(model, cutS.row, cutS.col)).toBe(engine.strengthCut);
    const f = cellAt(model, cutA.row, cutA.col)!;
    expect(isFormula(f) && f.f).toMatch(/^MEDIAN\(/);
  });

  test("a score equal to an edited cut counts as high; just above it, low", () => {
    const cutA = nameRange(model, "KA_AttractivenessCut");
    const t = model.tables![0].range;
    const quadrantsWith = (cut: number) => {
      const ev = new SheetEvaluator(edit(model, cutA.row, cutA.col, cut));
      return Array.from({ length: t.rows - 1 }, (_, i) => ev.value(t.row + 1 + i, t.col + t.cols - 1));
    };
    expect(quadrantsWith(56.25)).toEqual(["Strategic", "Strategic", "Streamline", "Streamline", "Strategic", "Streamline"]);
    expect(quadrantsWith(56.2500001)).toEqual(["Strategic", "Status", "Streamline", "Streamline", "Status", "Streamline"]);
  });

  test("weights are editable inputs the scores read", () => {
    const w = nameRange(model, "KA_AttractivenessWeights");
    expect(w.cols).toBe(2);
    expect([shown(model, w.row, w.col), shown(model, w.row, w.col + 1)]).toEqual([1, 1]);
    expect(model.blocks.find((b) => b.row === w.row && b.col === w.col)!.style).toBe("input");
    // Weight 3 on growth, 1 on fit: the formulas follow, as scoreAccounts does.
    const ev = new SheetEvaluator(edit(model, w.row, w.col, 3));
    const t = model.tables![0].range;
    const scoreCol = t.col + t.cols - 3;
    const got = Array.from({ length: 6 }, (_, i) => ev.value(t.row + 1 + i, scoreCol));
    const growth = [9, 6, 4, 2, 6, 1];
    const want = scoreAccounts({ rows: 6, cols: 2, values: Float64Array.from([...growth, 5, 5, 5, 5, 5, 5]) }, [3, 1], [1, 1]).scores;
    got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 10));
    // Given weights go into the input cells and the scores.
    const weighted = buildMatrixSheet(p, { ...OPTIONS, weights: { attractiveness: [3, 1], strength: [1, 0] } });
    expect(checkFormulas(weighted)).toEqual([]);
    expect(tableRows(weighted)[0]["Attractiveness score"]).toBeCloseTo(want[0], 12);
    // With relation weighted 0, East (wallet blank) can no longer be placed.
    expect(tableRows(weighted).map((r) => r.Customer)).toEqual(["North", "South", "West", "Centre", "Loss"]);
  });

  test("the top N by value, odd count: the median is an account's own score and counts as high", () => {
    const top5 = buildMatrixSheet(p, { ...OPTIONS, accounts: 5 });
    expect(checkFormulas(top5)).toEqual([]);
    const r = tableRows(top5);
    expect(r.map((x) => x.Customer)).toEqual(["North", "South", "East", "West", "Centre"]);
    const a = Float64Array.from(r, (x) => x["Attractiveness score"] as number);
    const s = Float64Array.from(r, (x) => x["Strength score"] as number);
    const engine = classifyPortfolio(a, s);
    expect(r.map((x) => x.Quadrant)).toEqual(Array.from(engine.quadrants, (q) => QUADRANTS[q]));
    const atCut = r.filter((x) => x["Attractiveness score"] === engine.attractivenessCut);
    expect(atCut.length).toBeGreaterThan(0);
    for (const x of atCut) expect(["Strategic", "Star"]).toContain(x.Quadrant);
  });

  test("legend: four quadrants, high/low on each axis, the strategy, a COUNTIF of accounts", () => {
    const labels = QUADRANTS.map((q) => text("en", `matrix.${q}`));
    const at = (label: string) => {
      for (const b of model.blocks) {
        const i = b.cells.findIndex((r) => r[0] === label && r.length === 5);
        if (i >= 0) return b.cells[i].map((c) => (c !== null && typeof c === "object" ? c.v : c));
      }
      throw new Error(label);
    };
    expect(labels.map(at)).toEqual([
      ["Strategic", "High", "High", "Invest, grow the partnership", 3],
      ["Star", "High", "Low", "Invest to build our position (develop)", 0],
      ["Status", "Low", "High", "Maintain efficiently, protect margin", 0],
      ["Streamline", "Low", "Low", "Serve at low cost, transactional", 3],
    ]);
    for (const q of QUADRANTS) expect(text("en", `sheet.matrix.strategy.${q}`).toLowerCase()).toContain(QUADRANT_STRATEGY[q]);
  });

  test("the chart: x = strength score, y = attractiveness score, bubble = revenue, lines at the cuts, labelled axes", () => {
    const [chart] = model.charts!;
    const t = model.tables![0].range;
    const [s] = chart.series;
    expect(chart.kind).toBe("portfolio");
    expect(s.type).toBe("scatter"); // the loss-maker has negative revenue: no bubble sizes
    const loss = buildMatrixSheet(handPortfolio(LINES.filter((l) => l[0] !== "Loss")), OPTIONS);
    const bubble = loss.charts![0].series[0];
    expect(bubble.type).toBe("bubble");
    expect(bubble.sizes!.col).toBe(1);
    expect(shown(loss, loss.tables![0].range.row, 1)).toBe("Revenue (bubble size)");
    expect(s.categories).toEqual({ row: t.row + 1, col: t.col + t.cols - 2, rows: 6, cols: 1 });
    expect(s.values).toEqual({ row: t.row + 1, col: t.col + t.cols - 3, rows: 6, cols: 1 });
    expect(shown(model, t.row, s.categories.col)).toBe("Strength score");
    expect(shown(model, t.row, s.values.col)).toBe("Attractiveness score");
    expect(chart.xAxisTitle).toMatch(/strength.*low → high/);
    expect(chart.yAxisTitle).toMatch(/attractiveness.*low → high/);
    const cutA = nameRange(model, "KA_AttractivenessCut");
    const cutS = nameRange(model, "KA_StrengthCut");
    expect(chart.referenceLines).toEqual([
      { axis: "x", value: shown(model, cutS.row, cutS.col), label: "Strength cut" },
      { axis: "y", value: shown(model, cutA.row, cutA.col), label: "Attractiveness cut" },
    ]);
    expect([...textsOf(model)].some((x) => x.includes("Some accounts have no positive Revenue"))).toBe(true);
  });

  test("same input, same model", () => {
    expect(buildMatrixSheet(handPortfolio(), OPTIONS)).toEqual(model);
  });

  test("bad options are refused", () => {
    expect(() => buildMatrixSheet(p, { ...OPTIONS, weights: { attractiveness: [1], strength: [1, 1] } })).toThrow(/2 weights/);
    expect(() => buildMatrixSheet(p, { ...OPTIONS, weights: { attractiveness: [0, 0], strength: [1, 1] } })).toThrow(/all 0/);
    expect(() => buildMatrixSheet(p, { ...OPTIONS, weights: { attractiveness: [-1, 2], strength: [1, 1] } })).toThrow(/0 or more/);
    expect(() => buildMatrixSheet(p, { ...OPTIONS, accounts: 0 })).toThrow(/whole number/);
  });
});

describe("portfolio matrix: proxies when no criteria are mapped", () => {
  const cols: SalesColumns = {
    customer: { name: "Customer", cells: ["X", "X", "X", "X", "Y", "Z", "Z"] },
    measure: { name: "Revenue", cells: [100, 100, 150, 150, 100, 80, 40] },
    profit: { name: "Profit", cells: [10, 10, 15, 15, -5, 8, 4] },
    date: { name: "Date", cells: ["2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10", "2025-04-02", "2025-01-05", "2025-04-05"] },
    satisfaction: { name: "Satisfaction", cells: [4, 5, 4, 5, 2, 3, 3] },
    credit: { name: "Credit", cells: ["AA+", "AA+", "AA+", "AA+", "Baa2", "junk", "junk"] },
  };
  const p = buildPortfolio(cols, spec());
  const model = buildMatrixSheet(p, OPTIONS);
  const rows = tableRows(model);

  test("attractiveness: revenue, margin, growth; strength: satisfaction, credit, months with sales", () => {
    expect(Object.keys(rows[0])).toEqual([
      "Customer",
      "Revenue (bubble size)",
      "Tier",
      "Revenue (proxy)",
      "Profit margin (proxy)",
      "Growth, 2nd half vs 1st half of 2025-01–2025-04 (proxy)",
      "Satisfaction 1–5 (proxy)",
      "Credit rating, AAA = 10 … D = 1 (proxy)",
      "Months with sales (proxy)",
      ...[
        "Revenue (proxy)",
        "Profit margin (proxy)",
        "Growth, 2nd half vs 1st half of 2025-01–2025-04 (proxy)",
        "Satisfaction 1–5 (proxy)",
        "Credit rating, AAA = 10 … D = 1 (proxy)",
        "Months with sales (proxy)",
      ].map((n) => `${n} 0–1`),
      "Attractiveness score",
      "Strength score",
      "Quadrant",
    ]);
    const byName = Object.fromEntries(rows.map((r) => [r.Customer as string, r]));
    expect(byName.X["Profit margin (proxy)"]).toBe(0.1);
    expect(byName.X["Growth, 2nd half vs 1st half of 2025-01–2025-04 (proxy)"]).toBe(0.5); // 300 against 200
    expect(byName.Y["Growth, 2nd half vs 1st half of 2025-01–2025-04 (proxy)"]).toBeNull(); // nothing in the first half: unknown, not infinite
    expect(byName.Z["Growth, 2nd half vs 1st half of 2025-01–2025-04 (proxy)"]).toBe(-0.5);
    expect(byName.X["Credit rating, AAA = 10 … D = 1 (proxy)"]).toBeCloseTo(9 + 1 / 3, 12);
    expect(byName.Y["Credit rating, AAA = 10 … D = 1 (proxy)"]).toBe(7);
    expect(byName.Z["Credit rating, AAA = 10 … D = 1 (proxy)"]).toBeNull(); // "junk" is no rating: blank, not guessed
    expect(byName.X["Months with sales (proxy)"]).toBe(4);
    expect(byName.Z["Satisfaction 1–5 (proxy)"]).toBe(3);
    expect(checkFormulas(model)).toEqual([]);
    expect(layoutProblems(model)).toEqual([]);
  });

  test("the sheet says which axes use proxies", () => {
    const notes = [...textsOf(model)];
    expect(notes.filter((s) => s.startsWith("No attractiveness criteria were mapped"))).toHaveLength(1);
    expect(notes.filter((s) => s.startsWith("No strength criteria were mapped") && s.includes("Share of wallet"))).toHaveLength(1);
    const own = buildMatrixSheet(handPortfolio(), OPTIONS);
    expect([...textsOf(own)].some((s) => s.includes("proxies"))).toBe(false);
  });

  test("no strength data at all: nothing is placed, and the sheet says why", () => {
    const bare = buildPortfolio({ customer: cols.customer, measure: cols.measure }, spec());
    const m = buildMatrixSheet(bare, OPTIONS);
    expect(m.tables).toBeUndefined();
    expect(m.charts).toBeUndefined();
    const texts = [...textsOf(m)];
    expect(texts).toContain("No data for the strength axis: map criteria columns to draw the matrix.");
    expect(texts).toContain("No account has values on both axes: nothing to place in the matrix.");
    expect(layoutProblems(m)).toEqual([]);
  });

  test.each([
    ["AAA", 10],
    ["aa-", 9 - 1 / 3],
    ["Baa1", 7 + 1 / 3],
    ["Caa", 4],
    ["D", 1],
    ["A+", 8 + 1 / 3],
    ["A +", NaN],
    ["X", NaN],
    ["", NaN],
  ])("credit rating %p is %p", (r, v) => {
    expect(creditOrdinal(r)).toBe(v);
  });
});

describe("portfolio matrix: the sample data", () => {
  test.each<[Locale, boolean]>([
    ["en", true],
    ["zh", true],
    ["en", false],
  ])("%s (criteria mapped: %p): the first two tiers, formulas equal the engine", (locale, criteria) => {
    const p = samplePortfolio(locale, criteria);
    const model = buildMatrixSheet(p, { ...OPTIONS, locale });
    expect(checkFormulas(model)).toEqual([]);
    expect(layoutProblems(model)).toEqual([]);
    const a = p.analysis;
    const expected = Array.from(a.ranking.order).filter((id) => a.tiers.tiers[id] <= 1);
    const rows = tableRows(model);
    const heads = Object.keys(rows[0]);
    expect(rows.map((r) => r[heads[0]])).toEqual(expected.map((id) => a.customers.names[id]));
    // The sheet's quadrants are the engine's classification of the sheet's scores.
    const sa = Float64Array.from(rows, (r) => r[heads[heads.length - 3]] as number);
    const ss = Float64Array.from(rows, (r) => r[heads[heads.length - 2]] as number);
    const labels = QUADRANTS.map((q) => text(locale, `matrix.${q}`));
    const r9 = (x: Float64Array) => x.map((v) => Math.round(v * 1e9) / 1e9);
    const sheet = rows.map((r) => r[heads[heads.length - 1]]);
    expect(sheet).toEqual(Array.from(classifyPortfolio(r9(sa), r9(ss)).quadrants, (q) => labels[q]));
    // Against the unrounded engine comparison they differ only where a score is its cut up to
    // floating-point noise (e.g. 49.99999999999999 against a median of 50): equal counts as high.
    const raw = classifyPortfolio(sa, ss);
    sheet.forEach((q, i) => {
      if (q === labels[raw.quadrants[i]]) return;
      expect(Math.min(Math.abs(sa[i] - raw.attractivenessCut), Math.abs(ss[i] - raw.strengthCut))).toBeLessThan(1e-9);
    });
    expect(new Set(rows.map((r) => r[heads[heads.length - 1]])).size).toBe(4);
  });

  test("accounts: all, or the top N", () => {
    const p = samplePortfolio("en");
    const all = buildMatrixSheet(p, { ...OPTIONS, accounts: "all" });
    expect(tableRows(all)).toHaveLength(p.analysis.ranking.order.length + p.analysis.losses.length);
    expect(checkFormulas(all)).toEqual([]);
    const top = buildMatrixSheet(p, { ...OPTIONS, accounts: 25 });
    expect(tableRows(top)).toHaveLength(25);
    expect(textsOf(top).has("Accounts placed: 25 (the top 25 by Revenue) · generated 2025-06-30")).toBe(true);
  });

  test("every sheet.matrix key exists in both languages; the Chinese sheet shows no English text of ours", () => {
    const keys = (l: Locale) => Object.keys(resourceOf(l)).filter((k) => k.startsWith("sheet.matrix."));
    expect(keys("zh").sort()).toEqual(keys("en").sort());
    for (const criteria of [true, false]) {
      const p = samplePortfolio("zh", criteria);
      const zh = textsOf(buildMatrixSheet(p, { ...OPTIONS, locale: "zh" }));
      const en = textsOf(buildMatrixSheet(p, OPTIONS));
      const data = new Set<string>([
        ...p.analysis.customers.names,
        ...p.analysis.spec.labels,
        p.measureName,
        ...(p.attractiveness?.names ?? []),
        ...(p.strength?.names ?? []),
      ]);
      expect([...en].filter((s) => zh.has(s) && !data.has(s) && /\p{L}/u.test(s))).toEqual([]);
      const english = [...zh].filter((s) =>
        /\b(customers?|score|strength|attractiveness|quadrant|weight|proxy|cut|tier|revenue)\b/i.test(s),
      );
      expect(english).toEqual([]);
      expect(zh.has("战略型") && zh.has("明星型") && zh.has("维持型") && zh.has("精简型")).toBe(true);
    }
  });
});

describe("portfolio matrix: live mode", () => {
  const p = handPortfolio();
  const model = buildMatrixSheet(p, { ...OPTIONS, live: { source: { customer: "Sales!$A$2:$A$9", value: "Sales!$B$2:$B$9" } } });

  test("KA.SCORE per axis and KA.MATRIX over the two score spills, into free cells", () => {
    const f = formulaCells(model);
    const scores = f.filter((c) => c.f.startsWith("KA.SCORE("));
    expect(scores).toHaveLength(2);
    const w = nameRange(model, "KA_AttractivenessWeights");
    expect(scores[0].f).toBe(`KA.SCORE($D$${w.row + 5}:$E$${w.row + 10},$D$${w.row + 1}:$E$${w.row + 1})`);
    const quad = f.find((c) => c.f.startsWith("KA.MATRIX("))!;
    expect(referencesOf(quad.f).slice(0, 2)).toEqual([
      { row: scores[0].row, col: scores[0].col, rows: 6, cols: 1 },
      { row: scores[1].row, col: scores[1].col, rows: 6, cols: 1 },
    ]);
    expect(quad.f.endsWith(',"en")')).toBe(true);
    const c = cellAt(model, quad.row, quad.col)!;
    expect(isFormula(c) && c.spill).toEqual({ rows: 6, cols: 1 });
    expect(model.tables).toBeUndefined();
    expect(layoutProblems(model)).toEqual([]);
    expect(f.every((x) => !x.f.includes("ISNUMBER"))).toBe(true); // no normalised columns in live mode
  });
});

describe("portfolio matrix: 50,000 customers", () => {
  const n = 50000;
  const cust: string[] = [];
  const rev: number[] = [];
  const g: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    cust.push(`C${i}`);
    rev.push(((i * 7919) % 100003) + 1);
    g.push((i * 31) % 10);
    w.push((i * 17) % 7);
  }
  const p = buildPortfolio(
    {
      customer: { name: "Customer", cells: cust },
      measure: { name: "Revenue", cells: rev },
      attractiveness: [{ name: "G", cells: g }],
      strength: [{ name: "W", cells: w }],
    },
    spec(),
  );
  const model = buildMatrixSheet(p, { ...OPTIONS, accounts: "all" });

  test("referenced cells grow linearly: no per-row range over the accounts", () => {
    const cells = formulaCells(model);
    let area = 0;
    let big = 0;
    for (const c of cells) {
      for (const r of referencesOf(c.f)) {
        area += r.rows * r.cols;
        if (r.rows * r.cols > 100) big++;
      }
    }
    expect(cells.length).toBeGreaterThanOrEqual(5 * n);
    expect(big).toBeLessThan(20);
    expect(area).toBeLessThan(64 * n); // one MEDIAN or COUNTIF per row would be n² = 2.5e9
    expect(layoutProblems(model)).toEqual([]);
  });
});
