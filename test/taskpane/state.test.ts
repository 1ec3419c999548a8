/** The pane's reducer: start-up, finding the table, editing, running, cancelling. */
import { initialState, progressValue, reducer, type PaneEvent, type PaneState } from "../../src/taskpane/state";
import { defaultDraft } from "../../src/taskpane/settings";
import type { DetectedTable } from "../../src/taskpane/contract";

const table: DetectedTable = {
  sheetName: "Sales",
  address: "Sales!A1:D41",
  source: "region",
  rowCount: 40,
  columnCount: 4,
  headers: ["Customer", "Revenue", "Profit", "Region"],
  preview: [["Acme", 100, 20, "North"]],
};
const run = (state: PaneState, ...events: PaneEvent[]) => events.reduce(reducer, state);

describe("pane reducer", () => {
  test("start-up: outside Excel, too old an Excel, or ready with degraded features", () => {
    const s = initialState("en");
    expect(s.host).toBe("starting");
    expect(run(s, { type: "hostReady", inExcel: false }).host).toBe("outside");
    const gap = { set: "ExcelApi", version: "1.4", feature: "the pane", featureKey: "taskpane.requirement.pane" };
    expect(run(s, { type: "hostReady", inExcel: true, ok: false, missing: [gap] })).toMatchObject({ host: "unsupported", missing: [gap] });
    const ready = run(s, { type: "hostReady", inExcel: true, ok: true, missing: [{ ...gap, version: "1.9" }] });
    expect(ready).toMatchObject({ host: "ready", limitsDismissed: false });
    expect(run(ready, { type: "dismissLimits" }).limitsDismissed).toBe(true);
  });

  test("language: Office's display language unless chosen by hand; the sheets' language follows until chosen", () => {
    const s = run(initialState("en"), { type: "hostReady", inExcel: true, ok: true, locale: "zh", theme: "dark" });
    expect(s).toMatchObject({ locale: "zh", theme: "dark", draft: { contentLocale: "zh" } });
    const chosen = run(initialState("en", true), { type: "hostReady", inExcel: true, ok: true, locale: "zh" });
    expect(chosen.locale).toBe("en");
    const picked = run(
      s,
      { type: "setDraft", patch: { contentLocale: "en" } },
      { type: "setLocale", locale: "zh" },
      { type: "setLocale", locale: "en" },
      { type: "setLocale", locale: "zh" },
    );
    expect(picked).toMatchObject({ locale: "zh", localeChosen: true, draft: { contentLocale: "en", contentLocaleChosen: true } });
  });

  test("finding the table: the proposal, or the mapping and settings saved for the same headers", () => {
    let s = run(initialState("en"), { type: "findStart" });
    expect(s.finding).toBe(true);
    s = run(s, { type: "findDone", table, proposed: { customer: 0, revenue: 1 } });
    expect(s).toMatchObject({ finding: false, table, mapping: { customer: 0, revenue: 1 }, mappingSource: "proposed" });
    const savedDraft = { ...defaultDraft("en"), scheme: "KIG" as const, thresholds: "64, 80" };
    s = run(s, {
      type: "findDone",
      table,
      proposed: { customer: 0, revenue: 1 },
      saved: { mapping: { customer: 0, profit: 2 }, draft: savedDraft },
    });
    expect(s).toMatchObject({ mapping: { customer: 0, profit: 2 }, mappingSource: "saved", draft: { scheme: "KIG" } });
    s = run(s, { type: "setColumnRole", column: 1, role: "revenue" });
    expect(s).toMatchObject({ mapping: { customer: 0, profit: 2, revenue: 1 }, mappingSource: "edited" });
    s = run(s, { type: "proposeAgain" });
    expect(s).toMatchObject({ mapping: { customer: 0, revenue: 1 }, mappingSource: "proposed" });
  });

  test("a failed search shows its error with the data step; a quiet one (start-up) shows none", () => {
    const err = { kind: "noTable" as const, messageKey: "taskpane.error.noTableAtSelection" };
    expect(run(initialState("en"), { type: "findStart" }, { type: "findFailed", error: err })).toMatchObject({
      finding: false,
      error: { ...err, source: "find" },
    });
    expect(run(initialState("en"), { type: "findStart" }, { type: "findFailed", error: null }).error).toBeNull();
  });

  test("a new scheme brings its thresholds; weights are per column", () => {
    let s = run(initialState("en"), { type: "setDraft", patch: { scheme: "IBM" } });
    expect(s.draft.thresholds).toBe("50, 75, 95");
    s = run(s, { type: "setDraft", patch: { thresholds: "40, 70, 90" } }, { type: "setWeight", column: 3, weight: "2" });
    expect(s.draft).toMatchObject({ scheme: "IBM", thresholds: "40, 70, 90", weights: { 3: "2" } });
  });

  test("running: progress, cancel, outcome; nothing can be edited meanwhile", () => {
    let s = run(
      initialState("en"),
      { type: "findDone", table, proposed: { customer: 0, revenue: 1 } },
      { type: "runStart", action: "all" },
    );
    expect(s.busy).toEqual({ action: "all", done: 0, total: 0, label: "", cancelling: false });
    expect(progressValue(s.busy)).toBeUndefined();
    expect(run(s, { type: "runStart", action: "plans" }).busy?.action).toBe("all");
    expect(run(s, { type: "setColumnRole", column: 1, role: "" }).mapping).toEqual(s.mapping);
    expect(run(s, { type: "setDraft", patch: { scheme: "KIG" } }).draft.scheme).toBe("ABC");
    s = run(s, { type: "progress", done: 1, total: 4, label: "Writing the sheet Plan – Acme" });
    expect(progressValue(s.busy)).toBe(0.25);
    s = run(s, { type: "cancelRequested" });
    expect(s.busy?.cancelling).toBe(true);
    s = run(s, {
      type: "runDone",
      outcome: { action: "all", created: [{ key: "contribution", name: "80-20 contribution" }], warnings: [], cancelled: true },
    });
    expect(s).toMatchObject({ busy: null, outcome: { cancelled: true } });
    s = run(
      s,
      { type: "runStart", action: "tier" },
      { type: "runFailed", error: { kind: "protected", messageKey: "taskpane.error.sheetProtected" } },
    );
    expect(s).toMatchObject({ busy: null, outcome: null, error: { kind: "protected", source: "run" } });
    expect(run(s, { type: "dismissError" }).error).toBeNull();
  });

  test("a ribbon command's failure shows at the top", () => {
    expect(run(initialState("en"), { type: "showError", error: { kind: "noTable" } }).error).toEqual({
      kind: "noTable",
      source: "command",
    });
  });
});
