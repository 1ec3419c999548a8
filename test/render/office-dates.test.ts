/**
 * Dates in the task pane's actions, over the recording fake of Excel: a date column Excel kept
 * as text (a US export opened elsewhere) is read in the order its data decides, an ambiguous
 * one in the order of the pane's setting, and without that setting it is left out with a note
 * (never a failure). The setting is saved with the workbook.
 */
import * as actions from "../../src/addin";
import type { ColumnMapping, PlannerSettings } from "../../src/addin";
import { FakeExcel, FakeOffice, type Scalar } from "../support/fake-excel";

const HEADERS = ["Customer", "Invoice date", "Revenue"];
const SETTINGS: PlannerSettings = { scheme: "ABC", measure: "revenue", locale: "en", mode: "portable", plans: { top: 2 } };
const MAPPING: ColumnMapping = { customer: 0, date: 1, revenue: 2, attractiveness: [], strength: [] };

/** Invoice lines of four customers over four months, dates as m/d/yyyy h:mm text (days ≤ 12). */
function rows(date: (m: number, d: number, y: number) => string): Scalar[][] {
  const out: Scalar[][] = [];
  const months: [number, number][] = [
    [12, 2010],
    [1, 2011],
    [2, 2011],
    [3, 2011],
  ];
  months.forEach(([m, y], mi) => {
    for (let k = 0; k < 4; k++) out.push([`Customer ${k}`, `${date(m, ((k * 5 + mi) % 12) + 1, y)} ${8 + k}:26`, 1000 * (4 - k) + mi]);
  });
  return out;
}
const mdy = (m: number, d: number, y: number) => `${m}/${d}/${y}`;

let fake: FakeExcel;
let office: FakeOffice;

function setup(data: Scalar[][]): void {
  office?.uninstall();
  fake = new FakeExcel();
  office = new FakeOffice(fake).install();
  fake.newSheet("Sales");
  fake.seedRows("Sales", "A1", [HEADERS, ...data]);
  fake.select("Sales", "B3");
}

afterEach(() => office?.uninstall());

/** Month labels ("2011-03") written on the generated sheets. */
function monthLabels(): Set<string> {
  const out = new Set<string>();
  for (const sheet of fake.sheets) {
    if (sheet.name === "Sales") continue;
    for (const cell of sheet.cells.values()) if (typeof cell.value === "string" && /^20\d\d-\d\d$/.test(cell.value)) out.add(cell.value);
  }
  return out;
}

describe("buildSheets: dates kept as text", () => {
  test("month-first decided by the data (a second part above 12): the plans have their monthly figures", async () => {
    const data = rows(mdy);
    data[0][1] = "12/13/2010 8:26";
    setup(data);
    const t = await actions.findSalesTable();
    const r = await actions.buildSheets("plans", t, MAPPING, SETTINGS, { generated: "2011-04-01" });
    expect(r.warnings).toEqual([]);
    expect(r.created).toHaveLength(2);
    expect([...monthLabels()]).toEqual(expect.arrayContaining(["2010-12", "2011-01", "2011-02", "2011-03"]));
  });

  test("every date ambiguous, no setting: the sheets are built, the dates left out with a note naming the column and a value", async () => {
    setup(rows(mdy));
    const t = await actions.findSalesTable();
    const r = await actions.buildSheets("plans", t, MAPPING, SETTINGS, { generated: "2011-04-01" });
    expect(r.created).toHaveLength(2);
    expect(r.warnings).toEqual([
      'Column "Invoice date" (B) on sheet Sales: dates such as "12/1/2010 8:26" (row 2) could be month/day or day/month, and none has a part above 12 to decide; the date-based figures (monthly revenue, trend, recency) are left out. Choose the date order under Settings, More settings.',
    ]);
    expect(monthLabels().size).toBe(0);
  });

  test("the pane's date order setting reads an ambiguous column", async () => {
    setup(rows((m, d, y) => `${d}.${m}.${y}`));
    const t = await actions.findSalesTable();
    const r = await actions.buildSheets("plans", t, MAPPING, { ...SETTINGS, dateOrder: "dmy" }, { generated: "2011-04-01" });
    expect(r.warnings).toEqual([]);
    expect([...monthLabels()]).toEqual(expect.arrayContaining(["2010-12", "2011-03"]));
  });

  test("text that is no date in the date column: a note in the content language, not a failure", async () => {
    const data = rows(mdy);
    data[5][1] = "soon";
    setup(data);
    const t = await actions.findSalesTable();
    const r = await actions.buildSheets("plans", t, MAPPING, { ...SETTINGS, locale: "zh", dateOrder: "mdy" }, { generated: "2011-04-01" });
    expect(r.created).toHaveLength(2);
    expect(r.warnings).toEqual([
      "工作表 Sales 的“Invoice date”列（B），第 7 行：“soon”不是日期；基于日期的数据（月度收入、趋势、最近购买）未包含。",
    ]);
  });

  test("the date order is saved with the workbook; another value reads as no saved state", async () => {
    setup(rows(mdy));
    const state = {
      tableAddress: "Sales!A1:C17",
      headers: HEADERS,
      mapping: MAPPING,
      settings: { ...SETTINGS, dateOrder: "mdy" as const },
    };
    await actions.saveState(state);
    expect(actions.loadSavedState()).toEqual(state);
    office.settings.set(actions.STATE_KEY, { ...state, version: 1, settings: { ...SETTINGS, dateOrder: "dmy" } });
    expect(actions.loadSavedState()?.settings.dateOrder).toBe("dmy");
    office.settings.set(actions.STATE_KEY, { ...state, version: 1, settings: { ...SETTINGS, dateOrder: "month first" } });
    expect(actions.loadSavedState()).toBeNull();
  });
});
