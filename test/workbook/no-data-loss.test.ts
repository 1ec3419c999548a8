/**
 * Never lose user data: a workbook holding user data, sheets named like every generated sheet,
 * tables and names goes through every task-pane action and the ribbon command twice; every
 * pre-existing cell, sheet, table and name is identical afterwards, and data text that looks
 * like a formula lands as text everywhere it is written.
 */
import * as commands from "../../src/commands/commands";
import * as actions from "../../src/addin";
import type { ColumnMapping, PlannerSettings } from "../../src/addin";
import { FakeExcel, FakeOffice, type FakeCell, type Scalar } from "../support/fake-excel";

const INJECTED = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tTabbed Co", "\rReturn Co", "=1/0"];
const HEADERS = ["Customer", "Order date", "Revenue", "Profit", "Satisfaction", "Credit", "Market growth", "Share of wallet"];

function salesRows(): Scalar[][] {
  const names = ["Acme", "Beta Ltd", "Gamma", "Delta", "Epsilon", ...INJECTED];
  const rows: Scalar[][] = [];
  for (let i = 0; i < 120; i++) {
    const k = i % names.length;
    rows.push([
      names[k],
      45292 + ((i * 29) % 700),
      Math.round(100000 / (1 + k)) / 10 + i,
      Math.round(2000 / (1 + k)) - 40,
      1 + (k % 5),
      ["AA", "BBB", "B"][k % 3],
      1 + (k % 9),
      1 + ((k * 3) % 9),
    ]);
  }
  return rows;
}

const MAPPING: ColumnMapping = {
  customer: 0,
  date: 1,
  revenue: 2,
  profit: 3,
  satisfaction: 4,
  credit: 5,
  attractiveness: [6],
  strength: [7],
};
const SETTINGS: PlannerSettings = { scheme: "ABC", measure: "revenue", locale: "en", mode: "portable", plans: "first-tier" };

let fake: FakeExcel;
let office: FakeOffice;

afterEach(() => office?.uninstall());

function newWorkbook(userSheets: string[]): void {
  office?.uninstall();
  fake = new FakeExcel();
  office = new FakeOffice(fake).install();
  fake.newSheet("Sales");
  fake.seedRows("Sales", "A1", [HEADERS, ...salesRows()]);
  fake.addTable("Sales", "A1:H121", "SalesTable");
  fake.seed("Sales", { J1: "my note", J2: 42, K5: { formula: "=SUM(C2:C121)" } });
  for (const [i, name] of userSheets.entries()) {
    fake.newSheet(name);
    fake.seed(name, { A1: `kept ${i}`, B2: i, C3: { formula: "=B2*2" }, D4: "=not a formula, typed as text" });
    fake.addTable(name, "F1:G3", `UserTable${i}`);
    fake.addName(`UserName${i}`, name, "B2");
  }
  fake.addName("KA_ThresholdA", "Sales", "J2"); // a user name that a generator also wants
  fake.select("Sales", "B3");
}

/** Every action of the pane, then the ribbon command; each twice. */
async function runEverything(): Promise<void> {
  for (let round = 0; round < 2; round++) {
    const table = await actions.findSalesTable();
    await actions.insertTierColumn(table, MAPPING, SETTINGS);
    await actions.insertTierColumn(await actions.findSalesTable(), MAPPING, SETTINGS, { asValues: true });
    for (const kind of ["contribution", "matrix", "plans", "risk"] as const) {
      await actions.buildSheets(kind, await actions.findSalesTable(), MAPPING, SETTINGS);
    }
    await actions.buildSheets("all", await actions.findSalesTable(), MAPPING, { ...SETTINGS, locale: "zh", plans: { top: 3 } });
    await actions.buildSheets("all", await actions.findSalesTable(), MAPPING, { ...SETTINGS, mode: "live", plans: { top: 2 } });
    commands.registerCommands();
    await Promise.resolve();
    fake.select("Sales", "B3");
    await office.associated.get("buildContributionSheet")!({
      completed: () => undefined,
      source: { id: "x" },
    });
  }
}

/** The user's state: every sheet that existed, its non-empty cells, tables and names. */
function userState(sheetIds: Set<string>, cellKeys: Map<string, Set<number>>, tableNames: Set<string>, names: Set<string>) {
  return {
    sheets: fake.sheets
      .filter((s) => sheetIds.has(s.id))
      .map((s) => ({
        id: s.id,
        name: s.name,
        cells: [...s.cells.entries()].filter(([k]) => cellKeys.get(s.id)!.has(k)).sort((a, b) => a[0] - b[0]),
      })),
    tables: JSON.parse(JSON.stringify(fake.tables.filter((t) => tableNames.has(t.name)))) as unknown,
    names: fake.names.filter((n) => names.has(n.name)).map((n) => ({ name: n.name, formula: fake.nameFormula(n) })),
  };
}

describe("no data loss and no formula injection through the add-in's actions", () => {
  test("sheets named like every generated sheet, user data, tables and names are untouched after every action ran twice", async () => {
    // The names the generators use, learnt from a run on an empty workbook (in both languages).
    newWorkbook([]);
    await runEverything();
    const generated = fake.sheets.map((s) => s.name).filter((n) => n !== "Sales");
    expect(generated.length).toBeGreaterThan(8);
    // Users' sheets with exactly those names, and case variants of the first ones.
    const userSheets = [
      ...new Set([...generated.filter((n) => !/\(\d+\)$/.test(n)), ...generated.slice(0, 3).map((n) => n.toUpperCase())]),
    ].filter((n, i, all) => all.findIndex((m) => m.toUpperCase() === n.toUpperCase()) === i);
    newWorkbook(userSheets);
    const sheetIds = new Set(fake.sheets.map((s) => s.id));
    const cellKeys = new Map(fake.sheets.map((s) => [s.id, new Set(s.cells.keys())]));
    const tableNames = new Set(fake.tables.map((t) => t.name));
    const names = new Set(fake.names.map((n) => n.name));
    const before = userState(sheetIds, cellKeys, tableNames, names);

    await runEverything();

    expect(userState(sheetIds, cellKeys, tableNames, names)).toEqual(before);
    // The same sheets were generated again, under other names.
    expect(fake.sheets.length).toBe(sheetIds.size + generated.length);
    // New sheets never took a user's name, in any case.
    const taken = new Set(userSheets.map((n) => n.toUpperCase()).concat("SALES"));
    const created = fake.sheets.filter((s) => !sheetIds.has(s.id));
    expect(created.filter((s) => taken.has(s.name.toUpperCase()))).toEqual([]);
  });

  test("customer names that look like formulas land as text in every generated sheet and in the tier column", async () => {
    newWorkbook([]);
    await runEverything();
    const cells: FakeCell[] = fake.sheets.flatMap((s) => [...s.cells.values()]);
    for (const name of INJECTED) {
      const shown = name.trim();
      const asText = cells.filter((c) => typeof c.value === "string" && c.value.trim() === shown && c.formula === undefined);
      expect({ name, textCells: asText.length > 0 }).toEqual({ name, textCells: true });
    }
    // No formula anywhere was built from a customer name.
    const formulas = cells.map((c) => c.formula).filter((f): f is string => f !== undefined);
    for (const name of INJECTED) {
      const core = name.replace(/^[=+\-@\t\r]/, "").trim();
      expect(formulas.filter((f) => f.includes(core) && core.length > 3)).toEqual([]);
    }
  });
});
