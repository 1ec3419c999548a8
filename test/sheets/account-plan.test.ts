import { priorityFormula } from "../../src/engine/formulas/priority";
import { buildPortfolio, Portfolio, SalesColumns } from "../../src/engine/portfolio";
import { TIER_LOSS, tierSpecOf } from "../../src/engine/tiers";
import { buildAccountPlanSheet, OPPORTUNITY_ROWS, selectPlanAccounts } from "../../src/sheets/account-plan";
import { Cell, isFormula, Literal, SheetModel } from "../../src/sheets/model";
import { SheetOptions } from "../../src/sheets/sheet-options";
import { Locale, resourceOf, text } from "../../src/strings";
import { functionsOf, gridOf, mismatches, referencesOf, samplePlanPortfolio, Scalar, SheetEvaluator } from "../support/formula-eval";

const EN: SheetOptions = { locale: "en", generated: "2026-01-15" };
const ZH: SheetOptions = { locale: "zh", generated: "2026-01-15" };
const tp = (locale: Locale, key: string, args?: Record<string, string | number>) => text(locale, `sheet.plan.${key}`, args);

/**
 * Hand-made lines: Acme (2 years of data, satisfied, profitable), Beta (loss-making,
 * dissatisfied, no manager), Gamma and Delta (small). Figures worked out by hand in the tests.
 */
function handColumns(): SalesColumns {
  const lines: [string, number, number, string, number | null, string | null, string | null, string, number, number][] = [
    // customer, revenue, profit, date, satisfaction, credit, manager, region, attractiveness, strength
    ["Acme", 100, 30, "2024-01-10", 4, "AA", "Li Wei", "East", 8, 7],
    ["acme ", 150, 45, "2025-12-05", 5, "AA", "Li Wei", "East", 8, 7],
    ["Beta", 50, -10, "2024-06-01", 2, "CCC", null, "North", 6, 2],
    ["Beta", 30, -5, "2025-06-01", 2, "CCC", null, "North", 6, 2],
    ["Gamma", 15, 3, "2024-03-03", null, null, "Zhang San", "West", 2, 9],
    ["Delta", 10, 1, "2025-12-20", 3, "B", "Zhang San", "West", 1, 1],
  ];
  const col = (name: string, k: number) => ({ name, cells: lines.map((l) => l[k]) });
  return {
    customer: col("Customer", 0),
    measure: col("Revenue", 1),
    profit: col("Profit", 2),
    date: col("Date", 3),
    satisfaction: col("Satisfaction", 4),
    credit: col("Credit", 5),
    manager: col("KA Manager", 6),
    region: col("Region", 7),
    attractiveness: [col("Growth", 8)],
    strength: [col("Relationship", 9)],
  };
}
const handPortfolio = (cols: Partial<SalesColumns> = {}): Portfolio =>
  buildPortfolio({ ...handColumns(), ...cols }, tierSpecOf(undefined, undefined, undefined, "en"));
const idOf = (p: Portfolio, name: string) => p.analysis.customers.names.indexOf(name);

/** Row of the first cell in column `col` holding `value`. */
function rowOf(model: SheetModel, value: Cell, col = 0): number {
  for (const b of model.blocks)
    for (let i = 0; i < b.cells.length; i++) {
      const j = col - b.col;
      if (j >= 0 && j < b.cells[i].length && b.cells[i][j] === value) return b.row + i;
    }
  throw new Error(`no cell ${JSON.stringify(value)} in column ${col}`);
}

function at(model: SheetModel, row: number, col: number): Cell | undefined {
  return gridOf(model).get(`${row},${col}`);
}

/** The shown value of a cell: literal, or the formula's v. */
function shown(model: SheetModel, row: number, col: number): Literal | undefined {
  const c = at(model, row, col);
  return c !== undefined && isFormula(c) ? c.v : c;
}

/** Value next to a label in column A. */
const valueOf = (model: SheetModel, label: string) => shown(model, rowOf(model, label), 1);

/** Styles of every written cell. */
function styled(model: SheetModel): { row: number; col: number; cell: Cell; style: string | undefined }[] {
  const out: { row: number; col: number; cell: Cell; style: string | undefined }[] = [];
  for (const b of model.blocks)
    b.cells.forEach((r, i) => r.forEach((cell, j) => out.push({ row: b.row + i, col: b.col + j, cell, style: b.style })));
  return out;
}

/** Every text a user sees: literal strings, formula results, list values, the sheet name. */
function visibleTexts(model: SheetModel): string[] {
  const out: string[] = [model.name];
  for (const { cell } of styled(model)) {
    const v = isFormula(cell) ? cell.v : cell;
    if (typeof v === "string") out.push(v);
    if (isFormula(cell)) for (const m of cell.f.matchAll(/"((?:[^"]|"")*)"/g)) out.push(m[1]);
  }
  for (const v of model.validations ?? []) out.push(...v.values);
  for (const n of model.names ?? []) if (n.comment) out.push(n.comment);
  return out;
}

describe("account plan: figures from the data", () => {
  const p = handPortfolio();
  const acme = idOf(p, "Acme");
  const m = buildAccountPlanSheet(p, acme, EN);

  test("identity: name, key, title", () => {
    expect(m.name).toBe("Plan – Acme");
    expect(m.key).toBe("plan:acme");
    expect(shown(m, 0, 0)).toBe("Key account plan – Acme");
    expect(tp("zh", "sheetName", { name: "Acme" })).toBe("计划 – Acme");
  });

  test("header: manager from the data, planning period after the last month, tier, quadrant, region", () => {
    expect(valueOf(m, tp("en", "account.name"))).toBe("Acme");
    expect(valueOf(m, tp("en", "account.manager"))).toBe("Li Wei");
    // The data ends in 2025-12: the next 12 months.
    expect(valueOf(m, tp("en", "account.period"))).toBe("2026-01 – 2026-12");
    expect(valueOf(m, tp("en", "account.tier"))).toBe("A");
    // Medians over the four customers: attractiveness (8,6,2,1) → 4, strength (7,2,9,1) → 4.5: Acme 8/7 is Strategic.
    expect(valueOf(m, tp("en", "account.quadrant"))).toBe("Strategic");
    expect(shown(m, rowOf(m, tp("en", "account.quadrant")), 2)).toBe(tp("en", "strategy.Strategic"));
    expect(valueOf(m, tp("en", "account.region"))).toBe("East");
    const beta = buildAccountPlanSheet(p, idOf(p, "Beta"), EN);
    expect(valueOf(beta, tp("en", "account.quadrant"))).toBe("Star"); // 6 ≥ 4, 2 < 4.5
    const manager = rowOf(beta, tp("en", "account.manager"));
    expect(at(beta, manager, 1)).toBeNull(); // an empty input cell, not an invented name
    expect(shown(beta, manager, 2)).toBe(tp("en", "account.managerMissing"));
  });

  test("overview: revenue, profit, margin, total and share, rank, satisfaction, churn, credit", () => {
    expect(valueOf(m, tp("en", "overview.revenue"))).toBe(250);
    expect(valueOf(m, tp("en", "overview.profit"))).toBe(75);
    expect(valueOf(m, tp("en", "overview.margin"))).toBeCloseTo(0.3, 15);
    expect(valueOf(m, tp("en", "overview.total"))).toBe(355); // 250 + 80 + 15 + 10
    expect(valueOf(m, tp("en", "overview.share"))).toBeCloseTo(250 / 355, 15);
    expect(valueOf(m, tp("en", "overview.rank"))).toBe(1);
    expect(valueOf(m, tp("en", "overview.satisfaction"))).toBe(4.5);
    // Halfway between satisfied (10%) and highly satisfied (1.5%).
    expect(valueOf(m, tp("en", "overview.churn"))).toBeCloseTo(0.0575, 15);
    expect(valueOf(m, tp("en", "overview.credit"))).toBe("AA");
    const share = at(m, rowOf(m, tp("en", "overview.share")), 1);
    expect(isFormula(share!) && share.f).toMatch(/^IF\(B\d+>0,B\d+\/B\d+,""\)$/);
  });

  test("trend: last 12 months against the 12 before, summed over the monthly table", () => {
    expect(valueOf(m, tp("en", "overview.last12"))).toBe(150);
    expect(valueOf(m, tp("en", "overview.prev12"))).toBe(100);
    expect(valueOf(m, tp("en", "overview.change"))).toBeCloseTo(0.5, 15);
    const head = rowOf(m, tp("en", "overview.month"));
    const months: [Literal | undefined, Literal | undefined][] = [];
    for (let r = head + 1; typeof shown(m, r, 0) === "string" && /^\d{4}-\d\d$/.test(shown(m, r, 0) as string); r++)
      months.push([shown(m, r, 0), shown(m, r, 1)]);
    expect(months).toHaveLength(24);
    expect(months[0]).toEqual(["2024-01", 100]);
    expect(months[23]).toEqual(["2025-12", 150]);
    expect(months.reduce((s, x) => s + (x[1] as number), 0)).toBe(250);
    const last = at(m, rowOf(m, tp("en", "overview.last12")), 1);
    expect(isFormula(last!) && referencesOf(last.f)).toEqual([{ row: head + 13, col: 1, rows: 12, cols: 1 }]);
  });

  test("every formula calculates to the engine's value", () => {
    expect(mismatches(m)).toEqual([]);
    for (const name of ["Beta", "Gamma", "Delta"]) expect(mismatches(buildAccountPlanSheet(p, idOf(p, name), EN))).toEqual([]);
  });

  test("objectives: baselines refer to the overview; change = target − baseline", () => {
    const usage = rowOf(m, tp("en", "objectives.usage"));
    const base = at(m, usage, 2);
    expect(isFormula(base!) && base.v).toBe(150);
    expect(isFormula(base!) && base.f).toBe(`B${rowOf(m, tp("en", "overview.last12")) + 1}`);
    expect(shown(m, rowOf(m, tp("en", "objectives.priceMix")), 2)).toBeCloseTo(0.3, 15);
    expect(shown(m, rowOf(m, tp("en", "objectives.dropUnprofitable")), 2)).toBe(75);
    const cross = rowOf(m, tp("en", "objectives.crossSell"));
    expect(at(m, cross, 2)).toBeNull(); // no data: an empty input, not a made-up baseline
    const ev = new SheetEvaluator(m, new Map<string, Scalar>([[`${usage},3`, 200]]));
    expect(ev.value(usage, 4)).toBe(50);
    expect(new SheetEvaluator(m).value(usage, 4)).toBe("");
  });

  test("the KA team's manager name follows the header cell", () => {
    const team = rowOf(m, tp("en", "team.role")) + 1;
    expect(shown(m, team, 0)).toBe(tp("en", "team.manager"));
    const c = at(m, team, 2);
    expect(isFormula(c!) && c.v).toBe("Li Wei");
    const mr = rowOf(m, tp("en", "account.manager"));
    expect(new SheetEvaluator(m, new Map<string, Scalar>([[`${mr},1`, "Wang Fang"]])).value(team, 2)).toBe("Wang Fang");
    expect(new SheetEvaluator(m, new Map<string, Scalar>([[`${mr},1`, null]])).value(team, 2)).toBe("");
  });

  test("SWOT hints come from the data; the loss-making account shows it", () => {
    const beta = buildAccountPlanSheet(p, idOf(p, "Beta"), EN);
    const texts = visibleTexts(beta);
    expect(texts).toContain("Loss-making: profit −15 (margin −19%)");
    expect(texts).toContain("Satisfaction 2.0 of 5: churn risk 40%");
    expect(texts).toContain("Weak credit rating: CCC");
    expect(texts).toContain("Revenue −40% year on year (last 12 months against the 12 before)");
    expect(texts).toContain("No sales since 2025-06");
    expect(texts).toContain("Revenue at risk from churn: 32 (40% of revenue)");
    expect(texts).toContain("Dependency: the account is 23% of our total (above 10%)");
    expect(valueOf(beta, tp("en", "overview.profit"))).toBe(-15);
    expect(shown(beta, rowOf(beta, tp("en", "overview.profit")), 2)).toBe(tp("en", "overview.lossMaking"));
    const acmeTexts = visibleTexts(m);
    expect(acmeTexts).toContain("Revenue +50% year on year (last 12 months against the 12 before)");
    expect(acmeTexts).toContain("Credit rating AA");
    expect(acmeTexts).toContain("Dependency: the account is 70% of our total (above 10%)");
  });
});

describe("account plan: marked cells", () => {
  const { portfolio } = samplePlanPortfolio();
  const ids = selectPlanAccounts(portfolio, { top: 5 }).ids;
  const models = ids.flatMap((id) => [buildAccountPlanSheet(portfolio, id, EN), buildAccountPlanSheet(portfolio, id, ZH)]);

  test("todo cells hold the placeholder (or are the rest of a merge), never a figure", () => {
    for (const model of models) {
      const todo = tp(model.name.startsWith("计划") ? "zh" : "en", "todo");
      const cells = styled(model).filter((c) => c.style === "todo");
      expect(cells.length).toBeGreaterThan(30);
      for (const c of cells) {
        if (c.cell === null) {
          expect(
            (model.merges ?? []).some((r) => c.row >= r.row && c.row < r.row + r.rows && c.col > r.col && c.col < r.col + r.cols),
          ).toBe(true);
        } else expect(c.cell).toBe(todo);
      }
    }
  });

  test("input cells are empty or hold a documented default", () => {
    for (const model of models) {
      const zh = model.name.startsWith("计划");
      const loc: Locale = zh ? "zh" : "en";
      const allowedText = new Set([tp(loc, "involvement.cadence.quarterly"), ...(portfolio.manager ?? []).filter((x): x is string => !!x)]);
      for (const c of styled(model).filter((x) => x.style === "input")) {
        if (c.cell === null) continue;
        if (isFormula(c.cell)) {
          expect(c.cell.f).toMatch(/^IF\(COUNT\(B\d+:B\d+\)=0,"",MEDIAN\(B\d+:B\d+\)\)$|^IF\(B\d+="","",B\d+\)$/);
          continue;
        }
        if (typeof c.cell === "string") {
          const period = /^\d{4}-\d\d (–|至) \d{4}-\d\d$/.test(c.cell);
          expect(period || allowedText.has(c.cell)).toBe(true);
          continue;
        }
        // Numbers: the likelihood cut and the churn table's defaults only.
        const assumptions = rowOf(model, tp(loc, "section.assumptions"));
        if (c.row > assumptions) expect([1, 2, 3, 4, 5, 0.8, 0.4, 0.2, 0.1, 0.015]).toContain(c.cell);
        else {
          expect(c.cell).toBe(0.5);
          expect(shown(model, c.row, 0)).toBe(tp(loc, "opportunities.likelihoodCut"));
        }
      }
    }
  });

  test("no formula is built from data text; portable formulas use functions Excel and LibreOffice share", () => {
    const allowed = new Set(["IF", "OR", "AND", "ISNUMBER", "SUM", "COUNT", "MEDIAN", "INDEX", "MATCH"]);
    for (const model of models) {
      for (const { cell } of styled(model)) {
        if (!isFormula(cell)) continue;
        for (const fn of functionsOf(cell.f)) expect(allowed).toContain(fn);
        for (const name of portfolio.analysis.customers.names) if (name.length > 3) expect(cell.f).not.toContain(name);
      }
    }
  });

  test("every formula calculates to its value, in both languages", () => {
    for (const model of models) expect(mismatches(model)).toEqual([]);
  });

  test("no two blocks write the same cell; merges do not overlap", () => {
    for (const model of models) {
      const seen = new Set<string>();
      for (const c of styled(model)) {
        const k = `${c.row},${c.col}`;
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
      const merged = new Set<string>();
      for (const r of model.merges ?? [])
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++) {
            const k = `${r.row + i},${r.col + j}`;
            expect(merged.has(k)).toBe(false);
            merged.add(k);
          }
      for (const t of model.tables ?? [])
        for (let i = 0; i < t.range.rows; i++)
          for (let j = 0; j < t.range.cols; j++) expect(merged.has(`${t.range.row + i},${t.range.col + j}`)).toBe(false);
    }
  });
});

describe("account plan: opportunities reproduce KA.PRIORITY", () => {
  const p = handPortfolio();
  const m = buildAccountPlanSheet(p, idOf(p, "Acme"), EN);
  const head = rowOf(m, tp("en", "opportunities.description"));
  const sizeCut = rowOf(m, tp("en", "opportunities.sizeCut"));

  const cases: [string, (number | null)[], (number | null)[]][] = [
    ["fractions", [100, 50, 300, 20, 80, null, null, null], [0.6, 0.5, 0.2, 0.1, 0.49, null, null, null]],
    ["percent", [10, 10, 40, 5, 25, 60, 15, 30], [60, 45, 50, 90, 10, 5, 50, 51]],
    ["one row", [5, null, null, null, null, null, null, null], [0.5, null, null, null, null, null, null, null]],
  ];
  test.each(cases)("%s", (_, sizes, likelihoods) => {
    const over = new Map<string, Scalar>();
    sizes.forEach((s, i) => {
      over.set(`${head + 1 + i},1`, s);
      over.set(`${head + 1 + i},2`, likelihoods[i]);
    });
    const ev = new SheetEvaluator(m, over);
    const got = sizes.map((_, i) => ev.value(head + 1 + i, 3));
    const want = priorityFormula(
      sizes.map((s) => [s]),
      likelihoods.map((l) => [l]),
      undefined,
      undefined,
      "en",
    ).map((r) => r[0]);
    expect(got).toEqual(want);
    expect(got.filter((x) => x !== "").length).toBe(sizes.filter((x) => x !== null).length);
  });

  test('empty rows show "" (no error), the size cut is blank until sizes are entered', () => {
    const ev = new SheetEvaluator(m);
    for (let i = 1; i <= OPPORTUNITY_ROWS; i++) expect(ev.value(head + i, 3)).toBe("");
    expect(ev.value(sizeCut, 1)).toBe("");
  });

  test("table and names point at the opportunity rows and the cut cells", () => {
    const t = m.tables!.find((x) => x.name === "PlanOpportunities")!;
    expect(t.range).toEqual({ row: head, col: 0, rows: OPPORTUNITY_ROWS + 1, cols: 5 });
    expect(m.names!.find((n) => n.name === "SizeCut")!.range).toEqual({ row: sizeCut, col: 1, rows: 1, cols: 1 });
    const lc = m.names!.find((n) => n.name === "LikelihoodCut")!.range;
    expect(shown(m, lc.row, lc.col)).toBe(0.5);
    expect(shown(m, lc.row, 0)).toBe(tp("en", "opportunities.likelihoodCut"));
  });

  test("zh labels come from the engine's bucket names", () => {
    const zh = buildAccountPlanSheet(p, idOf(p, "Acme"), ZH);
    const zhHead = rowOf(zh, tp("zh", "opportunities.description"));
    const over = new Map<string, Scalar>([
      [`${zhHead + 1},1`, 10],
      [`${zhHead + 1},2`, 0.9],
      [`${zhHead + 2},1`, 1],
      [`${zhHead + 2},2`, 0.1],
    ]);
    const ev = new SheetEvaluator(zh, over);
    expect([ev.value(zhHead + 1, 3), ev.value(zhHead + 2, 3)]).toEqual(["马上行动", "搁置计划"]);
  });
});

describe("account plan: lists, tables, names", () => {
  const p = handPortfolio();
  const m = buildAccountPlanSheet(p, idOf(p, "Acme"), EN);
  const statuses = ["Not started", "In progress", "Done", "Blocked"];

  test("action plan: owner roles from the KA team, status list", () => {
    const head = rowOf(m, tp("en", "actions.action"));
    const owner = m.validations!.find((v) => v.range.row === head + 1 && v.range.col === 1)!;
    expect(owner.values).toEqual([
      "KA manager",
      "Sales support",
      "Marketing support",
      "Technical support",
      "Finance support",
      "Training support",
    ]);
    expect(shown(m, head, 1)).toBe(tp("en", "actions.owner"));
    const status = m.validations!.find((v) => v.range.row === head + 1 && v.range.col === 4)!;
    expect(status.values).toEqual(statuses);
    expect(status.range.rows).toBe(m.tables!.find((t) => t.name === "PlanActions")!.range.rows - 1);
    expect(shown(m, head, 4)).toBe(tp("en", "actions.status"));
    // The team table lists the same roles.
    const teamHead = rowOf(m, tp("en", "team.role"));
    expect(Array.from({ length: 6 }, (_, i) => shown(m, teamHead + 1 + i, 0))).toEqual(owner.values);
  });

  test("review cadence and relationship stage lists; the eight stages with a status list", () => {
    const cadence = rowOf(m, tp("en", "involvement.cadence"));
    const v = m.validations!.find((x) => x.range.row === cadence)!;
    expect(v.values).toEqual(["Monthly", "Quarterly", "Half-yearly"]);
    expect(v.values).toContain(shown(m, cadence, 1));
    const stage = rowOf(m, tp("en", "involvement.stage"));
    expect(m.validations!.find((x) => x.range.row === stage)!.values).toEqual(["Simple contact", "Partnership", "Embedded partnership"]);
    const head = rowOf(m, tp("en", "stages.stage"));
    const sv = m.validations!.find((x) => x.range.row === head + 1)!;
    expect(sv.range).toEqual({ row: head + 1, col: 1, rows: 8, cols: 1 });
    expect(sv.values).toEqual(statuses);
    expect(Array.from({ length: 8 }, (_, i) => String(shown(m, head + 1 + i, 0)).slice(0, 2))).toEqual([
      "1.",
      "2.",
      "3.",
      "4.",
      "5.",
      "6.",
      "7.",
      "8.",
    ]);
  });

  test("the churn table named range holds the engine's default levels", () => {
    const n = m.names!.find((x) => x.name === "ChurnTable")!;
    expect(n.range.rows).toBe(5);
    expect(
      Array.from({ length: 5 }, (_, i) => [shown(m, n.range.row + i, n.range.col), shown(m, n.range.row + i, n.range.col + 1)]),
    ).toEqual([
      [1, 0.8],
      [2, 0.4],
      [3, 0.2],
      [4, 0.1],
      [5, 0.015],
    ]);
    const churn = at(m, rowOf(m, tp("en", "overview.churn")), 1);
    expect(isFormula(churn!) && referencesOf(churn.f).some((r) => r.row === n.range.row && r.rows === 5)).toBe(true);
  });

  test("the churn formula interpolates like KA.CHURN for any satisfaction 1–5", () => {
    const sr = rowOf(m, tp("en", "overview.satisfaction"));
    const cr = rowOf(m, tp("en", "overview.churn"));
    const { churnProbability } = jest.requireActual<typeof import("../../src/engine/churn")>("../../src/engine/churn");
    for (let s = 1; s <= 5.0001; s += 0.05) {
      const x = Math.round(s * 100) / 100;
      const got = new SheetEvaluator(m, new Map<string, Scalar>([[`${sr},1`, x]])).value(cr, 1) as number;
      expect(got).toBeCloseTo(churnProbability(x), 14);
    }
  });
});

describe("account plan: thin data", () => {
  test("no profit, date or satisfaction columns: figures that exist, the rest marked", () => {
    const cols = handColumns();
    const p = buildPortfolio({ customer: cols.customer, measure: cols.measure }, tierSpecOf(undefined, undefined, undefined, "en"));
    const m = buildAccountPlanSheet(p, idOf(p, "Beta"), EN);
    expect(mismatches(m)).toEqual([]);
    expect(valueOf(m, tp("en", "overview.revenue"))).toBe(80);
    expect(valueOf(m, tp("en", "overview.trend"))).toBe("—");
    expect(shown(m, rowOf(m, tp("en", "overview.trend")), 2)).toBe(tp("en", "overview.noDates"));
    expect(valueOf(m, tp("en", "account.quadrant"))).toBe("—");
    expect(shown(m, rowOf(m, tp("en", "account.quadrant")), 2)).toBe(tp("en", "account.quadrantNoData"));
    expect(() => rowOf(m, tp("en", "overview.churn"))).toThrow();
    expect(() => rowOf(m, tp("en", "overview.profit"))).toThrow();
    // Baselines without data are empty inputs.
    expect(at(m, rowOf(m, tp("en", "objectives.priceMix")), 2)).toBeNull();
    expect(at(m, rowOf(m, tp("en", "objectives.dropUnprofitable")), 2)).toBeNull();
    // Without dates the planning period follows the generation date.
    expect(valueOf(m, tp("en", "account.period"))).toBe("2026-02 – 2027-01");
    const texts = visibleTexts(m);
    expect(texts.some((t) => /^(Satisfaction \d|Loss-making:|Margin \d|Revenue [+−]|Credit rating )/.test(t))).toBe(false);
  });

  test("one month of data: no trend, a one-row monthly table", () => {
    const cols = handColumns();
    const oneMonth = { ...cols, date: { name: "Date", cells: cols.date!.cells.map(() => "2025-03-15") } };
    const p = buildPortfolio(oneMonth, tierSpecOf(undefined, undefined, undefined, "en"));
    const m = buildAccountPlanSheet(p, idOf(p, "Acme"), EN);
    expect(mismatches(m)).toEqual([]);
    expect(valueOf(m, tp("en", "overview.trend"))).toBe("—");
    expect(shown(m, rowOf(m, tp("en", "overview.trend")), 2)).toBe(tp("en", "overview.oneMonth", { n: 1 }));
    const head = rowOf(m, tp("en", "overview.month"));
    expect([shown(m, head + 1, 0), shown(m, head + 1, 1), shown(m, head + 2, 0)]).toEqual(["2025-03", 250, undefined]);
    expect(valueOf(m, tp("en", "account.period"))).toBe("2025-04 – 2026-03");
    expect(shown(m, rowOf(m, tp("en", "objectives.usage")), 1)).toBe(tp("en", "objectives.m.usageAll"));
  });

  test("three months: the last month against the one before", () => {
    const cols = handColumns();
    const dates = ["2025-01-02", "2025-03-02", "2025-02-01", "2025-03-01", "2025-01-05", "2025-03-09"];
    const p = buildPortfolio({ ...cols, date: { name: "Date", cells: dates } }, tierSpecOf(undefined, undefined, undefined, "en"));
    const m = buildAccountPlanSheet(p, idOf(p, "Beta"), EN);
    expect(mismatches(m)).toEqual([]);
    expect(valueOf(m, tp("en", "overview.lastK", { k: 1 }))).toBe(30);
    expect(valueOf(m, tp("en", "overview.prevK", { k: 1 }))).toBe(50);
    expect(valueOf(m, tp("en", "overview.change"))).toBeCloseTo(-0.4, 15);
  });

  test("an account with no sales in the previous period: change is blank, not an error", () => {
    const p = handPortfolio();
    const m = buildAccountPlanSheet(p, idOf(p, "Delta"), EN); // only 2025-12
    expect(valueOf(m, tp("en", "overview.change"))).toBe("");
    expect(shown(m, rowOf(m, tp("en", "overview.change")), 2)).toBe(tp("en", "overview.noBase"));
    expect(mismatches(m)).toEqual([]);
  });

  test("a net-negative customer is not ranked and its tier is the loss label", () => {
    const cols = handColumns();
    const p = buildPortfolio(
      { ...cols, measure: { name: "Revenue", cells: [100, 150, 50, 30, 15, -20] } },
      tierSpecOf(undefined, undefined, undefined, "en"),
    );
    const delta = idOf(p, "Delta");
    expect(p.analysis.tiers.tiers[delta]).toBe(TIER_LOSS);
    const m = buildAccountPlanSheet(p, delta, EN);
    expect(valueOf(m, tp("en", "account.tier"))).toBe("Loss");
    expect(valueOf(m, tp("en", "overview.rank"))).toBe("—");
    expect(valueOf(m, tp("en", "overview.margin"))).toBe("");
    expect(mismatches(m)).toEqual([]);
  });

  test("an unknown customer id is refused", () => {
    const p = handPortfolio();
    expect(() => buildAccountPlanSheet(p, 99, EN)).toThrow(RangeError);
    expect(() => buildAccountPlanSheet(p, -1, EN)).toThrow(RangeError);
  });
});

describe("account plan: live mode", () => {
  const { portfolio } = samplePlanPortfolio();
  const id = selectPlanAccounts(portfolio, { top: 1 }).ids[0];
  const live = buildAccountPlanSheet(portfolio, id, { ...EN, live: { source: "'Sales'!A1:Q4001" } });
  const portable = buildAccountPlanSheet(portfolio, id, EN);

  test("KA.CHURN and KA.PRIORITY over the sheet's own cells, calculating to the same values", () => {
    const fns = styled(live).flatMap((c) => (isFormula(c.cell) ? functionsOf(c.cell.f) : []));
    expect(fns).toContain("KA.CHURN");
    expect(fns).toContain("KA.PRIORITY");
    expect(mismatches(live)).toEqual([]);
    const churn = rowOf(live, tp("en", "overview.churn"));
    expect(shown(live, churn, 1)).toBe(shown(portable, churn, 1));
    expect(visibleTexts(live)).toContain(tp("en", "liveNote", { source: "'Sales'!A1:Q4001" }));
    expect(styled(portable).some((c) => isFormula(c.cell) && c.cell.f.includes("KA."))).toBe(false);
  });

  test("live priorities match the portable ones for the same entries", () => {
    const head = rowOf(live, tp("en", "opportunities.description"));
    const over = new Map<string, Scalar>();
    [
      [100, 0.7],
      [10, 0.8],
      [500, 0.2],
      [1, 0.1],
    ].forEach(([s, l], i) => {
      over.set(`${head + 1 + i},1`, s);
      over.set(`${head + 1 + i},2`, l);
    });
    const a = new SheetEvaluator(live, over);
    const b = new SheetEvaluator(portable, over);
    for (let i = 1; i <= OPPORTUNITY_ROWS; i++) expect(a.value(head + i, 3)).toEqual(b.value(head + i, 3));
    expect(a.value(head + 1, 3)).toBe("Act now");
  });
});

describe("account plan: languages", () => {
  test("every sheet.plan / sheet.risk key exists in both languages", () => {
    const en = Object.keys(resourceOf("en")).filter((k) => /^sheet\.(plan|risk)\./.test(k));
    const zh = Object.keys(resourceOf("zh")).filter((k) => /^sheet\.(plan|risk)\./.test(k));
    expect(en.length).toBeGreaterThan(200);
    expect(zh.sort()).toEqual(en.sort());
    for (const k of en) expect(resourceOf("zh")[k]).not.toEqual(resourceOf("en")[k].toString().includes("{") ? "" : resourceOf("en")[k]);
  });

  test("a zh sheet has no English words except the data's own texts", () => {
    const { portfolio } = samplePlanPortfolio({ locale: "zh" });
    const data = new Set<string>([
      ...portfolio.analysis.customers.names,
      ...(portfolio.manager ?? []).filter((x): x is string => !!x),
      ...(portfolio.credit ?? []).filter((x): x is string => !!x),
    ]);
    for (const id of selectPlanAccounts(portfolio, { top: 6 }).ids) {
      const m = buildAccountPlanSheet(portfolio, id, ZH);
      for (const t of visibleTexts(m)) {
        let rest = t;
        for (const d of data) if (d && rest.includes(d)) rest = rest.split(d).join("");
        rest = rest.replace(/\b(ABC|IBM)\b/g, "");
        expect([t, /[A-Za-z]{2,}/.test(rest)]).toEqual([t, false]);
      }
    }
  });

  test("an en sheet has no Chinese except the data's own texts", () => {
    const { portfolio } = samplePlanPortfolio({ locale: "en" });
    for (const id of selectPlanAccounts(portfolio, { top: 3 }).ids) {
      for (const t of visibleTexts(buildAccountPlanSheet(portfolio, id, EN))) expect([t, /[\u4e00-\u9fff]/.test(t)]).toEqual([t, false]);
    }
  });
});

describe("account plan: determinism and speed-independent reuse", () => {
  test("same input, same model; the context cache does not change results", () => {
    const a = samplePlanPortfolio({ seed: 3 }).portfolio;
    const b = samplePlanPortfolio({ seed: 3 }).portfolio;
    const ids = selectPlanAccounts(a, { top: 4 }).ids;
    const first = ids.map((id) => JSON.stringify(buildAccountPlanSheet(a, id, ZH)));
    const again = [...ids]
      .reverse()
      .map((id) => JSON.stringify(buildAccountPlanSheet(a, id, ZH)))
      .reverse();
    const fresh = ids.map((id) => JSON.stringify(buildAccountPlanSheet(b, id, ZH)));
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
    expect(JSON.stringify(buildAccountPlanSheet(a, ids[0], { ...ZH, generated: "2026-02-01" }))).not.toEqual(first[0]);
  });
});

describe("selectPlanAccounts", () => {
  const p = handPortfolio();

  test("first tier: tier code 0, in ranking order", () => {
    const { portfolio } = samplePlanPortfolio();
    const { ids, unknown } = selectPlanAccounts(portfolio, "first-tier");
    const { totals } = portfolio.analysis.customers;
    const want = portfolio.analysis.customers.names
      .map((_, id) => id)
      .filter((id) => portfolio.analysis.tiers.tiers[id] === 0)
      .sort((x, y) => totals[y] - totals[x]);
    expect(ids).toEqual(want);
    expect(ids.length).toBeGreaterThan(5);
    expect(unknown).toEqual([]);
  });

  test("top N by the measure; N beyond the count gives every ranked customer", () => {
    expect(selectPlanAccounts(p, { top: 2 }).ids.map((id) => p.analysis.customers.names[id])).toEqual(["Acme", "Beta"]);
    expect(selectPlanAccounts(p, { top: 10 }).ids).toHaveLength(4);
    expect(selectPlanAccounts(p, { top: 0 }).ids).toEqual([]);
  });

  test("names: trimmed, case-insensitive, without repeats; unknown names reported as given", () => {
    const r = selectPlanAccounts(p, { names: ["  GAMMA", "acme", "Nobody", "Acme ", "beta", "Omega Ltd"] });
    expect(r.ids.map((id) => p.analysis.customers.names[id])).toEqual(["Gamma", "Acme", "Beta"]);
    expect(r.unknown).toEqual(["Nobody", "Omega Ltd"]);
  });
});
