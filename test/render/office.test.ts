import fc from "fast-check";
import { type Block, type Cell, type FormulaCell, type SheetModel } from "../../src/sheets/model";
import { SheetRenderError } from "../../src/render/office";
import { a1ToR1C1, r1c1ToA1 } from "../../src/render/office/r1c1";
import { excelInput, fakeR1C1ToA1, FakeExcel, FakeOfficeError, parseAddress, type ActionInfo } from "../support/fake-excel";
import { checkSheetMatches, maxBytes, render } from "../support/office-render";

/* ------------------------------------------------------------------ models */

const fx = (f: string, v: Cell = null): FormulaCell => ({ f, v: v as FormulaCell["v"] });

const INJECTED = [
  '=HYPERLINK("http://x","y")',
  "+1",
  "-1",
  "@SUM(A1)",
  "\t=1+1",
  "\r=1+1",
  "00123",
  "1-2",
  "TRUE",
  "50%",
  "'80s",
  "=",
  "-",
  "Jan 5",
];

/**
 * A contribution-like sheet: title, header, n customer rows of 7 columns (rank, name, value, share,
 * cumulative share, exclusive share, tier — the last four formulas, first row different), side
 * figures, a table, names, conditional formats, a Pareto chart, widths, freeze, tab colour.
 */
function contribution(n: number, opts: { name?: string; key?: string; names?: (j: number) => string; marker?: string } = {}): SheetModel {
  const HEADER = 4;
  const FIRST = 5;
  const last = FIRST + n - 1;
  const rows: Cell[][] = [];
  for (let j = 0; j < n; j++) {
    const R = FIRST + j + 1; // A1 row
    const value = Math.round((1e6 / (j + 1)) * 100) / 100;
    rows.push([
      j + 1,
      opts.names ? opts.names(j) : `Customer ${String(j + 1).padStart(6, "0")}`,
      value,
      fx(`IF($J$6>0,C${R}/$J$6,0)`, 0.1),
      fx(j === 0 ? `MIN(1,D${R})` : `MIN(1,E${R - 1}+D${R})`, 0.2),
      j === 0 ? 0 : fx(`IF(C${R}=C${R - 1},F${R - 1},E${R - 1})`, 0.1),
      fx(`IF(ROUND(F${R},12)<ROUND($J$8,12),"A",IF(ROUND(F${R},12)<ROUND($J$9,12),"B","C"))`, "A"),
    ]);
  }
  const top = Math.min(n, 50);
  const blocks: Block[] = [
    { row: 0, col: 0, cells: [["80/20 contribution of Sales"]], style: "title" },
    { row: 1, col: 0, cells: [[opts.marker ?? "Source: Sales · ABC 80/95"]], style: "subtitle" },
    { row: 2, col: 0, cells: [[fx("J7", 0.2), "20% of the customers make 80% of Sales"]] },
    {
      row: HEADER,
      col: 0,
      cells: [["Rank", "Customer", "Sales", "Share", "Cumulative share", "Exclusive share", "Tier"]],
      style: "header",
    },
    { row: FIRST, col: 0, cells: rows, style: "body", numberFormats: ["0", null, "#,##0.00", "0.0%", "0.0%", "0.0%", null] },
    { row: HEADER, col: 8, cells: [["Figure", "Value"]], style: "header" },
    {
      row: 5,
      col: 8,
      cells: [
        ["Positive total", fx(`SUM(C${FIRST + 1}:C${last + 1})`, 1)],
        ["Customers for 80%", fx('COUNTIF(G6:G9,"A")/1', 0.2)],
      ],
      numberFormats: [null, "#,##0.00"],
    },
    {
      row: 7,
      col: 8,
      cells: [
        ["A", 0.8],
        ["B", 0.95],
      ],
      style: "input",
      numberFormats: [null, "0%"],
    },
    { row: 10, col: 8, cells: [["Write the commentary here"]], style: "todo", wrap: true },
  ];
  return {
    key: opts.key ?? "contribution",
    name: opts.name ?? "80-20 Contribution",
    blocks,
    columnWidths: [6, 28, 14, 10, 10, 10, 8, 3, 20, 12],
    merges: [{ row: 0, col: 0, rows: 1, cols: 7 }],
    freeze: { rows: 5, cols: 2 },
    tables: [{ name: "KA_Contribution", range: { row: HEADER, col: 0, rows: n + 1, cols: 7 }, style: "TableStyleMedium2" }],
    conditionalFormats: [
      { kind: "dataBar", range: { row: FIRST, col: 2, rows: n, cols: 1 }, color: "638EC6" },
      { kind: "colorScale", range: { row: FIRST, col: 3, rows: n, cols: 1 }, min: "F8696B", mid: "FFEB84", max: "63BE7B" },
      { kind: "textEquals", range: { row: FIRST, col: 6, rows: n, cols: 1 }, text: "A", fill: "C6EFCE", font: "006100" },
    ],
    names: [
      { name: "KA_PositiveTotal", range: { row: 5, col: 9, rows: 1, cols: 1 }, comment: "Denominator of the shares" },
      { name: "KA_ThresholdA", range: { row: 7, col: 9, rows: 1, cols: 1 } },
    ],
    charts: [
      {
        kind: "pareto",
        title: "Pareto of Sales",
        anchor: { row: 13, col: 8, rows: 18, cols: 8 },
        series: [
          {
            name: "Sales",
            categories: { row: FIRST, col: 1, rows: top, cols: 1 },
            values: { row: FIRST, col: 2, rows: top, cols: 1 },
            type: "column",
            axis: "primary",
            color: "217346",
          },
          {
            name: "Cumulative share",
            categories: { row: FIRST, col: 1, rows: top, cols: 1 },
            values: { row: FIRST, col: 4, rows: top, cols: 1 },
            type: "line",
            axis: "secondary",
            color: "C00000",
          },
        ],
        xAxisTitle: "Customer",
        yAxisTitle: "Sales",
        y2AxisTitle: "Cumulative share",
        y2Max: 1,
        referenceLines: [{ axis: "y2", value: 0.8, label: "80%" }],
      },
    ],
    tabColor: "1F6E43",
  };
}

function plan(account: string, opts: { marker?: string } = {}): SheetModel {
  return {
    key: `plan:${account.toLowerCase()}`,
    name: `Plan – ${account}`,
    blocks: [
      { row: 0, col: 0, cells: [[`Account plan – ${account}`]], style: "title" },
      {
        row: 2,
        col: 0,
        cells: [
          ["Objective", opts.marker ?? "Grow share of wallet"],
          ["Owner", null],
          ["Status", "Open"],
        ],
        numberFormats: [null, null],
      },
      { row: 2, col: 1, cells: [["Grow share of wallet"]], style: "input" },
      {
        row: 6,
        col: 0,
        cells: [
          ["Action", "Due", "Budget"],
          ["Quarterly review", 45000, 1200],
          ["=not a formula", 45031, fx("C8*2", 2400)],
        ],
        numberFormats: [null, "yyyy-mm-dd", "#,##0"],
      },
      { row: 10, col: 0, cells: [["(to be written by the planner)"]], style: "todo" },
    ],
    columnWidths: [24, 40],
    validations: [
      { range: { row: 4, col: 1, rows: 1, cols: 1 }, values: ["Open", "In progress", "Done"], prompt: "Pick a status" },
      { range: { row: 3, col: 1, rows: 1, cols: 1 }, values: ["Smith, Jane", "Lee, Bo", "=EVIL()"] },
    ],
    names: [{ name: `KA_Owner_${account}`, range: { row: 3, col: 1, rows: 1, cols: 1 }, comment: "Account owner" }],
    tables: [{ name: `KA_Actions_${account}`, range: { row: 6, col: 0, rows: 3, cols: 3 } }],
  };
}

/* ------------------------------------------------------------------ helpers */

/** Every cell of the model as Excel must hold it: text/number/Boolean, or the formula. */
function expectSheetMatches(fake: FakeExcel, sheetName: string, model: SheetModel): void {
  expect(checkSheetMatches(fake, sheetName, model)).toBeGreaterThan(0);
}

/* ------------------------------------------------------------------ R1C1 */

describe("A1 ⇄ R1C1", () => {
  test("relative, absolute and mixed references, as Excel writes them", () => {
    // D6 (0-based row 5, col 3)
    expect(a1ToR1C1("C6/SUM($C$6:$C$105)", 5, 3)).toBe("RC[-1]/SUM(R6C3:R105C3)");
    expect(a1ToR1C1("MIN(1,E5+D6)", 5, 4)).toBe("MIN(1,R[-1]C+R[-1]C[-1]+0)".replace("R[-1]C[-1]+0", "RC[-1]"));
    expect(a1ToR1C1("$A6+B$1+A1", 5, 3)).toBe("RC1+R1C[-2]+R[-5]C[-3]");
    expect(r1c1ToA1("RC[-1]/SUM(R6C3:R105C3)", 99, 3)).toBe("C100/SUM($C$6:$C$105)");
  });

  test("strings, sheet names, functions with digits, structured references and errors are left alone", () => {
    expect(a1ToR1C1('IF(A1="B2",LOG10(A1),#N/A)', 0, 1)).toBe('IF(RC[-1]="B2",LOG10(RC[-1]),#N/A)');
    expect(a1ToR1C1("'My B2 sheet'!B2+Sheet1!A1", 1, 1)).toBe("'My B2 sheet'!RC+Sheet1!R[-1]C[-1]");
    expect(a1ToR1C1("SUM(KA_Contribution[Sales])+A2", 1, 0)).toBe("SUM(KA_Contribution[Sales])+RC");
    expect(a1ToR1C1("ATAN2(1,2)", 0, 0)).toBe("ATAN2(1,2)");
  });

  test("whole rows/columns and unterminated literals are not converted (written per cell instead)", () => {
    expect(a1ToR1C1("SUM(A:A)", 0, 1)).toBeNull();
    expect(a1ToR1C1("SUM(1:3)", 0, 1)).toBeNull();
    expect(a1ToR1C1('"open', 0, 0)).toBeNull();
  });

  test("property: R1C1 round-trips and agrees with the fake's independent converter", () => {
    const ref = fc.record({
      c: fc.integer({ min: 1, max: 16384 }),
      r: fc.integer({ min: 1, max: 1048576 }),
      ac: fc.boolean(),
      ar: fc.boolean(),
    });
    const letters = (n: number): string => {
      let s = "";
      while (n > 0) {
        const m = (n - 1) % 26;
        s = String.fromCharCode(65 + m) + s;
        n = Math.floor((n - 1) / 26);
      }
      return s;
    };
    fc.assert(
      fc.property(
        fc.array(ref, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 1048575 }),
        fc.integer({ min: 0, max: 16383 }),
        (refs, row, col) => {
          const f = refs.map((x) => `${x.ac ? "$" : ""}${letters(x.c)}${x.ar ? "$" : ""}${x.r}`).join("+") + '&"A1"';
          const r1c1 = a1ToR1C1(f, row, col);
          expect(r1c1).not.toBeNull();
          expect(r1c1ToA1(r1c1!, row, col)).toBe(f);
          expect(fakeR1C1ToA1(r1c1!, row, col)).toBe(f);
        },
      ),
    );
  });
});

/* ------------------------------------------------------------------ the fake behaves like Excel */

describe("the fake's input rules (so the text-safety tests can fail)", () => {
  test("strings that look like formulas, numbers or dates are converted unless apostrophe-prefixed or text-formatted", () => {
    expect(excelInput('=HYPERLINK("http://x","y")', false)?.formula).toBe('=HYPERLINK("http://x","y")');
    expect(excelInput("@SUM(A1)", false)?.formula).toBe("=SUM(A1)");
    expect(excelInput("+1", false)?.value).toBe(1);
    expect(excelInput("00123", false)?.value).toBe(123);
    expect(excelInput("'=1+1", false)).toEqual({ value: "=1+1", quotePrefix: true });
    expect(excelInput("=1+1", true)).toEqual({ value: "=1+1" });
  });
});

/* ------------------------------------------------------------------ rendering */

describe("renderSheets", () => {
  test("writes every cell, formula, style, width, merge, table, name, conditional format, chart and view setting", async () => {
    const fake = new FakeExcel();
    fake.newSheet("Data");
    const model = contribution(40);
    const result = await render(fake, [model, plan("ACME")], { activate: true });
    expect(result).toEqual({
      created: [
        { key: "contribution", name: "80-20 Contribution" },
        { key: "plan:acme", name: "Plan – ACME" },
      ],
      cancelled: false,
      warnings: [],
    });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Data", "80-20 Contribution", "Plan – ACME"]);
    expect(fake.activeSheetId).toBe(fake.sheet("80-20 Contribution").id);
    expectSheetMatches(fake, "80-20 Contribution", model);
    expectSheetMatches(fake, "Plan – ACME", plan("ACME"));

    const s = fake.sheet("80-20 Contribution");
    // styles
    expect(fake.formatAt(s, 4, 3, "fill.color")).toBe("#217346");
    expect(fake.formatAt(s, 4, 3, "font.color")).toBe("#FFFFFF");
    expect(fake.formatAt(s, 4, 3, "font.bold")).toBe(true);
    expect(fake.formatAt(s, 0, 0, "font.size")).toBe(16);
    expect(fake.formatAt(s, 7, 9, "fill.color")).toBe("#FFF2CC");
    expect(fake.formatAt(s, 10, 8, "font.italic")).toBe(true);
    expect(fake.formatAt(s, 10, 8, "wrapText")).toBe(true);
    // number formats per column, widths in points, merge, freeze, tab colour
    expect(fake.numberFormatAt(s, 20, 3)).toBe("0.0%");
    expect(fake.numberFormatAt(s, 20, 2)).toBe("#,##0.00");
    expect(fake.numberFormatAt(s, 20, 1)).toBe("General");
    expect(s.columnWidths.get(1)).toBe((28 * 7 + 5) * 0.75);
    expect(s.merges).toEqual([parseAddress("A1:G1")]);
    expect(s.freeze).toEqual({ rows: 5, cols: 2 });
    expect(s.tabColor).toBe("#1F6E43");
    // table, names
    expect(fake.tables).toEqual([
      expect.objectContaining({ name: "KA_Contribution", sheetId: s.id, rect: parseAddress("A5:G45"), style: "TableStyleMedium2" }),
      expect.objectContaining({ name: "KA_Actions_ACME" }),
    ]);
    const total = fake.names.find((n) => n.name === "KA_PositiveTotal")!;
    expect(fake.nameFormula(total)).toBe("='80-20 Contribution'!$J$6");
    expect(total.comment).toBe("Denominator of the shares");
    // conditional formats
    expect(s.conditionalFormats.map((c) => c.type)).toEqual(["DataBar", "ColorScale", "CellValue"]);
    expect(s.conditionalFormats[2].props).toEqual({
      "cellValue.format.fill.color": "#C6EFCE",
      "cellValue.format.font.color": "#006100",
      "cellValue.rule": { formula1: '="A"', operator: "EqualTo" },
    });
    expect(s.conditionalFormats[1].props["colorScale.criteria"]).toEqual({
      minimum: { type: "LowestValue", color: "#F8696B" },
      midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
      maximum: { type: "HighestValue", color: "#63BE7B" },
    });
    // the Pareto chart: columns, cumulative line on the secondary axis (max 1, 0%), the 80% line
    expect(s.charts).toHaveLength(1);
    const chart = s.charts[0];
    expect(chart.type).toBe("ColumnClustered");
    expect(chart.props).toMatchObject({
      "title.text": "Pareto of Sales",
      plotVisibleOnly: false,
      "axes.categoryAxis.title.text": "Customer",
      "axes.valueAxis.title.text": "Sales",
      "axes.Value/Secondary.title.text": "Cumulative share",
      "axes.Value/Secondary.maximum": 1,
      "axes.Value/Secondary.minimum": 0,
      "axes.Value/Secondary.numberFormat": "0%",
    });
    expect(chart.calls).toEqual([{ method: "setPosition", args: ["I14", "P31"] }]);
    expect(chart.series).toHaveLength(3);
    expect(chart.series[0]).toMatchObject({ values: "C6:C45", xValues: "B6:B45", fill: "#217346", props: { name: "Sales" } });
    expect(chart.series[1]).toMatchObject({
      values: "E6:E45",
      xValues: "B6:B45",
      props: { name: "Cumulative share", chartType: "Line", axisGroup: "Secondary" },
    });
    expect(chart.series[2]).toMatchObject({
      xValues: "B6:B45",
      props: { name: "80%", chartType: "Line", axisGroup: "Secondary", "format.line.lineStyle": "Dash" },
    });
    // the 80% line's data: hidden helper column L (one empty column after J), 40 × 0.8
    expect(chart.series[2].values).toBe("L1:L40");
    expect(fake.cell("80-20 Contribution", "L40")?.value).toBe(0.8);
    expect([...s.hiddenColumns]).toEqual([11]);
  });

  test("portfolio charts: scatter with dashed cut lines, bubble with cut lines of small dots (helper cells)", async () => {
    const portfolio = (type: "scatter" | "bubble"): SheetModel => ({
      key: `matrix:${type}`,
      name: `Matrix ${type}`,
      blocks: [
        {
          row: 0,
          col: 0,
          cells: [
            ["Customer", "Strength", "Attractiveness", "Sales"],
            ["A", 2, 8, 100],
            ["B", 6, 3, 50],
            ["C", 9, 9, 400],
          ],
        },
      ],
      charts: [
        {
          kind: "portfolio",
          title: "Portfolio",
          anchor: { row: 5, col: 0, rows: 15, cols: 6 },
          series: [
            {
              name: "Customers",
              categories: { row: 1, col: 1, rows: 3, cols: 1 },
              values: { row: 1, col: 2, rows: 3, cols: 1 },
              sizes: { row: 1, col: 3, rows: 3, cols: 1 },
              type,
              axis: "primary",
            },
          ],
          xAxisTitle: "Strength",
          yAxisTitle: "Attractiveness",
          referenceLines: [
            { axis: "x", value: 5, label: "Strength cut" },
            { axis: "y", value: 4, label: "Attractiveness cut" },
          ],
        },
      ],
    });
    const fake = new FakeExcel();
    const res = await render(fake, [portfolio("scatter"), portfolio("bubble")]);
    expect(res.warnings).toEqual([]);
    const scatter = fake.sheet("Matrix scatter").charts[0];
    expect(scatter.type).toBe("XYScatter");
    expect(scatter.series.map((x) => [x.props.name, x.xValues, x.values, x.props.chartType])).toEqual([
      ["Customers", "B2:B4", "C2:C4", undefined],
      ["Strength cut", "F1:F2", "G1:G2", "XYScatterLinesNoMarkers"],
      ["Attractiveness cut", "H1:H2", "I1:I2", "XYScatterLinesNoMarkers"],
    ]);
    // the vertical cut at x = 5 spans y 3..9, the horizontal one at y = 4 spans x 2..9
    expect(["F1", "G1", "F2", "G2", "H1", "I1", "H2", "I2"].map((a) => fake.cell("Matrix scatter", a)?.value)).toEqual([
      5, 3, 5, 9, 2, 4, 9, 4,
    ]);
    expect(scatter.props).toMatchObject({
      plotVisibleOnly: false,
      "axes.categoryAxis.title.text": "Strength",
      "axes.valueAxis.title.text": "Attractiveness",
    });
    const bubble = fake.sheet("Matrix bubble").charts[0];
    expect(bubble.type).toBe("Bubble");
    expect(bubble.series.map((x) => [x.props.name, x.xValues, x.values, x.bubbleSizes])).toEqual([
      ["Customers", "B2:B4", "C2:C4", "D2:D4"],
      ["Strength cut", "F1:F41", "G1:G41", "H1:H41"],
      ["Attractiveness cut", "I1:I41", "J1:J41", "K1:K41"],
    ]);
    expect(fake.cell("Matrix bubble", "G41")?.value).toBe(9);
    expect(fake.cell("Matrix bubble", "H1")?.value).toBeCloseTo(400 * 0.003);
    expect([...fake.sheet("Matrix bubble").hiddenColumns]).toEqual([5, 6, 7, 8, 9, 10]);
  });

  test("drop-down lists: plain values inline, values with commas or a leading = from hidden helper cells", async () => {
    const fake = new FakeExcel();
    await render(fake, [plan("ACME")]);
    const s = fake.sheet("Plan – ACME");
    expect(s.validations).toHaveLength(2);
    expect(s.validations[0].props).toEqual({
      rule: { list: { inCellDropDown: true, source: "Open,In progress,Done" } },
      prompt: { showPrompt: true, title: "", message: "Pick a status" },
    });
    const helper = s.validations[1].props.rule as { list: { source: string } };
    expect(helper.list.source).toBe("=$E$1:$E$3");
    expect(["E1", "E2", "E3"].map((a) => fake.cell("Plan – ACME", a))).toEqual([
      { value: "Smith, Jane", quotePrefix: true },
      { value: "Lee, Bo", quotePrefix: true },
      { value: "=EVIL()", quotePrefix: true },
    ]);
    expect([...s.hiddenColumns]).toEqual([4]);
  });

  test("text stays text: injected-looking names land as the exact text, never as formulas, numbers or dates", async () => {
    const fake = new FakeExcel();
    const model = contribution(INJECTED.length, { names: (j) => INJECTED[j] });
    await render(fake, [model]);
    for (let j = 0; j < INJECTED.length; j++) {
      expect(fake.cell("80-20 Contribution", `B${6 + j}`)).toEqual({ value: INJECTED[j], quotePrefix: true });
    }
    expectSheetMatches(fake, "80-20 Contribution", model);
    // without the quote prefix the same strings would not survive (the fake is not lenient)
    const converted = INJECTED.filter((s) => {
      const c = excelInput(s, false);
      return c?.value !== s || c.formula !== undefined;
    });
    expect(converted).toEqual(['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "00123", "1-2", "TRUE", "50%", "'80s", "Jan 5"]);
  });

  test("text over Excel's 32,767-character cell limit is cut to it instead of failing the request", async () => {
    const fake = new FakeExcel();
    const long = "x".repeat(40000);
    await render(fake, [{ key: "k", name: "Long", blocks: [{ row: 0, col: 0, cells: [[long, "short"]] }] }]);
    expect(fake.cell("Long", "A1")?.value).toBe("x".repeat(32766)); // + the apostrophe = 32,767 characters of input
    expect(fake.cell("Long", "B1")?.value).toBe("short");
  });

  test("formulas are written as formulas: repeated ones as one R1C1 scalar per column, the others in A1", async () => {
    const fake = new FakeExcel();
    const model = contribution(200);
    await render(fake, [model]);
    expectSheetMatches(fake, "80-20 Contribution", model);
    const log = fake.requests.flatMap((r) => r.log);
    // share (all rows), cumulative (rows 2..n), exclusive (rows 2..n), tier (all rows)
    const r1c1Targets = log
      .filter((l) => l.endsWith(".formulasR1C1"))
      .map((l) => /getRange\(([^)]*)\)/.exec(l)![1])
      .sort();
    expect(r1c1Targets).toEqual(["D6:D205", "E7:E205", "F7:F205", "G6:G205"]);
  });
});

/* ------------------------------------------------------------------ syncs and request size */

describe("syncs and request size", () => {
  const SIZES = [100, 1000, 10000, 100000];
  const SETUP = 2; // names of sheets/tables/workbook names; sheet-scoped names

  /** The contribution sheet of n rows rendered once, whichever test asks first (no test relies on another's order). */
  const renders = new Map<number, Promise<FakeExcel>>();
  function rendered(n: number): Promise<FakeExcel> {
    if (!renders.has(n)) {
      const fake = new FakeExcel();
      renders.set(
        n,
        render(fake, [contribution(n)]).then(() => fake),
      );
    }
    return renders.get(n) as Promise<FakeExcel>;
  }
  /** Operations queued for the sheet, less the row chunks of per-cell writes. */
  const fixedOperations = (fake: FakeExcel): number => {
    const requests = fake.requests.slice(SETUP);
    const chunks = requests.reduce((sum, r) => sum + r.log.filter((l) => /\.(values|formulas)$/.test(l)).length, 0);
    return requests.reduce((sum, r) => sum + r.actions, 0) - chunks;
  };

  test.each(SIZES)("%i rows: one sync for the sheet, every request under 4 MB", async (n) => {
    const fake = await rendered(n);
    const requests = fake.requests.slice(SETUP);
    console.log(`${n} rows: ${requests.length} sync(s) for the sheet (+${SETUP} setup), largest request ${maxBytes(fake, SETUP)} bytes`);
    expect(maxBytes(fake)).toBeLessThan(4_000_000);
    expect(requests).toHaveLength(1);
  });

  test.each(SIZES)("%i rows: every cell lands as the model has it", async (n) => {
    expectSheetMatches(await rendered(n), "80-20 Contribution", contribution(n));
  });

  test.each(SIZES)("%i rows: repeated formulas are one R1C1 write per column", async (n) => {
    const log = (await rendered(n)).requests.flatMap((r) => r.log);
    expect(log.filter((l) => l.endsWith(".formulasR1C1"))).toHaveLength(4);
  });

  test.each(SIZES.slice(1))(
    "the operation count does not grow with the rows: %i rows queue as many as 100 (only literal row chunks do)",
    async (n) => {
      expect(fixedOperations(await rendered(n))).toBe(fixedOperations(await rendered(100)));
    },
  );

  test("100,000 rows with 40-character names: the literal payload passes 4 MB and is split, each request under 4 MB", async () => {
    const fake = new FakeExcel();
    const model = contribution(100000, { names: (j) => `Customer account number ${String(j).padStart(8, "0")} Ltd.` });
    await render(fake, [model]);
    const requests = fake.requests.slice(2);
    console.log(`100000 rows, 40-character names: ${requests.length} syncs, requests ${requests.map((r) => r.bytes).join(", ")} bytes`);
    expect(requests).toHaveLength(2);
    expect(maxBytes(fake)).toBeLessThan(4_000_000);
    expect(requests.reduce((a, r) => a + r.bytes, 0)).toBeGreaterThan(4_000_000);
  });

  test("a formula-only sheet of 100,000 rows takes exactly as many syncs as one of 100", async () => {
    const sheet = (n: number): SheetModel => ({
      key: "f",
      name: "Formulas",
      blocks: [
        {
          row: 0,
          col: 0,
          cells: Array.from({ length: n }, (_, r) => [fx(`ROW()*2`), fx(`A${r + 1}*3`), fx(`IF(B${r + 1}>10,"big","small")`)]),
        },
      ],
    });
    const counts: number[] = [];
    for (const n of [100, 100000]) {
      const fake = new FakeExcel();
      await render(fake, [sheet(n)]);
      counts.push(fake.syncs);
      expect(maxBytes(fake)).toBeLessThan(10_000);
    }
    expect(counts).toEqual([2, 2]); // 1 setup + 1 for the sheet
  });

  test("with a small budget every request stays under it and chunk boundaries lose no row", async () => {
    const fake = new FakeExcel();
    const model = contribution(3000, { names: (j) => INJECTED[j % INJECTED.length] + ` ${j} 客户` });
    const budget = 32 * 1024;
    await render(fake, [model], { maxRequestBytes: budget });
    expect(fake.syncs).toBeGreaterThan(5);
    expect(maxBytes(fake)).toBeLessThanOrEqual(budget);
    expectSheetMatches(fake, "80-20 Contribution", model);
    // every request that writes cells suspends calculation first
    for (const r of fake.requests)
      if (r.firstWriteAt >= 0) {
        expect(r.suspendAt).toBeGreaterThanOrEqual(0);
        expect(r.suspendAt).toBeLessThan(r.firstWriteAt);
      }
  });

  test("the size estimate is conservative for every kind of operation (tiny budget: one or few operations per request)", async () => {
    for (const budget of [12_000, 16_000, 24_000]) {
      const fake = new FakeExcel();
      const models = [contribution(30), plan("ACME")];
      await render(fake, models, { maxRequestBytes: budget, activate: true });
      const over = fake.requests.slice(2).filter((r) => r.bytes > budget);
      expect(over.map((r) => `${r.bytes}: ${r.log.join(" ")}`)).toEqual([]);
      expect(fake.syncs).toBeGreaterThan(4);
      expectSheetMatches(fake, "80-20 Contribution", models[0]);
      expectSheetMatches(fake, "Plan – ACME", models[1]);
    }
  });

  test("a request over the web limit is rejected by the fake (so the size tests can fail)", async () => {
    const fake = new FakeExcel();
    const ctx = fake.context();
    const sheet = ctx.workbook.worksheets.add("Big");
    sheet.getRange("A1:A200000").values = Array.from({ length: 200000 }, () => ["x".repeat(30)]);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
});

/* ------------------------------------------------------------------ never overwrite */

describe("never overwrite", () => {
  function existingWorkbook(): FakeExcel {
    const fake = new FakeExcel();
    fake.newSheet("80-20 Contribution");
    fake.seed("80-20 Contribution", { A1: "my own notes", B2: 42, C3: { formula: "=B2*2" }, B6: "edited by the planner" });
    fake.newSheet("Plan – ACME");
    fake.seed("Plan – ACME", { B3: "Our real objective", A1: "=not mine" });
    fake.newSheet("plan – acme (2)");
    fake.seed("plan – acme (2)", { A1: 1 });
    fake.addTable("80-20 Contribution", "A5:G10", "KA_Contribution");
    fake.addName("KA_PositiveTotal", "80-20 Contribution", "J6");
    fake.addName("KA_Owner_ACME", "Plan – ACME", "B4", "Plan – ACME"); // sheet-scoped
    return fake;
  }

  test("existing sheets, cells, tables and names are unchanged after rendering twice; new names get (2)/(3)", async () => {
    const fake = existingWorkbook();
    const before = fake.snapshot() as { sheets: { id: string }[]; tables: unknown[]; names: unknown[] };
    const written: string[] = [];
    fake.failWhen = (a: ActionInfo) => {
      if (a.kind !== "load" && a.sheetName !== undefined) written.push(a.sheetName);
      return false;
    };
    const models = [contribution(30), plan("ACME")];
    const first = await render(fake, models);
    expect(first.created.map((c) => c.name)).toEqual(["80-20 Contribution (2)", "Plan – ACME (3)"]);
    const afterFirst = fake.snapshot() as typeof before;
    const second = await render(fake, models);
    expect(second.created.map((c) => c.name)).toEqual(["80-20 Contribution (3)", "Plan – ACME (4)"]);

    const after = fake.snapshot() as typeof before;
    // every pre-existing sheet (with all its cells and formats), table and name deep-equal
    expect(after.sheets.slice(0, 3)).toEqual(before.sheets);
    expect(after.tables.slice(0, 1)).toEqual(before.tables);
    expect(after.names.slice(0, 2)).toEqual(before.names);
    // and the first run's sheets are untouched by the second
    expect(after.sheets.slice(0, 5)).toEqual(afterFirst.sheets);
    // nothing was ever queued against a sheet this call did not create
    expect(written.filter((n) => ["80-20 Contribution", "Plan – ACME", "plan – acme (2)"].includes(n))).toEqual([]);
    // tables and names made unique across tables and names
    expect(fake.tables.map((t) => t.name)).toEqual([
      "KA_Contribution",
      "KA_Contribution_2",
      "KA_Actions_ACME",
      "KA_Contribution_3",
      "KA_Actions_ACME_2",
    ]);
    expect(fake.names.map((n) => n.name)).toEqual([
      "KA_PositiveTotal",
      "KA_Owner_ACME",
      "KA_PositiveTotal_2",
      "KA_ThresholdA",
      "KA_Owner_ACME_2",
      "KA_PositiveTotal_3",
      "KA_ThresholdA_2",
      "KA_Owner_ACME_3",
    ]);
    expect(fake.nameFormula(fake.names[2])).toBe("='80-20 Contribution (2)'!$J$6");
    expectSheetMatches(fake, "Plan – ACME (4)", plan("ACME"));
    // no temporary sheet left behind
    expect(fake.sheets.filter((s) => s.name.startsWith("~KA"))).toEqual([]);
  });

  test("31-character and forbidden-character names", async () => {
    const fake = new FakeExcel();
    fake.newSheet("plan – a very long customer nam"); // what the desired name becomes, in other case
    const model = { ...plan("X"), key: "plan:long", name: "Plan – A very long customer name: [Holding]/*?" };
    const res = await render(fake, [model, { ...model, key: "plan:long2" }]);
    expect(res.created.map((c) => c.name)).toEqual(["Plan – A very long customer (2)", "Plan – A very long customer (3)"]);
    for (const c of res.created) expect(c.name.length).toBeLessThanOrEqual(31);
  });
});

/* ------------------------------------------------------------------ progress, cancel, failure */

describe("progress, cancel and failure", () => {
  const five = (): SheetModel[] => [plan("A1"), plan("B2"), plan("C3", { marker: "BOOM" }), plan("D4"), plan("E5")];

  test("progress is reported per sheet", async () => {
    const fake = new FakeExcel();
    const seen: [number, number, string][] = [];
    await render(
      fake,
      five()
        .slice(0, 3)
        .map((m) => ({ ...m, blocks: m.blocks.slice(0, 1) })),
      { onProgress: (d, t, n) => seen.push([d, t, n]) },
    );
    expect(seen).toEqual([
      [1, 3, "Plan – A1"],
      [2, 3, "Plan – B2"],
      [3, 3, "Plan – C3"],
    ]);
  });

  test("cancel is honoured between sheets, never in the middle of one", async () => {
    const fake = new FakeExcel();
    const signal = { cancelled: false };
    // cancel while sheet 2 is being written: sheet 2 still completes, sheet 3 never starts
    fake.failWhen = (a) => {
      if (a.name === "values" && JSON.stringify(a.args).includes("Account plan – B2")) signal.cancelled = true;
      return false;
    };
    const res = await render(fake, five(), { signal, activate: true });
    expect(res.cancelled).toBe(true);
    expect(res.created.map((c) => c.name)).toEqual(["Plan – A1", "Plan – B2"]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Plan – A1", "Plan – B2"]);
    expectSheetMatches(fake, "Plan – B2", plan("B2"));
    expect(fake.activeSheetId).toBe(fake.sheet("Plan – A1").id);
  });

  test("an AbortSignal works too", async () => {
    const fake = new FakeExcel();
    const ac = new AbortController();
    const res = await render(fake, five(), { signal: ac.signal, onProgress: (done) => done === 1 && ac.abort() });
    expect(res).toMatchObject({ cancelled: true, created: [{ name: "Plan – A1" }] });
  });

  test("a failure in sheet 3 of 5 names it, keeps sheets 1–2, deletes the half-written sheet, starts nothing after", async () => {
    const fake = new FakeExcel();
    fake.newSheet("Mine");
    fake.seed("Mine", { A1: "keep" });
    fake.failWhen = (a) => a.name === "values" && JSON.stringify(a.args).includes("BOOM");
    const err = await render(fake, five()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetRenderError);
    const e = err as SheetRenderError;
    expect(e.message).toContain('Sheet 3 of 5 "Plan – C3" (plan:c3)');
    expect(e.message).toContain("Sheets 1–2 are complete");
    expect(e).toMatchObject({ sheetIndex: 2, sheetKey: "plan:c3", sheetName: "Plan – C3", cleanup: "deleted" });
    expect(e.cause).toBeInstanceOf(FakeOfficeError);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Mine", "Plan – A1", "Plan – B2"]);
    expectSheetMatches(fake, "Plan – A1", plan("A1"));
    expectSheetMatches(fake, "Plan – B2", plan("B2"));
    // the failed sheet's workbook name is gone too (no #REF! name left), its table went with the sheet
    expect(fake.names.map((n) => n.name)).toEqual(["KA_Owner_A1", "KA_Owner_B2"]);
    expect(fake.tables.map((t) => t.name)).toEqual(["KA_Actions_A1", "KA_Actions_B2"]);
    expect(fake.calculationMode).toBe("Automatic");
    expect(fake.calculationModeSets).toEqual([]);
  });

  test("a failure in a later request of a multi-request sheet still removes the sheet and its names", async () => {
    const fake = new FakeExcel();
    const big = contribution(2000, { key: "contribution:2", name: "Second" });
    let charts = 0;
    fake.failWhen = (a) => a.name === "add" && a.target.endsWith("charts") && ++charts === 2; // the second sheet's chart
    const err = (await render(fake, [contribution(10), big], { maxRequestBytes: 20_000 }).catch((e: unknown) => e)) as SheetRenderError;
    expect(err).toBeInstanceOf(SheetRenderError);
    expect(err).toMatchObject({ sheetIndex: 1, sheetKey: "contribution:2", cleanup: "deleted" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["80-20 Contribution"]);
    expect(fake.names.every((n) => !fake.nameFormula(n).includes("#REF!"))).toBe(true);
    expect(fake.names.map((n) => n.name)).toEqual(["KA_PositiveTotal", "KA_ThresholdA"]);
    expect(fake.calculationModeSets).toEqual([]);
  });

  test("when the half-written sheet cannot be deleted it is renamed (incomplete) with a note in A1", async () => {
    const fake = new FakeExcel();
    // the sheet's own delete fails (not the removal of its temporary marker name)
    fake.failWhen = (a) =>
      (a.name === "values" && JSON.stringify(a.args).includes("BOOM")) ||
      (a.name === "delete" && a.target.includes("worksheets") && !a.target.includes(".names."));
    const err = (await render(fake, five()).catch((e: unknown) => e)) as SheetRenderError;
    expect(err).toMatchObject({ sheetIndex: 2, cleanup: "marked-incomplete", incompleteName: "Plan – C3 (incomplete)" });
    expect(err.message).toContain('renamed "Plan – C3 (incomplete)"');
    expect(fake.sheets.map((s) => s.name)).toEqual(["Plan – A1", "Plan – B2", "Plan – C3 (incomplete)"]);
    expect(fake.cell("Plan – C3 (incomplete)", "A1")?.value).toMatch(/^INCOMPLETE/);
  });

  test("calculation is suspended in every writing request and the calculation mode is never touched, also after an error", async () => {
    const fake = new FakeExcel();
    fake.calculationMode = "Automatic";
    fake.failWhen = (a) => a.name === "values" && JSON.stringify(a.args).includes("BOOM");
    await expect(render(fake, five())).rejects.toBeInstanceOf(SheetRenderError);
    const writing = fake.requests.filter((r) => r.firstWriteAt >= 0);
    expect(writing).toHaveLength(3); // sheets 1 and 2, and the failing sheet 3
    for (const r of writing) {
      expect(r.suspendAt).toBeGreaterThanOrEqual(0);
      expect(r.suspendAt).toBeLessThan(r.firstWriteAt);
    }
    expect(fake.calculationMode).toBe("Automatic");
    expect(fake.calculationModeSets).toEqual([]);
  });
});

/* ------------------------------------------------------------------ requirement sets */

describe("requirement sets", () => {
  test("ExcelApi 1.7: no drop-downs, no secondary-axis series or reference lines; reported as warnings", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const res = await render(fake, [contribution(20), plan("ACME")]);
    const s = fake.sheet("80-20 Contribution");
    expect(s.charts[0].series.map((x) => x.props.name)).toEqual(["Sales"]);
    expect(s.charts[0].props.plotVisibleOnly).toBeUndefined();
    expect(fake.sheet("Plan – ACME").validations).toEqual([]);
    expect(res.warnings.map((w) => `${w.sheetKey}:${w.feature}`)).toEqual([
      "contribution:chart.secondaryAxis",
      "contribution:chart.referenceLine",
      "plan:acme:dataValidation",
    ]);
    expect(s.freeze).toEqual({ rows: 5, cols: 2 });
  });

  test("ExcelApi 1.5: no calculation suspension, conditional formats, charts, frozen panes or tab colour", async () => {
    const fake = new FakeExcel({ apiVersion: "1.5" });
    const model = contribution(20);
    const res = await render(fake, [model]);
    const s = fake.sheet("80-20 Contribution");
    expect(s.charts).toEqual([]);
    expect(s.conditionalFormats).toEqual([]);
    expect(s.freeze).toBeUndefined();
    expect(s.tabColor).toBeUndefined();
    expect(fake.requests.every((r) => r.suspendAt < 0)).toBe(true);
    expect(res.warnings.map((w) => w.feature).sort()).toEqual(["calculation", "chart", "conditionalFormat", "worksheetView"]);
    expectSheetMatches(fake, "80-20 Contribution", model);
  });

  test("ExcelApi 1.5: a failed sheet's names are still found (by value, not formula) and removed", async () => {
    const fake = new FakeExcel({ apiVersion: "1.5" });
    // fail at the very end of sheet 2 (its final rename), after its table and name were created
    fake.failWhen = (a) => a.kind === "set" && a.name === "name" && a.args[0] === "Plan – B";
    const err = (await render(fake, [plan("A"), plan("B")]).catch((e: unknown) => e)) as SheetRenderError;
    expect(err).toMatchObject({ sheetIndex: 1, cleanup: "deleted" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Plan – A"]);
    expect(fake.names.map((n) => n.name)).toEqual(["KA_Owner_A"]);
  });

  test("below ExcelApi 1.4 nothing is attempted", async () => {
    const fake = new FakeExcel({ apiVersion: "1.3" });
    await expect(render(fake, [plan("X")])).rejects.toThrow(/ExcelApi 1\.4/);
    expect(fake.syncs).toBe(0);
  });
});

/* ------------------------------------------------------------------ layout: rows, alignment, print, spills, linked lines */

describe("layout", () => {
  const LONG = "Leads the team serving the account and owns the plan for the whole year";
  const layoutModel = (print?: SheetModel["print"]): SheetModel => ({
    key: "layout",
    name: "Layout",
    columnWidths: [20, 20, 12, 12],
    blocks: [
      { row: 0, col: 0, cells: [["Layout"]], style: "title" },
      { row: 1, col: 0, cells: [[LONG, "short"]], style: "body", wrap: true },
      { row: 2, col: 0, cells: [["Rank", "Customer", "Cumulative share"]], style: "header", wrap: true },
      {
        row: 3,
        col: 0,
        cells: [
          [1, "Acme", 0.5],
          [2, "Globex", 0.8],
        ],
        style: "body",
        align: ["center", null, "right"],
        numberFormats: ["0", null, "0%"],
      },
      { row: 6, col: 0, cells: [[LONG + " " + LONG]], style: "note", wrap: true },
    ],
    merges: [{ row: 6, col: 0, rows: 1, cols: 4 }],
    ...(print ? { print } : {}),
  });
  const PRINT: SheetModel["print"] = {
    area: { row: 0, col: 0, rows: 7, cols: 4 },
    areas: [{ row: 0, col: 5, rows: 10, cols: 3 }],
    landscape: false,
    fitToWidth: 1,
    fitToHeight: 0,
    repeatRows: { from: 2, to: 2 },
  };

  test("wrapped blocks are autofitted after the widths, in the sheet's one request; merged wrapped text gets an estimated height", async () => {
    const fake = new FakeExcel();
    await render(fake, [layoutModel()]);
    const sheetRequests = fake.requests.slice(1); // one setup sync (no tables or names)
    expect(sheetRequests).toHaveLength(1);
    const log = sheetRequests[0].log;
    const autofits = log.filter((l) => l.endsWith(".format.autofitRows")).map((l) => /getRange\(([^)]*)\)/.exec(l)![1]);
    expect(autofits).toEqual(["A2:B2", "A3:C3"]);
    const lastWidth = log.map((l, i) => (l.endsWith(".format.columnWidth") ? i : -1)).reduce((a, b) => Math.max(a, b));
    expect(log.findIndex((l) => l.endsWith(".format.autofitRows"))).toBeGreaterThan(lastWidth);
    const s = fake.sheet("Layout");
    // Excel does not autofit merged cells: the merged note's row gets the estimate (145 characters of 9 pt over 64: 2 lines).
    expect(fake.formatAt(s, 6, 0, "rowHeight")).toBe(Math.ceil((2 * (15 * 9)) / 11));
    expect(log.filter((l) => l.endsWith(".format.rowHeight"))).toHaveLength(1);
    expect(fake.formatAt(s, 1, 0, "wrapText")).toBe(true);
    expect(fake.formatAt(s, 1, 0, "verticalAlignment")).toBe("Center");
  });

  test("wrapping adds no sync: a 10,000-row contribution sheet with wrapped blocks still takes one", async () => {
    const fake = new FakeExcel();
    const model = contribution(10000);
    const wrapped: SheetModel = {
      ...model,
      blocks: model.blocks.map((b) => (b.style === "header" || b.style === "todo" ? { ...b, wrap: true } : b)),
    };
    await render(fake, [wrapped]);
    expect(fake.requests.slice(2)).toHaveLength(1);
    expect(fake.requests[2].log.filter((l) => l.endsWith(".format.autofitRows"))).toHaveLength(3); // two headers, the to-do note
  });

  test("horizontal alignment per run of block columns", async () => {
    const fake = new FakeExcel();
    await render(fake, [layoutModel()]);
    const s = fake.sheet("Layout");
    expect(fake.formatAt(s, 3, 0, "horizontalAlignment")).toBe("Center");
    expect(fake.formatAt(s, 4, 0, "horizontalAlignment")).toBe("Center");
    expect(fake.formatAt(s, 3, 1, "horizontalAlignment")).toBeUndefined();
    expect(fake.formatAt(s, 4, 2, "horizontalAlignment")).toBe("Right");
  });

  test("print setup through worksheet.pageLayout (ExcelApi 1.9): orientation, fit one page wide, areas, repeated rows", async () => {
    const fake = new FakeExcel();
    const res = await render(fake, [layoutModel(PRINT)]);
    expect(res.warnings).toEqual([]);
    expect(fake.sheet("Layout").pageLayout).toEqual({
      props: { orientation: "Portrait", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } },
      printArea: "A1:D7,F1:H10",
      printTitleRows: "3:3",
    });
    expect(fake.requests.slice(1)).toHaveLength(1); // queued with the rest of the sheet
  });

  test("below ExcelApi 1.9 the print setup is left out with a warning", async () => {
    const fake = new FakeExcel({ apiVersion: "1.8" });
    const res = await render(fake, [layoutModel(PRINT)]);
    expect(fake.sheet("Layout").pageLayout).toBeUndefined();
    expect(res.warnings.map((w) => `${w.sheetKey}:${w.feature}`)).toEqual(["layout:pageLayout"]);
  });

  test("a dynamic-array formula: only its own cell is written, the spill area stays empty but takes its format", async () => {
    const model: SheetModel = {
      key: "live",
      name: "Live",
      blocks: [
        { row: 0, col: 0, cells: [["Values"], [1], [2], [3]] },
        {
          row: 1,
          col: 2,
          cells: [[{ f: "KA.PARETO(A2:A4,A2:A4)", v: "Rank", spill: { rows: 4, cols: 3 } }]],
          style: "body",
          numberFormats: ["0.0%"],
          align: ["right"],
        },
        {
          row: 5,
          col: 2,
          cells: [
            [{ f: "KA.SCORE(A2:A4)", v: 1, spill: { rows: 3, cols: 1 } }],
            [{ f: "KA.SCORE(A3:A5)", v: 1, spill: { rows: 3, cols: 1 } }],
            [{ f: "KA.SCORE(A4:A6)", v: 1, spill: { rows: 3, cols: 1 } }],
          ],
        },
      ],
    };
    const fake = new FakeExcel();
    await render(fake, [model]);
    const s = fake.sheet("Live");
    expect(fake.cell("Live", "C2")).toEqual({ value: null, formula: "=KA.PARETO(A2:A4,A2:A4)" });
    for (const a of ["D2", "E2", "C3", "E5"]) expect(fake.cell("Live", a)).toBeUndefined();
    expect(fake.numberFormatAt(s, 4, 4)).toBe("0.0%");
    expect(fake.formatAt(s, 4, 4, "horizontalAlignment")).toBe("Right");
    // Spilling formulas are never merged into an R1C1 run (that would write the formula into every cell).
    const log = fake.requests.flatMap((r) => r.log);
    expect(log.filter((l) => l.endsWith(".formulasR1C1"))).toEqual([]);
    expect(["C6", "C7", "C8"].map((a) => fake.cell("Live", a)?.formula)).toEqual([
      "=KA.SCORE(A2:A4)",
      "=KA.SCORE(A3:A5)",
      "=KA.SCORE(A4:A6)",
    ]);
  });

  test("chart lines that follow a cell: helper formulas over the cut cells; the value axis format", async () => {
    const model: SheetModel = {
      key: "matrix",
      name: "Matrix",
      blocks: [
        {
          row: 0,
          col: 0,
          cells: [
            ["Customer", "Strength", "Attractiveness", "Sales"],
            ["A", 2, 8, 100],
            ["B", 6, 3, 50],
            ["C", 9, 9, 400],
          ],
        },
        {
          row: 5,
          col: 0,
          cells: [
            ["Strength cut", 5],
            ["Attractiveness cut", 4],
          ],
          style: "input",
        },
      ],
      charts: [
        {
          kind: "portfolio",
          title: "Portfolio",
          anchor: { row: 8, col: 0, rows: 15, cols: 6 },
          series: [
            {
              name: "Customers",
              categories: { row: 1, col: 1, rows: 3, cols: 1 },
              values: { row: 1, col: 2, rows: 3, cols: 1 },
              type: "scatter",
              axis: "primary",
            },
          ],
          referenceLines: [
            { axis: "x", value: 5, label: "Strength cut" },
            { axis: "y", value: 4, label: "Attractiveness cut" },
          ],
          referenceCells: [
            { row: 5, col: 1, rows: 1, cols: 1 },
            { row: 6, col: 1, rows: 1, cols: 1 },
          ],
          yAxisFormat: "0.0",
        },
      ],
    };
    const fake = new FakeExcel();
    const res = await render(fake, [model]);
    expect(res.warnings).toEqual([]);
    const chart = fake.sheet("Matrix").charts[0];
    expect(chart.series.map((x) => [x.props.name, x.xValues, x.values])).toEqual([
      ["Customers", "B2:B4", "C2:C4"],
      ["Strength cut", "F1:F2", "G1:G2"],
      ["Attractiveness cut", "H1:H2", "I1:I2"],
    ]);
    // x of the vertical cut and y of the horizontal one are formulas over the cut cells; the spans stay numbers.
    expect(["F1", "F2", "I1", "I2"].map((a) => fake.cell("Matrix", a)?.formula)).toEqual(["=$B$6", "=$B$6", "=$B$7", "=$B$7"]);
    expect(["G1", "G2", "H1", "H2"].map((a) => fake.cell("Matrix", a)?.value)).toEqual([3, 9, 2, 9]);
    expect(chart.props["axes.valueAxis.numberFormat"]).toBe("0.0");
  });
});
