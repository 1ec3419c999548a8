/**
 * The ribbon's 80/20 command (src/commands/commands.ts) over the recording fake of Excel and the
 * fake Office global: associated with the manifest's FunctionName, builds the contribution sheet
 * of the table at the selection with the pane's saved mapping, completes the event in every
 * path, and leaves failures for the pane (opening it).
 */
import * as commands from "../../src/commands/commands";
import { buildSheets, findSalesTable, LAST_ERROR_KEY, loadLastCommandError, proposeMapping, STATE_KEY } from "../../src/addin";
import { text } from "../../src/strings";
import { FakeExcel, FakeOffice, type FakeOfficeOptions, type Scalar } from "../support/fake-excel";

const HEADERS = ["Customer", "Sales 2024", "Sales 2025", "Region"];
const ROWS: Scalar[][] = Array.from({ length: 60 }, (_, i) => [
  `Customer ${i % 12}`,
  1000 + ((i * 37) % 500),
  2000 + ((i * 53) % 900),
  ["North", "South"][i % 2],
]);

let fake: FakeExcel;
let office: FakeOffice;

function setup(options: FakeOfficeOptions = {}): void {
  office?.uninstall();
  fake = new FakeExcel();
  office = new FakeOffice(fake, options).install();
  fake.newSheet("Sales");
  fake.seedRows("Sales", "A1", [HEADERS, ...ROWS]);
  fake.select("Sales", "B5");
}

afterEach(() => office?.uninstall());

/** The event Office passes to a ribbon handler, its `completed` a mock that counts the calls. */
interface ClickEvent {
  source: Office.AddinCommands.Source;
  completed: jest.Mock;
}

function event(): ClickEvent {
  return { completed: jest.fn(), source: { id: "KAPlanner.ContributionButton" } };
}

/** Runs the handler Office would run for the button. */
async function click(): Promise<jest.Mock> {
  commands.registerCommands();
  await Promise.resolve();
  const handler = office.associated.get("buildContributionSheet");
  if (!handler) throw new Error("buildContributionSheet is not associated");
  const e = event();
  await handler(e);
  return e.completed;
}

const cellTexts = (sheet: string): string[] => [...fake.sheet(sheet).cells.values()].map((c) => String(c.value ?? ""));

describe("the 80/20 ribbon command", () => {
  test("is associated under the manifest's FunctionName and builds the sheet; the event is completed once", async () => {
    setup();
    const completed = await click();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales", "80-20 contribution"]);
    expect(fake.activeSheetId).toBe(fake.sheet("80-20 contribution").id);
    // The proposed mapping: revenue = the leftmost "Sales" column.
    expect(cellTexts("80-20 contribution")).toContain("Sales 2024");
    expect(office.taskpaneShown).toBe(0);
    expect(office.settings.has(LAST_ERROR_KEY)).toBe(false);
  });

  test("uses the mapping and settings the pane saved when the table has the same headers", async () => {
    setup();
    office.settings.set(STATE_KEY, {
      version: 1,
      tableAddress: "Sales!A1:D61",
      headers: HEADERS,
      mapping: { customer: 0, revenue: 2 },
      settings: { scheme: "KIG", measure: "revenue", locale: "zh", mode: "portable", plans: "first-tier" },
    });
    expect(await click()).toHaveBeenCalledTimes(1);
    const name = text("zh", "sheet.contribution.sheetName");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales", name]);
    const texts = cellTexts(name);
    expect(texts).toContain("Sales 2025");
    expect(texts).not.toContain("Sales 2024");
    expect(texts).toContain("关键");
  });

  test("a saved mapping for other headers is not used (the proposal is)", async () => {
    setup();
    office.settings.set(STATE_KEY, {
      tableAddress: "Other!A1:C9",
      headers: ["Client", "Amount", "Amount 2"],
      mapping: { customer: 0, revenue: 2 },
      settings: { scheme: "ABC", measure: "revenue", locale: "en", mode: "portable", plans: "first-tier" },
    });
    await click();
    expect(cellTexts("80-20 contribution")).toContain("Sales 2024");
  });

  test("a failure is left for the pane, the pane is opened, the event completed; a success clears it", async () => {
    setup();
    fake.select("Sales", "K40");
    const completed = await click();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.sheets).toHaveLength(1);
    expect(office.taskpaneShown).toBe(1);
    expect(office.savedSettings.get(LAST_ERROR_KEY)).toMatchObject({
      command: "buildContributionSheet",
      kind: "noTable",
      messageKey: "taskpane.error.noTableAtSelection",
    });
    expect(loadLastCommandError()).toMatchObject({ kind: "noTable", args: { cell: "Sales!K40" } });

    fake.select("Sales", "A2");
    await click();
    expect(fake.sheets).toHaveLength(2);
    expect(loadLastCommandError()).toBeNull();
    expect(office.savedSettings.has(LAST_ERROR_KEY)).toBe(false);
  });

  test("a text cell in the value column: the pane gets the header and the worksheet row", async () => {
    setup();
    fake.seed("Sales", { B17: "pending" });
    await click();
    expect(loadLastCommandError()).toMatchObject({
      kind: "textInNumberColumn",
      args: { header: "Sales 2024", column: "B", row: 17, cell: "pending" },
    });
  });

  test("the event is completed even when the error cannot be saved and the pane cannot be opened", async () => {
    setup({ sets: { SharedRuntime: "1.0" } });
    fake.select("Sales", "K40");
    office.failSave = "read-only document";
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const completed = await click();
      expect(completed).toHaveBeenCalledTimes(1);
      expect(office.taskpaneShown).toBe(0);
      expect(log).toHaveBeenCalledTimes(2); // the error not saved, the pane not opened
    } finally {
      log.mockRestore();
    }
  });

  test("completing() completes the event when a handler throws; outside Office registration is a no-op", async () => {
    const e = event();
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await commands.completing(() => {
        throw new Error("boom");
      })(e);
    } finally {
      log.mockRestore();
    }
    expect(e.completed).toHaveBeenCalledTimes(1);
    office?.uninstall();
    expect(() => commands.registerCommands()).not.toThrow();
  });
});

describe("one run at a time (pane and ribbon share one runtime)", () => {
  const isSheetAdd = (a: { kind: string; name: string; target: string }): boolean =>
    a.kind === "call" && a.name === "add" && a.target === "workbook.worksheets";

  test("a pane run in progress: the button starts nothing, completes its event and says why; the pane's run is untouched", async () => {
    setup();
    const table = await findSalesTable();
    const pane = buildSheets("contribution", table, proposeMapping(table), commands.defaultSettings("en"));
    const completed = await click();
    const result = await pane;
    expect(completed).toHaveBeenCalledTimes(1);
    expect(result.created.map((c) => c.name)).toEqual(["80-20 contribution"]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales", "80-20 contribution"]);
    expect(fake.names.length).toBeGreaterThan(0);
    for (const n of fake.names) expect(fake.nameFormula(n)).toMatch(/^='80-20 contribution'!/);
    // Nobody listens in this runtime: the refusal is left for the pane, which is opened.
    expect(loadLastCommandError()).toMatchObject({
      command: "buildContributionSheet",
      kind: "busy",
      messageKey: "taskpane.error.runInProgress",
    });
    expect(office.taskpaneShown).toBe(1);
  });

  test("a ribbon run in progress: a pane run is refused at once with nothing written; once it ends, runs start again", async () => {
    setup();
    const table = await findSalesTable();
    let paneRun: Promise<unknown> | undefined;
    fake.failWhen = (a) => {
      // the ribbon's run is writing its sheet: the pane's button is pressed now
      if (!paneRun && isSheetAdd(a))
        paneRun = buildSheets("contribution", table, proposeMapping(table), commands.defaultSettings("en")).catch((e: unknown) => e);
      return false;
    };
    expect(await click()).toHaveBeenCalledTimes(1);
    expect(await paneRun).toMatchObject({ kind: "busy", messageKey: "taskpane.error.runInProgress" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales", "80-20 contribution"]);
    expect(office.settings.has(LAST_ERROR_KEY)).toBe(false);
    const again = await buildSheets("contribution", await findSalesTable(), proposeMapping(table), commands.defaultSettings("en"));
    expect(again.created.map((c) => c.name)).toEqual(["80-20 contribution (2)"]);
  });

  test("the first command removes the temporary sheets a crashed run left (with their names); user sheets named ~KA stay", async () => {
    setup();
    const crashed = "~KA kz1x2c3d.ab12 1"; // a run of 2020, marked
    fake.newSheet(crashed);
    fake.names.push({
      name: "_KAPlanner_Temporary",
      scope: fake.sheet(crashed).id,
      ref: { formula: '="KAPlanner:kz1x2c3d.ab12:1600000000000"' },
    });
    fake.addName("KA_PositiveTotal", crashed, "J6");
    fake.newSheet("~KA kz1x2c3d.ab12 2"); // named like ours, no marker: a user's
    fake.newSheet("~KA notes");
    fake.addName("UserName", "~KA notes", "A1");
    let fresh: typeof commands | undefined;
    await jest.isolateModulesAsync(async () => {
      fresh = await import("../../src/commands/commands"); // a new runtime
    });
    await fresh!.buildContributionCommand();
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales", "~KA kz1x2c3d.ab12 2", "~KA notes", "80-20 contribution"]);
    expect(fake.names.filter((n) => n.name === "UserName").map((n) => fake.nameFormula(n))).toEqual(["='~KA notes'!$A$1"]);
    expect(fake.names.every((n) => !fake.nameFormula(n).includes("#REF!"))).toBe(true);
  });
});
