/**
 * One KA Planner run at a time (src/addin/run-lock.ts) and the temporary sheets
 * of a run (src/render/office/temp-sheets.ts), over the recording fake of Excel: the lock is
 * held for the whole run and released however it ends; a refusal of the ribbon reaches the
 * pane; temporary sheets carry the run's id and marker; leftovers of crashed runs are removed
 * at the next start, and nothing else is.
 */
import * as commands from "../../src/commands/commands";
import * as actions from "../../src/addin";
import type { ColumnMapping, PlannerSettings } from "../../src/addin";
import { resetLeftoverCheck } from "../../src/addin/run-lock";
import {
  LEFTOVER_GRACE_MS,
  markerOf,
  newRunId,
  removeLeftoverSheets,
  runIdOfSheetName,
  TEMP_MARKER,
  tempSheetName,
} from "../../src/render/office/temp-sheets";
import { FakeExcel, FakeOffice, type ActionInfo, type Scalar } from "../support/fake-excel";
import { render } from "../support/office-render";

const HEADERS = ["Customer", "Revenue"];
const ROWS: Scalar[][] = Array.from({ length: 40 }, (_, i) => [`Customer ${i % 9}`, 100 + ((i * 37) % 200)]);
const MAPPING: ColumnMapping = { customer: 0, revenue: 1 };
const SETTINGS: PlannerSettings = { scheme: "ABC", measure: "revenue", locale: "en", mode: "portable", plans: "first-tier" };

let fake: FakeExcel;
let office: FakeOffice;

function setup(): void {
  office?.uninstall();
  fake = new FakeExcel();
  office = new FakeOffice(fake).install();
  fake.newSheet("Sales");
  fake.seedRows("Sales", "A1", [HEADERS, ...ROWS]);
  fake.select("Sales", "A2");
  resetLeftoverCheck();
}

afterEach(() => office?.uninstall());

const isSheetAdd = (a: ActionInfo): boolean => a.kind === "call" && a.name === "add" && a.target === "workbook.worksheets";
const build = async (options: actions.BuildOptions = {}) =>
  actions.buildSheets("contribution", await actions.findSalesTable(), MAPPING, SETTINGS, options);

/** A marked temporary sheet of run `runId`, created at `createdAt`, with a workbook name on it. */
function markedSheet(runId: string, createdAt: number, name = tempSheetName(runId, 1)): string {
  fake.newSheet(name);
  fake.names.push({ name: TEMP_MARKER, scope: fake.sheet(name).id, ref: { formula: `="KAPlanner:${runId}:${createdAt}"` } });
  return name;
}

describe("the run lock", () => {
  test("held for the whole run, released however it ends: failed, cancelled, done", async () => {
    setup();
    const table = await actions.findSalesTable();
    const refusals: unknown[] = [];
    const tryDuring = (a: ActionInfo): void => {
      if (isSheetAdd(a))
        refusals.push(
          actions.runInProgress()?.id ?? "no run",
          actions.insertTierColumn(table, MAPPING, SETTINGS).catch((e: unknown) => e),
        );
    };
    // 1. fails while writing
    fake.failWhen = (a) => {
      tryDuring(a);
      return a.kind === "set" && a.name === "name" && a.args[0] === "80-20 contribution";
    };
    await expect(build()).rejects.toMatchObject({ kind: "unknown" });
    expect(actions.runInProgress()).toBeNull();
    // 2. cancelled between reading and writing
    fake.failWhen = undefined;
    const abort = new AbortController();
    const cancelled = await build({
      signal: abort.signal,
      onProgress: (done, total, label) => label.startsWith("Computing") && abort.abort(),
    });
    expect(cancelled.cancelled).toBe(true);
    expect(actions.runInProgress()).toBeNull();
    // 3. done
    fake.failWhen = (a) => {
      tryDuring(a);
      return false;
    };
    expect((await build()).created.map((c) => c.name)).toEqual(["80-20 contribution"]);
    expect(actions.runInProgress()).toBeNull();
    // During runs 1 and 3 the lock was held (by a run with an id) and the tier column was refused.
    expect(refusals).toHaveLength(4);
    for (const id of [refusals[0], refusals[2]]) expect(typeof id === "string" && /^[0-9a-z]+\.[0-9a-z]{4}$/.test(id)).toBe(true);
    expect(refusals[0]).not.toBe(refusals[2]);
    for (const p of [refusals[1], refusals[3]]) expect(await p).toMatchObject({ kind: "busy", messageKey: "taskpane.error.runInProgress" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales", "80-20 contribution"]);
  });

  test("the ribbon refused while the pane runs: the pane hears it at once, nothing is saved with the workbook", async () => {
    setup();
    const heard: unknown[] = [];
    const unsubscribe = actions.onRunRefused((e) => heard.push(e));
    try {
      const pane = build();
      await commands.buildContributionCommand();
      expect(heard).toEqual([expect.objectContaining({ kind: "busy", messageKey: "taskpane.error.runInProgress" })]);
      expect(office.settings.size).toBe(0);
      expect(office.taskpaneShown).toBe(1);
      expect((await pane).created).toHaveLength(1);
    } finally {
      unsubscribe();
    }
    expect(actions.announceRefusal(new actions.ActionError("busy", "taskpane.error.runInProgress"))).toBe(false);
  });

  test("the busy message exists in both languages", () => {
    const e = new actions.ActionError("busy", "taskpane.error.runInProgress");
    expect(actions.actionErrorText(e, "en")).toMatch(/^Another KA Planner run is in progress/);
    expect(actions.actionErrorText(e, "zh")).toMatch(/^另一个 KA Planner 运行正在进行/);
  });
});

describe("temporary sheets of a run", () => {
  test("named with the run's id and marked while written; the marker is gone from the finished sheet", async () => {
    const fake = new FakeExcel();
    const runId = newRunId();
    const seen: { sheet: string; marker: ReturnType<typeof markerOf> }[] = [];
    fake.failWhen = (a) => {
      // the final rename: what the sheet carried until then (the marker goes right after it)
      if (a.kind === "set" && a.name === "name" && a.sheetName?.startsWith("~KA")) {
        const sheet = fake.sheet(a.sheetName);
        const marker = fake.names.find((n) => n.scope === sheet.id && n.name === TEMP_MARKER)!;
        seen.push({ sheet: sheet.name, marker: markerOf(fake.nameFormula(marker)) });
      }
      return false;
    };
    const before = Date.now();
    await render(
      fake,
      [
        { key: "a", name: "A", blocks: [{ row: 0, col: 0, cells: [["x"]] }] },
        { key: "b", name: "B", blocks: [{ row: 0, col: 0, cells: [["y"]] }] },
      ],
      { runId },
    );
    expect(seen.map((s) => s.sheet)).toEqual([tempSheetName(runId, 1), tempSheetName(runId, 2)]);
    expect(seen.map((s) => runIdOfSheetName(s.sheet))).toEqual([runId, runId]);
    for (const s of seen) {
      expect(s.marker?.runId).toBe(runId);
      expect(s.marker!.createdAt).toBeGreaterThanOrEqual(before);
      expect(s.marker!.createdAt).toBeLessThanOrEqual(Date.now());
    }
    expect(fake.names).toEqual([]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["A", "B"]);
  });

  test("a user's sheet with our next temporary name is skipped, never written to", async () => {
    const fake = new FakeExcel();
    const runId = newRunId();
    fake.newSheet(tempSheetName(runId, 1));
    fake.seed(tempSheetName(runId, 1), { A1: "mine" });
    await render(fake, [{ key: "a", name: "A", blocks: [{ row: 0, col: 0, cells: [["x"]] }] }], { runId });
    expect(fake.sheets.map((s) => s.name)).toEqual([tempSheetName(runId, 1), "A"]);
    expect(fake.cell(tempSheetName(runId, 1), "A1")?.value).toBe("mine");
  });
});

describe("leftovers of crashed runs", () => {
  const NOW = Date.UTC(2026, 0, 15, 12);
  const OLD = NOW - LEFTOVER_GRACE_MS - 1;

  test("marked sheets of other runs older than the grace period go, with the names on them; everything else stays", async () => {
    setup();
    const crashed = newRunId(OLD);
    const leftover = markedSheet(crashed, OLD);
    fake.addName("KA_PositiveTotal", leftover, "J6");
    const crashed2 = newRunId(OLD - 1000);
    const leftover2 = markedSheet(crashed2, OLD - 1000);
    const young = markedSheet(newRunId(NOW - 60_000), NOW - 60_000); // may be a live run in another window
    const active = newRunId(OLD);
    const running = markedSheet(active, OLD); // the run in progress here (a long one)
    const otherMarker = tempSheetName(newRunId(OLD), 1);
    markedSheet(newRunId(OLD - 5), OLD, otherMarker); // its marker names another run: not ours to judge
    fake.newSheet(tempSheetName(newRunId(OLD), 1)); // named like ours, no marker: a user's
    fake.newSheet("~KA notes");
    fake.addName("UserName", "~KA notes", "A1");
    fake.addName("Sales_Total", "Sales", "B2:B41");
    const keep = fake.sheets.map((s) => s.name).filter((n) => n !== leftover && n !== leftover2);

    const before = fake.syncs;
    const removed = await removeLeftoverSheets(fake.context(), { activeRunId: active, now: NOW, supports: fake.isSetSupported });
    expect(fake.syncs - before).toBe(3);
    expect(removed.sort()).toEqual([leftover, leftover2].sort());
    expect(fake.sheets.map((s) => s.name)).toEqual(keep);
    expect(keep).toEqual(expect.arrayContaining([young, running, otherMarker, "~KA notes"]));
    expect(fake.names.filter((n) => n.scope === undefined).map((n) => `${n.name} ${fake.nameFormula(n)}`)).toEqual([
      "UserName ='~KA notes'!$A$1",
      "Sales_Total ='Sales'!$B$2:$B$41",
    ]);
  });

  test("ExcelApi 1.5: the names on a leftover are found by value", async () => {
    office?.uninstall();
    fake = new FakeExcel({ apiVersion: "1.5" });
    const leftover = markedSheet(newRunId(OLD), OLD);
    fake.addName("KA_Owner", leftover, "B4");
    await removeLeftoverSheets(fake.context(), { now: NOW, supports: fake.isSetSupported });
    expect(fake.sheets).toEqual([]);
    expect(fake.names).toEqual([]);
  });

  test("one sync when no sheet is named like a temporary one; once per runtime from the actions", async () => {
    setup();
    fake.newSheet("~KA notes");
    expect(await actions.removeLeftovers()).toEqual([]);
    expect(fake.syncs).toBe(1);
    expect(await actions.removeLeftovers()).toEqual([]);
    expect(fake.syncs).toBe(1);
  });

  test("from the actions at start-up: a crashed run's sheet goes; a failure to remove never stops the start", async () => {
    setup();
    const leftover = markedSheet(newRunId(Date.now() - 2 * LEFTOVER_GRACE_MS), Date.now() - 2 * LEFTOVER_GRACE_MS);
    fake.workbookProtected = true;
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      expect(await actions.removeLeftovers()).toEqual([]);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales", leftover]);
    fake.workbookProtected = false;
    resetLeftoverCheck();
    expect(await actions.removeLeftovers()).toEqual([leftover]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales"]);
  });
});
