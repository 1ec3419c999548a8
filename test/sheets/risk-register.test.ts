import { buildPortfolio, Portfolio, SalesColumns } from "../../src/engine/portfolio";
import { RISK_BANDS, riskLevelOf, riskScore } from "../../src/engine/risk";
import { tierSpecOf } from "../../src/engine/tiers";
import { selectPlanAccounts } from "../../src/sheets/account-plan";
import { Cell, isFormula, Literal, SheetModel } from "../../src/sheets/model";
import { SheetOptions } from "../../src/sheets/sheet-options";
import { CREDIT_SCALES, creditScaleOf } from "../../src/engine/credit-rating";
import { RISK_RULES, RiskKind } from "../../src/engine/risk-rules";
import { buildRiskRegisterSheet, RISK_REGISTER_KEY } from "../../src/sheets/risk-register";
import { Locale, text } from "../../src/strings";
import { functionsOf, gridOf, mismatches, referencesOf, samplePlanPortfolio, Scalar, SheetEvaluator } from "../support/formula-eval";

const EN: SheetOptions = { locale: "en", generated: "2026-01-15" };
const ZH: SheetOptions = { locale: "zh", generated: "2026-01-15" };
const tr = (locale: Locale, key: string, args?: Record<string, string | number>) => text(locale, `sheet.risk.${key}`, args);
const KINDS: RiskKind[] = ["churn", "dependency", "loss", "decline", "credit"];
const COL = { risk: 0, value: 2, exposure: 3, likelihood: 4, impact: 5, score: 6, level: 7, countermeasure: 8, owner: 9, due: 10 };

/** Acme (big, satisfied, AA), Beta (loss-making, dissatisfied, CCC, shrinking), Gamma (no satisfaction or rating), Delta (B). */
function handColumns(): SalesColumns {
  const lines: [string, number, number, string, number | null, string | null][] = [
    ["Acme", 100, 30, "2024-01-10", 4, "AA"],
    ["acme ", 150, 45, "2025-12-05", 5, "AA"],
    ["Beta", 50, -10, "2024-06-01", 2, "CCC"],
    ["Beta", 30, -5, "2025-06-01", 2, "CCC"],
    ["Gamma", 15, 3, "2024-03-03", null, null],
    ["Delta", 10, 1, "2025-12-20", 3, "B"],
  ];
  const col = (name: string, k: number) => ({ name, cells: lines.map((l) => l[k]) });
  return {
    customer: col("Customer", 0),
    measure: col("Revenue", 1),
    profit: col("Profit", 2),
    date: col("Date", 3),
    satisfaction: col("Satisfaction", 4),
    credit: col("Credit", 5),
  };
}
const build = (cols: SalesColumns) => buildPortfolio(cols, tierSpecOf(undefined, undefined, undefined, "en"));
const ids = (p: Portfolio, ...names: string[]) => names.map((n) => p.analysis.customers.names.indexOf(n));

function at(model: SheetModel, row: number, col: number): Cell | undefined {
  return gridOf(model).get(`${row},${col}`);
}
function shown(model: SheetModel, row: number, col: number): Literal | undefined {
  const c = at(model, row, col);
  return c !== undefined && isFormula(c) ? c.v : c;
}
function rowsWith(model: SheetModel, value: Cell, col = 0): number[] {
  const out: number[] = [];
  const g = gridOf(model);
  for (const [k, c] of g) {
    const [r, cc] = k.split(",").map(Number);
    if (cc === col && c === value) out.push(r);
  }
  return out.sort((a, b) => a - b);
}
const rowOf = (model: SheetModel, value: Cell, col = 0) => {
  const r = rowsWith(model, value, col);
  if (!r.length) throw new Error(`no ${JSON.stringify(value)}`);
  return r[0];
};

/** The risk rows of account n (1-based) by kind, and the notes under its risk table. */
function account(
  model: SheetModel,
  n: number,
  name: string,
  locale: Locale = "en",
): { rows: Partial<Record<RiskKind, number>>; notes: string[]; start: number; end: number } {
  const start = rowOf(model, tr(locale, "account", { n, name }));
  const g = gridOf(model);
  let end = start + 1;
  while (end < 100000 && !isSection(model, end)) end++;
  const rows: Partial<Record<RiskKind, number>> = {};
  const notes: string[] = [];
  // start + 1 is the account's info line (tier, rank, manager).
  for (let r = start + 2; r < end; r++) {
    const a = g.get(`${r},0`);
    const kind = KINDS.find((k) => tr(locale, `kind.${k}`) === a);
    if (kind && g.get(`${r},${COL.score}`) !== undefined) rows[kind] = r;
    else if (typeof a === "string" && model.blocks.some((b) => b.row === r && b.col === 0 && b.style === "note")) notes.push(a);
  }
  return { rows, notes, start, end };
}
function isSection(model: SheetModel, row: number): boolean {
  return model.blocks.some((b) => b.row === row && b.col === 0 && b.style === "section");
}

/** Every text a user sees. */
function visibleTexts(model: SheetModel): string[] {
  const out: string[] = [model.name];
  for (const b of model.blocks)
    for (const row of b.cells)
      for (const c of row) {
        const v = isFormula(c) ? c.v : c;
        if (typeof v === "string") out.push(v);
        if (isFormula(c)) for (const m of c.f.matchAll(/"((?:[^"]|"")*)"/g)) out.push(m[1]);
      }
  for (const v of model.validations ?? []) out.push(...v.values);
  for (const c of model.conditionalFormats ?? []) if (c.kind === "textEquals") out.push(c.text);
  return out;
}

describe("risk register: risks from the data, by the rules", () => {
  const p = build(handColumns());
  const m = buildRiskRegisterSheet(p, ids(p, "Acme", "Beta", "Gamma", "Delta"), EN);

  test("identity and every formula's value", () => {
    expect(m.key).toBe(RISK_REGISTER_KEY);
    expect(m.name).toBe("Risk register");
    expect(mismatches(m)).toEqual([]);
  });

  // [kind, value, exposure, likelihood, impact, score, level], worked out by hand:
  // our total 355 (250 + 80 + 15 + 10), positive profit 79 (75 + 3 + 1).
  test.each([
    [
      "Acme",
      1,
      [
        ["churn", 0.0575, 14.375, 2, 5, 10, "High"], // satisfaction 4.5; share 70% ≥ 10%
        ["dependency", 250 / 355, 250, 5, 5, 25, "Critical"], // share ≥ 20%; profit share 75/79 ≥ 20%
        ["loss", 0.3, 0, 1, 1, 1, "Low"],
        ["decline", 0.5, 0, 1, 5, 5, "Medium"], // 150 against 100
        ["credit", "AA", null, 1, 5, 5, "Medium"],
      ],
    ],
    [
      "Beta",
      2,
      [
        ["churn", 0.4, 32, 4, 5, 20, "Critical"], // satisfaction 2; share 22.5%
        ["dependency", 80 / 355, 80, 5, 1, 5, "Medium"], // negative profit share
        ["loss", -15 / 80, 15, 5, 5, 25, "Critical"], // margin −18.75% < −10%; loss 15/79 ≥ 5%
        ["decline", -0.4, 20, 4, 5, 20, "Critical"], // −40% is not below −40%
        ["credit", "CCC", null, 4, 5, 20, "Critical"],
      ],
    ],
    [
      "Gamma",
      3,
      [
        ["dependency", 15 / 355, 15, 2, 2, 4, "Low"], // share 4.2%; profit share 3/79 = 3.8%
        ["loss", 0.2, 0, 1, 1, 1, "Low"],
        ["decline", -1, 15, 5, 3, 15, "High"], // nothing in the last 12 months
      ],
    ],
  ] as [string, number, [RiskKind, Literal, Literal, number, number, number, string][]][])("%s", (name, n, want) => {
    const a = account(m, n, name);
    expect(Object.keys(a.rows).sort()).toEqual(want.map((w) => w[0]).sort());
    for (const [kind, value, exposure, l, i, score, level] of want) {
      const r = a.rows[kind]!;
      const got = [
        shown(m, r, COL.value),
        shown(m, r, COL.exposure),
        shown(m, r, COL.likelihood),
        shown(m, r, COL.impact),
        shown(m, r, COL.score),
        shown(m, r, COL.level),
      ];
      if (typeof value === "number") {
        expect(got[0]).toBeCloseTo(value, 12);
        got[0] = value;
      }
      if (typeof exposure === "number") {
        expect(got[1]).toBeCloseTo(exposure, 12);
        got[1] = exposure;
      }
      expect([kind, ...got]).toEqual([kind, value, exposure, l, i, score, level]);
    }
  });

  test("risks the data cannot assess are left out with a note", () => {
    const gamma = account(m, 3, "Gamma");
    expect(gamma.notes).toEqual([tr("en", "omit.churn.noValue"), tr("en", "omit.credit.noValue")]);
    expect(account(m, 1, "Acme").notes).toEqual([]);
  });

  test("facts: revenue, share with the dependency flag, profit, margin, satisfaction, churn, periods, rating", () => {
    const a = account(m, 2, "Beta");
    const label = (key: string) => rowsWith(m, text("en", key)).find((r) => r > a.start && r < a.end)!;
    expect(shown(m, label("sheet.plan.overview.revenue"), 2)).toBe(80);
    expect(shown(m, label("sheet.plan.overview.share"), 3)).toBe(tr("en", "flag"));
    expect(shown(m, label("sheet.plan.overview.profit"), 2)).toBe(-15);
    expect(shown(m, label("sheet.plan.overview.satisfaction"), 2)).toBe(2);
    expect(shown(m, label("sheet.plan.overview.last12"), 2)).toBe(30);
    expect(shown(m, label("sheet.plan.overview.prev12"), 2)).toBe(50);
    expect(shown(m, label("sheet.plan.overview.credit"), 2)).toBe("CCC");
    const g = account(m, 3, "Gamma");
    const gShare = rowsWith(m, text("en", "sheet.plan.overview.share")).find((r) => r > g.start && r < g.end)!;
    expect(shown(m, gShare, 3)).toBe(""); // 4.2% is below the 10% threshold
    // Raising the threshold clears Beta's flag; lowering it flags Gamma.
    const thr = m.names!.find((x) => x.name === "DependencyThreshold")!.range;
    expect(shown(m, thr.row, thr.col)).toBe(0.1);
    const bShare = label("sheet.plan.overview.share");
    expect(new SheetEvaluator(m, new Map<string, Scalar>([[`${thr.row},${thr.col}`, 0.5]])).value(bShare, 3)).toBe("");
    expect(new SheetEvaluator(m, new Map<string, Scalar>([[`${thr.row},${thr.col}`, 0.04]])).value(gShare, 3)).toBe(tr("en", "flag"));
  });

  test("countermeasure, owner and due date are left to the KA manager", () => {
    const todo = text("en", "sheet.plan.todo");
    for (const [name, n] of [
      ["Acme", 1],
      ["Beta", 2],
      ["Gamma", 3],
      ["Delta", 4],
    ] as const) {
      for (const r of Object.values(account(m, n, name).rows)) {
        expect(at(m, r, COL.countermeasure)).toBe(todo);
        expect(m.blocks.find((b) => b.row === r && b.col === COL.countermeasure)!.style).toBe("todo");
        expect(at(m, r, COL.owner)).toBeNull();
        expect(at(m, r, COL.due)).toBeNull();
        expect(m.blocks.find((b) => b.row === r && b.col === COL.owner)!.style).toBe("input");
      }
    }
  });

  test("the rule cuts on the sheet are RISK_RULES, and the formulas read them there", () => {
    const n = m.names!.find((x) => x.name === "RiskRules")!.range;
    const onSheet: number[][] = [];
    for (let i = 0; i < n.rows; i++) onSheet.push([0, 1, 2, 3].map((j) => shown(m, n.row + i, n.col + j) as number));
    const want = RISK_RULES.flatMap((r) =>
      [...(r.likelihood === "credit table" ? [] : [r.likelihood.cuts]), r.impact.cuts].map((c) => [...c]),
    );
    expect(onSheet).toEqual(want);
    // Raising the churn likelihood's first cut above Acme's 5.75% lowers its likelihood to 1.
    const acme = account(m, 1, "Acme").rows.churn!;
    const ev = new SheetEvaluator(m, new Map<string, Scalar>([[`${n.row},${n.col}`, 0.06]]));
    expect([ev.value(acme, COL.likelihood), ev.value(acme, COL.score), ev.value(acme, COL.level)]).toEqual([1, 5, "Medium"]);
  });

  test("score and level reproduce KA.RISK over the whole 1–5 grid", () => {
    const r = account(m, 1, "Acme").rows.churn!;
    for (let l = 1; l <= 5; l++)
      for (let i = 1; i <= 5; i++) {
        const ev = new SheetEvaluator(
          m,
          new Map<string, Scalar>([
            [`${r},${COL.likelihood}`, l],
            [`${r},${COL.impact}`, i],
          ]),
        );
        const score = riskScore(l, i);
        expect([l, i, ev.value(r, COL.score), ev.value(r, COL.level)]).toEqual([
          l,
          i,
          score,
          text("en", RISK_BANDS[riskLevelOf(score)].key),
        ]);
      }
    const ev = new SheetEvaluator(
      m,
      new Map<string, Scalar>([
        [`${r},${COL.likelihood}`, 2.5],
        [`${r},${COL.impact}`, 3.9],
      ]),
    );
    expect(ev.value(r, COL.level)).toBe("Medium"); // 9.75
  });

  test("heat map over the score cells, level colours over the level cells", () => {
    const scoreRows = [1, 2, 3, 4].flatMap((n) => Object.values(account(m, n, ["Acme", "Beta", "Gamma", "Delta"][n - 1]).rows));
    const lo = Math.min(...scoreRows);
    const hi = Math.max(...scoreRows);
    const scale = m.conditionalFormats!.filter((c) => c.kind === "colorScale");
    expect(scale).toHaveLength(1);
    expect(scale[0].range).toEqual({ row: lo, col: COL.score, rows: hi - lo + 1, cols: 1 });
    // Nothing but scores (and the repeated "Score" headers) in that column span.
    for (let r = lo; r <= hi; r++) {
      const c = shown(m, r, COL.score);
      expect(c === undefined || c === null || c === tr("en", "col.score") || scoreRows.includes(r)).toBe(true);
    }
    const levels = m.conditionalFormats!.filter((c) => c.kind === "textEquals");
    expect(levels.map((c) => c.kind === "textEquals" && c.text)).toEqual(["Low", "Medium", "High", "Critical"]);
    for (const c of levels) expect(c.range).toEqual({ row: lo, col: COL.level, rows: hi - lo + 1, cols: 1 });
  });

  test("planning defects: status lists, and the countermeasure check counts the open risks", () => {
    const head = rowOf(m, tr("en", "defects.defect"));
    expect([shown(m, head + 1, 0), shown(m, head + 2, 0), shown(m, head + 3, 0)]).toEqual([
      tr("en", "defects.data"),
      tr("en", "defects.strategy"),
      tr("en", "defects.risk"),
    ]);
    const v = m.validations!.find((x) => x.range.row === head + 1)!;
    expect(v.range).toEqual({ row: head + 1, col: 2, rows: 2, cols: 1 });
    expect(v.values).toEqual(["Not started", "In progress", "Done", "Blocked"]);
    const all = [1, 2, 3, 4].flatMap((n) => Object.values(account(m, n, ["Acme", "Beta", "Gamma", "Delta"][n - 1]).rows));
    expect(shown(m, head + 3, 2)).toBe(`Open (${all.length} risks without a countermeasure)`);
    const one = new Map<string, Scalar>([[`${all[0]},${COL.countermeasure}`, "Quarterly business review with the buyer"]]);
    expect(new SheetEvaluator(m, one).value(head + 3, 2)).toBe(`Open (${all.length - 1} risks without a countermeasure)`);
    const cleared = new Map<string, Scalar>([[`${all[1]},${COL.countermeasure}`, null]]);
    expect(new SheetEvaluator(m, cleared).value(head + 3, 2)).toBe(`Open (${all.length} risks without a countermeasure)`);
    const done = new Map<string, Scalar>(all.map((r) => [`${r},${COL.countermeasure}`, "written"] as [string, Scalar]));
    expect(new SheetEvaluator(m, done).value(head + 3, 2)).toBe("Done");
    const f = at(m, head + 3, 2);
    expect(isFormula(f!) && f.f).not.toMatch(/KA\./);
  });

  test("portable formulas use functions Excel and LibreOffice share, never data text", () => {
    const allowed = new Set(["IF", "OR", "ROUND", "INDEX", "MATCH", "MAX", "IFERROR", "SUBSTITUTE", "TRIM", "COUNTBLANK", "COUNTIF"]);
    for (const b of m.blocks)
      for (const row of b.cells)
        for (const c of row) {
          if (!isFormula(c)) continue;
          for (const fn of functionsOf(c.f)) expect(allowed).toContain(fn);
          for (const name of ["Acme", "Beta", "Gamma", "Delta", "CCC", 'AA"']) expect(c.f).not.toContain(name);
        }
  });
});

describe("risk register: credit ratings", () => {
  const withRatings = (ratings: (string | null)[]) => {
    const cols = handColumns();
    const credit = { name: "Credit", cells: ratings };
    return build({ ...cols, credit });
  };

  test("scale detection: agency, A–E, 1–5, or none", () => {
    expect(creditScaleOf(["A", "BBB+", null])).toBe("agency");
    expect(creditScaleOf(["A", "b", "E"])).toBe("letters");
    expect(creditScaleOf(["1", "5", "3"])).toBe("numbers");
    expect(creditScaleOf(["good", "bad"])).toBeNull();
  });

  test("letters A–E: C is 3; a modifier is ignored; a rating off the scale is noted", () => {
    const p = withRatings(["A", "A", "c+", "c+", null, "Z"]);
    const m = buildRiskRegisterSheet(p, ids(p, "Acme", "Beta", "Delta"), EN);
    expect(mismatches(m)).toEqual([]);
    const beta = account(m, 2, "Beta");
    expect(shown(m, beta.rows.credit!, COL.likelihood)).toBe(3);
    expect(shown(m, account(m, 1, "Acme").rows.credit!, COL.likelihood)).toBe(1);
    const delta = account(m, 3, "Delta");
    expect(delta.rows.credit).toBeUndefined();
    expect(delta.notes).toContain(tr("en", "omit.credit.notOnScale", { rating: "Z" }));
    const table = m.names!.find((x) => x.name === "CreditTable")!.range;
    expect(Array.from({ length: table.rows }, (_, i) => [shown(m, table.row + i, 0), shown(m, table.row + i, 1)])).toEqual(
      CREDIT_SCALES.letters.map((e) => [e.rating, e.likelihood]),
    );
  });

  test("numbers 1–5 (1 the best) and agency ratings with modifiers", () => {
    const p = withRatings(["2", "2", "5", "5", null, "1"]);
    const m = buildRiskRegisterSheet(p, ids(p, "Acme", "Beta"), EN);
    expect(mismatches(m)).toEqual([]);
    expect(shown(m, account(m, 2, "Beta").rows.credit!, COL.likelihood)).toBe(5);
    const q = withRatings(["BBB-", "BBB-", "cc", "cc", null, "D"]);
    const n = buildRiskRegisterSheet(q, ids(q, "Acme", "Beta"), EN);
    expect(mismatches(n)).toEqual([]);
    expect(shown(n, account(n, 1, "Acme").rows.credit!, COL.likelihood)).toBe(2);
    expect(shown(n, account(n, 2, "Beta").rows.credit!, COL.likelihood)).toBe(5);
  });

  test("Moody's ratings: Baa is scored like BBB on the risk register, as on the matrix", () => {
    const p = withRatings(["Baa1", "Baa1", "Caa2", "Caa2", null, "B3"]);
    const m = buildRiskRegisterSheet(p, ids(p, "Acme", "Beta", "Delta"), EN);
    expect(mismatches(m)).toEqual([]);
    expect(shown(m, account(m, 1, "Acme").rows.credit!, COL.likelihood)).toBe(2);
    expect(shown(m, account(m, 2, "Beta").rows.credit!, COL.likelihood)).toBe(4);
    expect(shown(m, account(m, 3, "Delta").rows.credit!, COL.likelihood)).toBe(4);
    const table = m.names!.find((x) => x.name === "CreditTable")!.range;
    const rows = Array.from({ length: table.rows }, (_, i) => [shown(m, table.row + i, 0), shown(m, table.row + i, 1)]);
    expect(rows).toContainEqual(["Baa", 2]);
    expect(rows).toContainEqual(["Caa", 4]);
  });

  test("ratings on no known scale: the credit risk is left out with a note, no table", () => {
    const p = withRatings(["good", "good", "poor", "poor", null, "fair"]);
    const m = buildRiskRegisterSheet(p, ids(p, "Acme"), EN);
    expect(account(m, 1, "Acme").notes).toEqual([tr("en", "omit.credit.noScale")]);
    expect(m.names!.some((x) => x.name === "CreditTable")).toBe(false);
  });
});

describe("risk register: thin data", () => {
  test("only customer and revenue: dependency alone, every other risk noted", () => {
    const cols = handColumns();
    const p = build({ customer: cols.customer, measure: cols.measure });
    const m = buildRiskRegisterSheet(p, ids(p, "Acme", "Beta"), EN);
    expect(mismatches(m)).toEqual([]);
    const a = account(m, 1, "Acme");
    expect(Object.keys(a.rows)).toEqual(["dependency"]);
    expect(a.notes).toEqual([
      tr("en", "omit.churn.noColumn"),
      tr("en", "omit.loss.noColumn"),
      tr("en", "omit.decline.noColumn"),
      tr("en", "omit.credit.noColumn"),
    ]);
    // Impact by share of revenue without a profit column: 70% → 5.
    expect(shown(m, a.rows.dependency!, COL.impact)).toBe(5);
    expect(rowsWith(m, tr("en", "profitTotal"))).toEqual([]);
  });

  test("one month of data: no decline risk, with a note", () => {
    const cols = handColumns();
    const p = build({ ...cols, date: { name: "Date", cells: cols.date!.cells.map(() => "2025-03-15") } });
    const m = buildRiskRegisterSheet(p, ids(p, "Beta"), EN);
    expect(mismatches(m)).toEqual([]);
    const b = account(m, 1, "Beta");
    expect(b.rows.decline).toBeUndefined();
    expect(b.notes).toContain(tr("en", "omit.decline.oneMonth", { n: 1 }));
  });

  test("a loss-making account with no positive profit anywhere: loss likelihood and impact 5", () => {
    const cols = handColumns();
    const p = build({ ...cols, profit: { name: "Profit", cells: [-1, -1, -10, -5, -3, -1] } });
    const m = buildRiskRegisterSheet(p, ids(p, "Beta"), EN);
    expect(mismatches(m)).toEqual([]);
    const r = account(m, 1, "Beta").rows.loss!;
    expect([shown(m, r, COL.likelihood), shown(m, r, COL.impact), shown(m, r, COL.score), shown(m, r, COL.level)]).toEqual([
      5,
      5,
      25,
      "Critical",
    ]);
  });

  test("no accounts: a note, and the countermeasure check is done", () => {
    const p = build(handColumns());
    const m = buildRiskRegisterSheet(p, [], EN);
    expect(mismatches(m)).toEqual([]);
    expect(rowsWith(m, tr("en", "noAccounts"))).toHaveLength(1);
    expect(shown(m, rowOf(m, tr("en", "defects.risk")), 2)).toBe("Done");
    expect(m.conditionalFormats ?? []).toEqual([]);
  });

  test("an unknown customer id is refused", () => {
    const p = build(handColumns());
    expect(() => buildRiskRegisterSheet(p, [0, 7], EN)).toThrow(RangeError);
  });
});

describe("risk register: the sample, languages, live mode", () => {
  const { portfolio } = samplePlanPortfolio();
  const keyAccounts = selectPlanAccounts(portfolio, "first-tier").ids;

  test("every formula calculates to its value in both languages and in live mode", () => {
    for (const o of [EN, ZH, { ...EN, live: { source: "Sales" } }, { ...ZH, live: {} }]) {
      const m = buildRiskRegisterSheet(portfolio, keyAccounts, o);
      expect(mismatches(m)).toEqual([]);
    }
  });

  test("live mode writes KA.CHURN and KA.RISK; portable mode none", () => {
    const live = buildRiskRegisterSheet(portfolio, keyAccounts.slice(0, 3), { ...EN, live: {} });
    const fns = new Set(live.blocks.flatMap((b) => b.cells.flatMap((r) => r.flatMap((c) => (isFormula(c) ? functionsOf(c.f) : [])))));
    expect(fns.has("KA.CHURN")).toBe(true);
    expect(fns.has("KA.RISK")).toBe(true);
    const portable = buildRiskRegisterSheet(portfolio, keyAccounts.slice(0, 3), EN);
    expect(portable.blocks.some((b) => b.cells.some((r) => r.some((c) => isFormula(c) && c.f.includes("KA."))))).toBe(false);
    // Same cells, same values.
    const a = gridOf(live);
    const b = gridOf(portable);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, c] of a) {
      if (k === "2,0") continue; // the note naming the mode
      const d = b.get(k)!;
      expect(isFormula(c) ? c.v : c).toEqual(isFormula(d) ? d.v : d);
    }
  });

  test("churn probability interpolates like KA.CHURN", () => {
    const m = buildRiskRegisterSheet(portfolio, keyAccounts.slice(0, 1), EN);
    const a = account(m, 1, portfolio.analysis.customers.names[keyAccounts[0]]);
    const churnRow = a.rows.churn!;
    const churnCell = at(m, churnRow, COL.value);
    const ref = isFormula(churnCell!) ? referencesOf(churnCell.f)[0] : null;
    const c = at(m, ref!.row, ref!.col);
    const sat = isFormula(c!) ? referencesOf(c.f)[0] : null;
    const { churnProbability } = jest.requireActual<typeof import("../../src/engine/churn")>("../../src/engine/churn");
    for (const s of [1, 1.5, 2.25, 3, 3.6, 4.9, 5]) {
      const ev = new SheetEvaluator(m, new Map<string, Scalar>([[`${sat!.row},${sat!.col}`, s]]));
      expect(ev.value(ref!.row, ref!.col) as number).toBeCloseTo(churnProbability(s), 14);
    }
  });

  test("a zh register has no English words except the data's own texts; an en one no Chinese", () => {
    const zhP = samplePlanPortfolio({ locale: "zh" }).portfolio;
    const data = new Set<string>([
      ...zhP.analysis.customers.names,
      ...(zhP.manager ?? []).filter((x): x is string => !!x),
      ...(zhP.credit ?? []).filter((x): x is string => !!x),
    ]);
    const zh = buildRiskRegisterSheet(zhP, selectPlanAccounts(zhP, "first-tier").ids, ZH);
    const ratings = new Set(CREDIT_SCALES.agency.map((e) => e.rating));
    for (const t of visibleTexts(zh)) {
      let rest = t;
      for (const d of data) if (d && rest.includes(d)) rest = rest.split(d).join("");
      if (ratings.has(rest)) continue; // the rating table's own entries
      expect([t, /[A-Za-z]{2,}/.test(rest)]).toEqual([t, false]);
    }
    const en = buildRiskRegisterSheet(portfolio, keyAccounts, EN);
    for (const t of visibleTexts(en)) expect([t, /[\u4e00-\u9fff]/.test(t)]).toEqual([t, false]);
  });

  test("deterministic", () => {
    const again = samplePlanPortfolio().portfolio;
    expect(JSON.stringify(buildRiskRegisterSheet(again, keyAccounts, ZH))).toEqual(
      JSON.stringify(buildRiskRegisterSheet(portfolio, keyAccounts, ZH)),
    );
  });

  test("the loss-making key accounts of the sample are registered as such", () => {
    const losers = keyAccounts.filter((id) => portfolio.profit![id] < 0);
    const all = selectPlanAccounts(portfolio, { top: portfolio.analysis.ranking.order.length }).ids;
    const someLoser = losers.length ? losers : all.filter((id) => portfolio.profit![id] < 0).slice(0, 2);
    expect(someLoser.length).toBeGreaterThan(0);
    const m = buildRiskRegisterSheet(portfolio, someLoser, EN);
    expect(mismatches(m)).toEqual([]);
    someLoser.forEach((id, i) => {
      const r = account(m, i + 1, portfolio.analysis.customers.names[id]).rows.loss!;
      expect(shown(m, r, COL.likelihood)).toBeGreaterThanOrEqual(4);
      expect(shown(m, r, COL.exposure)).toBeCloseTo(-portfolio.profit![id], 6);
    });
  });
});
