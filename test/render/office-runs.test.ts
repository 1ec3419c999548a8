/**
 * Two runs on one workbook (as two runtimes of one workbook can have: co-authors, a second
 * window on the web, where the in-memory run lock cannot see the other run): a failing run's
 * cleanup removes only what it created itself — never the other run's sheet or names, even
 * when both chose the same free sheet and defined names.
 *
 * The other run is simulated at the exact moment that makes the two collide: after this run
 * loaded the workbook's names (so it chose the same names), before its first write.
 */
import type { SheetModel } from "../../src/sheets/model";
import { FakeExcel, type ActionInfo } from "../support/fake-excel";
import { render } from "../support/office-render";

const SHEET = "80-20 contribution";

/** A small contribution-like sheet with a workbook name and a table. */
function model(): SheetModel {
  return {
    key: "contribution",
    name: SHEET,
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          ["Customer", "Sales"],
          ["Acme", 10],
          ["Beta", 5],
        ],
      },
    ],
    names: [{ name: "KA_PositiveTotal", range: { row: 1, col: 1, rows: 2, cols: 1 } }],
    tables: [{ name: "KA_Contribution", range: { row: 0, col: 0, rows: 3, cols: 2 } }],
  };
}

/** Calls `other` once, when this run's first sheet is about to be added (the names already chosen). */
function beforeFirstSheet(fake: FakeExcel, other: () => void, fail?: (a: ActionInfo) => boolean): void {
  let done = false;
  fake.failWhen = (a) => {
    if (!done && a.kind === "call" && a.name === "add" && a.target === "workbook.worksheets") {
      done = true;
      other();
    }
    return fail?.(a) ?? false;
  };
}

/** The other run's finished sheet and its name, plus its half-written temporary sheet with its name. */
function otherRun(fake: FakeExcel): void {
  fake.newSheet(SHEET);
  fake.seed(SHEET, { A1: "the other run's sheet" });
  fake.addName("KA_PositiveTotal", SHEET, "B2:B3");
  fake.newSheet("~KA other 1");
  fake.names.push({ name: "_KAPlanner_Temporary", scope: fake.sheet("~KA other 1").id, ref: { formula: '="KAPlanner:other:1"' } });
  fake.addName("KA_ThresholdA", "~KA other 1", "C2");
}

const nameTargets = (fake: FakeExcel): string[] =>
  fake.names.filter((n) => n.scope === undefined).map((n) => `${n.name} ${fake.nameFormula(n)}`);

describe("two runs on one workbook", () => {
  test("both chose the same names: the failing run's cleanup leaves the other run's sheet and names alone", async () => {
    const fake = new FakeExcel();
    fake.newSheet("Sales");
    beforeFirstSheet(fake, () => otherRun(fake));
    const err = await render(fake, [model()]).catch((e: unknown) => e);
    // This run failed (the name it chose was taken meanwhile) and removed its own half-written sheet.
    expect(err).toMatchObject({ name: "SheetRenderError", cleanup: "deleted" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales", SHEET, "~KA other 1"]);
    expect(fake.cell(SHEET, "A1")?.value).toBe("the other run's sheet");
    expect(nameTargets(fake)).toEqual([`KA_PositiveTotal ='${SHEET}'!$B$2:$B$3`, "KA_ThresholdA ='~KA other 1'!$C$2"]);
  });

  test("this run's sheet was never added: the other run's sheet under the same final name is not taken for it", async () => {
    const fake = new FakeExcel();
    fake.newSheet("Sales");
    beforeFirstSheet(
      fake,
      () => otherRun(fake),
      (a) => a.kind === "call" && a.name === "add" && a.target === "workbook.worksheets",
    );
    const err = await render(fake, [model()]).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "SheetRenderError", cleanup: "not-created" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales", SHEET, "~KA other 1"]);
    expect(nameTargets(fake)).toEqual([`KA_PositiveTotal ='${SHEET}'!$B$2:$B$3`, "KA_ThresholdA ='~KA other 1'!$C$2"]);
  });

  test("a user's name pointing nowhere (#REF!) that this run also chose is not deleted by its cleanup", async () => {
    const fake = new FakeExcel();
    fake.newSheet("Sales");
    beforeFirstSheet(fake, () => {
      fake.newSheet("Old");
      fake.addName("KA_PositiveTotal", "Old", "A1");
      fake.deleteSheet(fake.sheet("Old")); // the name now says #REF!
    });
    const err = await render(fake, [model()]).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "SheetRenderError", cleanup: "deleted" });
    expect(nameTargets(fake)).toEqual(["KA_PositiveTotal =#REF!"]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales"]);
  });
});
