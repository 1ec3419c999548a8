/**
 * The task pane's actions (src/addin) over the recording fake of Excel
 * (test/support/fake-excel.ts) with the Office global faked (FakeOffice): what each action reads
 * and writes, how many syncs, the error paths, never overwriting, cancelling, settings.
 */
import * as actions from "../../src/addin";
import type { ColumnMapping, DetectedTable, PlannerSettings } from "../../src/addin";
import { tierFormula as engineTier } from "../../src/engine/formulas/tier";
import { text } from "../../src/strings";
import { FakeExcel, FakeOffice, FakeOfficeError, WEB_RESPONSE_LIMIT, type FakeRequest, type Scalar } from "../support/fake-excel";

const HEADERS = ["Customer", "Order date", "Revenue", "Profit", "Region"];
const SETTINGS: PlannerSettings = { scheme: "ABC", measure: "revenue", locale: "en", mode: "portable", plans: "first-tier" };
const MAPPING: ColumnMapping = { customer: 0, date: 1, revenue: 2, profit: 3, region: 4, attractiveness: [], strength: [] };

/** Deterministic order lines: `customers` customers, uneven values. */
function salesRows(n: number, customers = 300, name = (k: number) => `Customer ${k}`): Scalar[][] {
  const rows = new Array<Scalar[]>(n);
  for (let i = 0; i < n; i++) {
    const k = (i * 7) % customers;
    const value = Math.round((100000 / (1 + k)) * (1 + ((i * 7919) % 13) / 10)) / 100;
    rows[i] = [name(k), 45292 + (i % 700), value, Math.round(value * 0.2 * 100) / 100, ["North", "South", "East", "West"][k % 4]];
  }
  return rows;
}

let fake: FakeExcel;
let office: FakeOffice;

function setup(
  options: {
    rows?: number;
    at?: string;
    sheet?: string;
    table?: boolean;
    api?: string;
    data?: Scalar[][];
    headers?: (Scalar | null)[];
  } = {},
): void {
  office?.uninstall();
  fake = new FakeExcel(options.api ? { apiVersion: options.api } : {});
  office = new FakeOffice(fake).install();
  const sheet = options.sheet ?? "Sales";
  fake.newSheet(sheet);
  const data = options.data ?? salesRows(options.rows ?? 100);
  const at = options.at ?? "A1";
  fake.seedRows(sheet, at, [options.headers ?? HEADERS, ...data]);
  const top = Number(/\d+/.exec(at)![0]);
  if (options.table) fake.addTable(sheet, `A${top}:E${top + data.length}`, "SalesTable");
  fake.select(sheet, `B${top + 3}`);
}

afterEach(() => office?.uninstall());

const since = (n: number): FakeRequest[] => fake.requests.slice(n);

/** Chunk reads of the sales sheet in a request log: rows per values load of more than one row. */
function chunkReads(requests: FakeRequest[], sheet = "Sales"): number[][] {
  return requests.map((r) =>
    r.log
      .map((l) => new RegExp(`getItem\\(${sheet}\\)\\.getRange\\([A-Z]+(\\d+):[A-Z]+(\\d+)\\)\\.load$`).exec(l))
      .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) > Number(m[1]))
      .map((m) => Number(m[2]) - Number(m[1]) + 1),
  );
}

async function rejection(p: Promise<unknown>): Promise<actions.ActionError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof actions.ActionError) return e;
    throw e;
  }
  throw new Error("expected an ActionError");
}

function writesIn(requests: FakeRequest[]): number {
  return requests.filter((r) => r.firstWriteAt >= 0).length;
}

/* ------------------------------------------------------------------ requirements */

describe("checkRequirements", () => {
  test("a current Excel has everything", () => {
    setup();
    expect(actions.checkRequirements()).toEqual({ ok: true, missing: [] });
  });

  test("ExcelApi 1.4: the pane works, the features above it are listed", () => {
    setup({ api: "1.4" });
    const r = actions.checkRequirements();
    expect(r.ok).toBe(true);
    expect(r.missing.map((m) => `${m.set} ${m.version}`)).toEqual(["ExcelApi 1.6", "ExcelApi 1.7", "ExcelApi 1.9"]);
    expect(r.missing[1]).toEqual({
      set: "ExcelApi",
      version: "1.7",
      feature: text("en", "taskpane.requirement.region"),
      featureKey: "taskpane.requirement.region",
    });
  });

  test("below ExcelApi 1.4 the pane cannot work; outside Office nothing is supported", async () => {
    setup({ api: "1.3" });
    expect(actions.checkRequirements().ok).toBe(false);
    expect((await rejection(actions.findSalesTable())).kind).toBe("requirements");
    office.uninstall();
    expect(actions.checkRequirements()).toMatchObject({ ok: false });
    const e = await rejection(actions.findSalesTable());
    expect({ kind: e.kind, key: e.messageKey }).toEqual({ kind: "noHost", key: "taskpane.error.noExcel" });
    expect(actions.loadSavedState()).toBeNull();
  });
});

/* ------------------------------------------------------------------ findSalesTable */

describe("findSalesTable", () => {
  test("the current region around the active cell: 2 syncs, header row first, preview and sample", async () => {
    setup({ rows: 300, at: "B3", headers: ["Customer", "Order date", null, "Profit", "Region"] });
    const t = await actions.findSalesTable();
    expect(t).toMatchObject({ sheetName: "Sales", address: "Sales!B3:F303", source: "region", rowCount: 300, columnCount: 5 });
    expect(t.tableName).toBeUndefined();
    expect(t.headers).toEqual(["Customer", "Order date", "Column D", "Profit", "Region"]);
    expect(t.preview).toEqual(salesRows(300).slice(0, 5));
    expect(t.sample).toHaveLength(actions.SAMPLE_ROWS);
    expect(fake.syncs).toBe(2);
    // Only the header and the sample rows were read, not the table.
    expect(chunkReads(fake.requests).flat()).toEqual([201]);
  });

  test("an Excel table at the active cell (totals row left out): 3 syncs", async () => {
    setup({ rows: 50, table: true });
    fake.tables[0].showTotals = true; // the last seeded row plays the totals row
    const t = await actions.findSalesTable();
    expect(t).toMatchObject({
      address: "Sales!A1:E50",
      source: "table",
      tableName: "SalesTable",
      rowCount: 49,
      columnCount: 5,
      headers: HEADERS,
    });
    expect(fake.syncs).toBe(3);
  });

  test("sheet names that need quotes are quoted in the address", async () => {
    setup({ rows: 10, sheet: "Q1 Sales" });
    expect((await actions.findSalesTable()).address).toBe("'Q1 Sales'!A1:E11");
  });

  test("ExcelApi 1.4: selection, the sheet's tables, the used range (no 1.7/1.9 calls)", async () => {
    setup({ rows: 20, table: true, api: "1.4" });
    const t = await actions.findSalesTable();
    expect(t).toMatchObject({ address: "Sales!A1:E21", source: "table", tableName: "SalesTable", rowCount: 20 });
    expect(fake.syncs).toBe(3);
    const log = fake.requests.flatMap((r) => r.log).join("\n");
    expect(log).not.toMatch(/getActiveCell|getSurroundingRegion|getTables/);

    setup({ rows: 20, api: "1.4" });
    expect(await actions.findSalesTable()).toMatchObject({ address: "Sales!A1:E21", source: "region", rowCount: 20 });
  });

  test("no table at the selection, or a header without data rows: noTable", async () => {
    setup({ rows: 10 });
    fake.select("Sales", "K40");
    let e = await rejection(actions.findSalesTable());
    expect({ kind: e.kind, key: e.messageKey, cell: e.args.cell }).toEqual({
      kind: "noTable",
      key: "taskpane.error.noTableAtSelection",
      cell: "Sales!K40",
    });
    expect(e.message).toContain("Click a cell inside your sales table");

    setup({ data: [] });
    fake.select("Sales", "B1");
    e = await rejection(actions.findSalesTable());
    expect({ kind: e.kind, key: e.messageKey }).toEqual({ kind: "noTable", key: "taskpane.error.tableTooSmall" });
  });
});

/* ------------------------------------------------------------------ mapping and preview */

describe("proposeMapping and readPreview", () => {
  test("Chinese headers; the preview shows what will be read, in role order", async () => {
    setup({ rows: 30, headers: ["客户名称", "订单日期", "销售额", "毛利", "区域"] });
    const t = await actions.findSalesTable();
    const m = actions.proposeMapping(t);
    expect(m).toEqual({ customer: 0, date: 1, revenue: 2, profit: 3, region: 4, attractiveness: [], strength: [] });
    const preview = actions.readPreview(t, { revenue: 2, customer: 0, strength: [3] }, 3);
    expect(preview).toEqual([
      {
        role: "customer",
        header: "客户名称",
        values: salesRows(30)
          .slice(0, 3)
          .map((r) => r[0]),
      },
      {
        role: "revenue",
        header: "销售额",
        values: salesRows(30)
          .slice(0, 3)
          .map((r) => r[2]),
      },
      {
        role: "strength",
        header: "毛利",
        values: salesRows(30)
          .slice(0, 3)
          .map((r) => r[3]),
      },
    ]);
    expect(actions.readPreview(t, { customer: 0 })[0].values).toHaveLength(5);
    expect(actions.readPreview(t, { customer: 9 })).toEqual([]);
  });

  test("header-less data: the proposal comes from the sampled cells", async () => {
    setup({ data: salesRows(60, 20), headers: ["", "", "", "", ""] });
    // A blank header row makes the region start at the data: give it a title-less header of blanks
    // by selecting inside the data; the first row is then data read as headers "Column A"…
    const t: DetectedTable = { ...(await actions.findSalesTable()) };
    expect(t.headers.slice(0, 2)).toEqual(["Customer 0", "45292"]);
    const noHeaders: DetectedTable = { ...t, headers: ["Column A", "Column B", "Column C", "Column D", "Column E"] };
    expect(actions.proposeMapping(noHeaders)).toMatchObject({ customer: 0, date: 1, revenue: 2 });
  });
});

/** A PivotTable copied out as values: one row per customer, (空白), then the grand total 总计. */
const PIVOT_HEADERS = ["行标签", "求和项:销售额", "求和项:利润"];
function pivotRows(): Scalar[][] {
  const sales = [400, 200, 100, 80, 60, 50, 40, 30, 20, 20];
  const rows: Scalar[][] = sales.map((v, k) => [`客户 ${String.fromCharCode(65 + k)}`, v, v / 5]);
  rows.push(["(空白)", 7, 1], ["总计", 1007, 203]);
  return rows;
}
const PIVOT_MAPPING: ColumnMapping = { customer: 0, revenue: 1, profit: 2, attractiveness: [], strength: [] };

describe("a pasted PivotTable in the pane", () => {
  test("the preview marks the grand total as left out, with its worksheet row", async () => {
    setup({ data: pivotRows(), headers: PIVOT_HEADERS, at: "B3" });
    const t = await actions.findSalesTable();
    const customer = actions.readPreview(t, PIVOT_MAPPING, 3).find((c) => c.role === "customer")!;
    expect(customer.totalRows).toEqual([{ index: 11, row: 15, name: "总计" }]);
  });

  test("the 80/20 sheet leaves 总计 out of the customers, and the run says so", async () => {
    setup({ data: pivotRows(), headers: PIVOT_HEADERS, at: "B3" });
    const t = await actions.findSalesTable();
    const r = await actions.buildSheets("contribution", t, PIVOT_MAPPING, SETTINGS, { generated: "2025-01-31" });
    expect(r.created).toHaveLength(1);
    expect(r.warnings).toEqual(['Total rows left out (1; a grand total or subtotals of Sales, in no figure): row 15 "总计"']);
    const texts = [...fake.sheet(r.created[0].name).cells.values()].map((c) => c.value);
    expect(texts).not.toContain("总计");
    expect(texts).toContain("客户 A");
  });

  test("the tier column gives the grand total a blank", async () => {
    setup({ data: pivotRows(), headers: PIVOT_HEADERS });
    const t = await actions.findSalesTable();
    await actions.insertTierColumn(t, PIVOT_MAPPING, SETTINGS, { asValues: true });
    const written = pivotRows().map((_, i) => fake.cell("Sales", `D${i + 2}`)?.value ?? "");
    expect(written).toEqual(["A", "A", "A", "A", "A", "B", "B", "B", "C", "C", "", ""]);
  });
});

/* ------------------------------------------------------------------ saved state */

describe("loadSavedState / saveState", () => {
  const state = {
    tableAddress: "Sales!A1:E101",
    headers: HEADERS,
    mapping: { customer: 0, revenue: 2, attractiveness: [3] },
    settings: { ...SETTINGS, thresholds: [0.7, 0.9], weights: { attractiveness: [1], strength: [] } },
  };

  test("round trip through the document settings (saved with the workbook)", async () => {
    setup();
    expect(actions.loadSavedState()).toBeNull();
    await actions.saveState(state);
    expect(office.saveCount).toBe(1);
    expect(office.savedSettings.get(actions.STATE_KEY)).toMatchObject({ version: 1, tableAddress: "Sales!A1:E101" });
    // A new session on the same workbook reads it back.
    const again = new FakeOffice(fake);
    again.settings = new Map(office.savedSettings);
    office.uninstall();
    office = again.install();
    expect(actions.loadSavedState()).toEqual(state);
  });

  test("a stored value of another shape reads as null; a failed save is an error", async () => {
    setup();
    office.settings.set(actions.STATE_KEY, { tableAddress: "x", headers: [], mapping: { customer: "A" }, settings: SETTINGS });
    expect(actions.loadSavedState()).toBeNull();
    office.settings.set(actions.STATE_KEY, { ...state, settings: { ...SETTINGS, scheme: "XYZ" } });
    expect(actions.loadSavedState()).toBeNull();
    office.failSave = "the document is read-only";
    const e = await rejection(actions.saveState(state));
    expect({ kind: e.kind, key: e.messageKey, detail: e.args.detail }).toEqual({
      kind: "unknown",
      key: "taskpane.error.settingsNotSaved",
      detail: "the document is read-only",
    });
    office.uninstall();
    expect((await rejection(actions.saveState(state))).kind).toBe("noHost");
  });
});

/* ------------------------------------------------------------------ insertTierColumn */

describe("insertTierColumn", () => {
  test("a KA.TIER formula in the first empty column: header as text, one formula, 2 syncs", async () => {
    setup({ rows: 100 });
    const t = await actions.findSalesTable();
    const before = fake.requests.length;
    const snapshot = JSON.stringify([...fake.sheet("Sales").cells]);
    const r = await actions.insertTierColumn(t, MAPPING, SETTINGS);
    expect(r).toEqual({ address: "Sales!F1:F101" });
    expect(fake.cell("Sales", "F1")).toEqual({ value: "Tier", quotePrefix: true });
    expect(fake.cell("Sales", "F2")).toEqual({ value: null, formula: '=KA.TIER($C$2:$C$101,$A$2:$A$101,"ABC",,,"en")' });
    expect(since(before)).toHaveLength(2);
    // Nothing else changed.
    const after = [...fake.sheet("Sales").cells].filter(([k]) => k % 16384 !== 5);
    expect(JSON.stringify(after)).toBe(snapshot);
  });

  test("thresholds and Chinese labels go into the formula; the header is 等级", async () => {
    setup({ rows: 10 });
    const t = await actions.findSalesTable();
    await actions.insertTierColumn(t, MAPPING, {
      ...SETTINGS,
      scheme: "IBM",
      thresholds: [0.5, 0.8, 0.9],
      locale: "zh",
      measure: "profit",
    });
    expect(fake.cell("Sales", "F1")!.value).toBe("等级");
    expect(fake.cell("Sales", "F2")!.formula).toBe('=KA.TIER($D$2:$D$11,$A$2:$A$11,"IBM",{0.5,0.8,0.9},,"zh")');
  });

  test("never overwrites: a value typed right of the table pushes the column further right", async () => {
    setup({ rows: 100, table: true });
    const t = await actions.findSalesTable();
    fake.seed("Sales", { G50: "my note" });
    // An Excel table: the formula skips the adjacent column F (the table could grow over it), G is taken.
    expect(await actions.insertTierColumn(t, MAPPING, SETTINGS)).toEqual({ address: "Sales!H1:H101" });
    expect(fake.cell("Sales", "G50")!.value).toBe("my note");
    expect(fake.cell("Sales", "F1")).toBeUndefined();
    // As values, the adjacent column is fine.
    expect(await actions.insertTierColumn(t, MAPPING, SETTINGS, { asValues: true })).toEqual({ address: "Sales!F1:F101" });
  });

  test("no empty column within reach: a clear error and nothing written", async () => {
    setup({ rows: 20 });
    const t = await actions.findSalesTable();
    const fill: Record<string, string> = {};
    for (let k = 0; k < actions.MAX_SCAN_COLUMNS; k++) fill[`${String.fromCharCode(70 + k)}${2 + k}`] = "x"; // F2, G3, …
    fake.seed("Sales", fill);
    const snapshot = fake.snapshot();
    const before = fake.requests.length;
    const e = await rejection(actions.insertTierColumn(t, MAPPING, SETTINGS));
    expect({ kind: e.kind, key: e.messageKey, columns: e.args.columns }).toEqual({
      kind: "unknown",
      key: "taskpane.error.noEmptyColumn",
      columns: 16,
    });
    expect(fake.snapshot()).toEqual(snapshot);
    expect(writesIn(since(before))).toBe(0);
  });

  test("asValues: the labels KA.TIER would give, as text", async () => {
    const data = salesRows(500, 40);
    data[7][2] = -50000; // a loss-making line
    setup({ data });
    const t = await actions.findSalesTable();
    await actions.insertTierColumn(t, MAPPING, { ...SETTINGS, thresholds: [0.6, 0.9] }, { asValues: true });
    const expected = engineTier(
      data.map((r) => [r[2]]),
      data.map((r) => [r[0]]),
      "ABC",
      [[0.6, 0.9]],
      null,
      "en",
    ).map((r) => r[0]);
    const written = data.map((_, i) => fake.cell("Sales", `F${i + 2}`)?.value ?? "");
    expect(written).toEqual(expected);
    expect(written).toContain("A");
    expect(fake.cell("Sales", "F3")!.quotePrefix).toBe(true);
  });

  test("a protected sheet: an error before anything is written", async () => {
    setup({ rows: 20 });
    const t = await actions.findSalesTable();
    fake.protectSheet("Sales");
    const before = fake.requests.length;
    const e = await rejection(actions.insertTierColumn(t, MAPPING, SETTINGS));
    expect({ kind: e.kind, key: e.messageKey, sheet: e.args.sheet }).toEqual({
      kind: "protected",
      key: "taskpane.error.sheetProtected",
      sheet: "Sales",
    });
    expect(writesIn(since(before))).toBe(0);
    expect(fake.cell("Sales", "F1")).toBeUndefined();
  });

  test("text in the value column (asValues): the header and the worksheet row are named, nothing written", async () => {
    const data = salesRows(40);
    data[12][2] = "n/a";
    setup({ data, at: "A3" });
    const t = await actions.findSalesTable();
    const e = await rejection(actions.insertTierColumn(t, MAPPING, SETTINGS, { asValues: true }));
    expect({ kind: e.kind, key: e.messageKey, ...e.args }).toMatchObject({
      kind: "textInNumberColumn",
      key: "taskpane.error.cellNotNumber",
      header: "Revenue",
      column: "C",
      row: 16,
      cell: "n/a",
      sheet: "Sales",
    });
    expect(actions.actionErrorText(e, "zh")).toContain("第 16 行");
    expect(fake.cell("Sales", "F3")).toBeUndefined();
  });

  test("a missing measure column: missingColumn before any Excel call", async () => {
    setup({ rows: 10 });
    const t = await actions.findSalesTable();
    const before = fake.requests.length;
    expect((await rejection(actions.insertTierColumn(t, { customer: 0 }, SETTINGS))).messageKey).toBe("taskpane.error.revenueNotMapped");
    const e = await rejection(actions.insertTierColumn(t, { customer: 0, revenue: 2 }, { ...SETTINGS, measure: "profit" }));
    expect({ kind: e.kind, key: e.messageKey }).toEqual({ kind: "missingColumn", key: "taskpane.error.profitNotMapped" });
    expect(fake.requests.length).toBe(before);
  });
});

/* ------------------------------------------------------------------ buildSheets */

describe("buildSheets", () => {
  test("the 80/20 sheet: read once, built, written into a new sheet that is activated", async () => {
    setup({ rows: 100 });
    const t = await actions.findSalesTable();
    const sales = JSON.stringify([...fake.sheet("Sales").cells]);
    const before = fake.requests.length;
    const labels: string[] = [];
    const r = await actions.buildSheets("contribution", t, MAPPING, SETTINGS, {
      generated: "2025-01-31",
      onProgress: (d, n, l) => labels.push(`${d}/${n} ${l}`),
    });
    expect(r).toEqual({ created: [{ key: "contribution", name: "80-20 contribution" }], warnings: [], cancelled: false });
    const sheet = fake.sheet("80-20 contribution");
    expect(fake.activeSheetId).toBe(sheet.id);
    expect(JSON.stringify([...fake.sheet("Sales").cells])).toBe(sales);
    const requests = since(before);
    expect(chunkReads(requests).flat()).toEqual([100]);
    expect(labels).toEqual([
      "0/1 Reading the table: rows 1–100 of 100",
      "1/1 Computing tiers and figures",
      "1/1 Preparing the sheets for 100 customers",
      "0/1 Writing the sheet 80-20 contribution",
      "1/1 Done: 1 sheets inserted",
    ]);
  });

  test("syncs: reads grow by one per 20,000-row chunk, the rest is constant from 100 to 100,000 rows", async () => {
    const measured: { rows: number; syncs: number; reads: number[]; largestResponse: number }[] = [];
    for (const n of [100, 1000, 10000, 100000]) {
      setup({ rows: n });
      const t = await actions.findSalesTable();
      const before = fake.requests.length;
      await actions.buildSheets("contribution", t, MAPPING, SETTINGS, { generated: "2025-01-31" });
      const requests = since(before);
      measured.push({
        rows: n,
        syncs: requests.length,
        reads: chunkReads(requests).flat(),
        largestResponse: Math.max(...requests.map((r) => r.responseBytes ?? 0)),
      });
    }
    console.log(
      measured
        .map((m) => `${m.rows} rows: ${m.syncs} syncs, reads ${m.reads.join("+")} rows, largest response ${m.largestResponse} bytes`)
        .join("\n"),
    );
    const [a, b, c, d] = measured;
    expect(a.reads).toEqual([100]);
    expect(c.reads).toEqual([10000]);
    expect(d.reads).toEqual([20000, 20000, 20000, 20000, 20000]);
    expect(b.syncs).toBe(a.syncs);
    expect(c.syncs).toBe(a.syncs);
    // 100,000 rows: four more chunks + the fingerprint check (single rows, not counted as reads).
    expect(d.syncs).toBe(a.syncs + 4 + 1);
    for (const m of measured) expect(m.largestResponse).toBeLessThan(WEB_RESPONSE_LIMIT / 2);
  });

  test("a chunk too large for one response is read again in halves", async () => {
    const long = (k: number) => `Customer ${k} ${"with a very long registered company name ".repeat(6)}`;
    setup({ data: salesRows(30000, 300, long) });
    const t = await actions.findSalesTable();
    const before = fake.requests.length;
    const r = await actions.buildSheets("contribution", t, MAPPING, SETTINGS);
    expect(r.created).toHaveLength(1);
    const requests = since(before);
    const failed = requests.filter((q) => (q.responseBytes ?? 0) > WEB_RESPONSE_LIMIT);
    expect(failed).toHaveLength(1);
    expect(
      chunkReads(requests)
        .flat()
        .filter((n) => n > 5),
    ).toEqual([20000, 10000, 10000, 10000]);
  });

  test("text in a mapped number column: the header and the WORKSHEET row, nothing written", async () => {
    const data = salesRows(200);
    data[56][3] = "tbd";
    setup({ data, at: "A2" });
    const t = await actions.findSalesTable();
    const sheets = fake.sheets.length;
    const e = await rejection(actions.buildSheets("all", t, MAPPING, SETTINGS));
    expect({ kind: e.kind, ...e.args }).toMatchObject({ kind: "textInNumberColumn", header: "Profit", column: "D", row: 59, cell: "tbd" });
    expect(e.message).toBe(
      'Column "Profit" (column D), row 59 on sheet Sales: "tbd" is not a number. Correct the cell (or clear it), or map another column, then try again.',
    );
    expect(fake.sheets.length).toBe(sheets);
  });

  test("a protected workbook: an error before any sheet is added (ExcelApi 1.7 check, or Excel's own refusal)", async () => {
    setup({ rows: 50 });
    let t = await actions.findSalesTable();
    fake.workbookProtected = true;
    let e = await rejection(actions.buildSheets("contribution", t, MAPPING, SETTINGS));
    expect({ kind: e.kind, key: e.messageKey }).toEqual({ kind: "protected", key: "taskpane.error.workbookProtected" });
    expect(writesIn(fake.requests)).toBe(0);

    setup({ rows: 50, api: "1.6" });
    t = await actions.findSalesTable();
    fake.workbookProtected = true;
    e = await rejection(actions.buildSheets("contribution", t, MAPPING, SETTINGS));
    expect(e.kind).toBe("protected");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales"]);
  });

  test("request too large: tooLarge, the half-written sheet removed", async () => {
    setup({ rows: 100 });
    const t = await actions.findSalesTable();
    fake.failWhen = (a) =>
      a.name === "values" && a.sheetName?.startsWith("~KA")
        ? new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.")
        : undefined;
    const e = await rejection(actions.buildSheets("contribution", t, MAPPING, SETTINGS));
    expect({ kind: e.kind, key: e.messageKey, cleanup: e.args.cleanup }).toEqual({
      kind: "tooLarge",
      key: "taskpane.error.writeTooLarge",
      cleanup: "deleted",
    });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales"]);
  });

  test("any other Office error: unknown, with the original message", async () => {
    setup({ rows: 100 });
    const t = await actions.findSalesTable();
    fake.failWhen = (a) =>
      a.name === "add" && a.target.endsWith("worksheets") ? new FakeOfficeError("GeneralException", "Out of memory") : undefined;
    const e = await rejection(actions.buildSheets("contribution", t, MAPPING, SETTINGS));
    expect({ kind: e.kind, detail: e.args.detail }).toEqual({ kind: "unknown", detail: "Out of memory (GeneralException)" });
  });

  test("the table changed since it was detected: tableChanged, nothing read beyond the check", async () => {
    setup({ rows: 100 });
    const t = await actions.findSalesTable();
    fake.seedRows("Sales", "A102", [["Late order", 45300, 10, 1, "North"]]);
    const e = await rejection(actions.buildSheets("contribution", t, MAPPING, SETTINGS));
    expect({ kind: e.kind, key: e.messageKey, before: e.args.before, after: e.args.after }).toEqual({
      kind: "tableChanged",
      key: "taskpane.error.tableChanged",
      before: "Sales!A1:E101",
      after: "Sales!A1:E102",
    });
    expect(fake.sheets).toHaveLength(1);
    // A renamed header changes the meaning of the mapping: also a change.
    setup({ rows: 100, table: true });
    const t2 = await actions.findSalesTable();
    fake.seed("Sales", { C1: "Net revenue" });
    expect((await rejection(actions.buildSheets("contribution", t2, MAPPING, SETTINGS))).kind).toBe("tableChanged");
    // A deleted table too.
    fake.tables = [];
    expect((await rejection(actions.buildSheets("contribution", t2, MAPPING, SETTINGS))).messageKey).toBe("taskpane.error.tableGone");
  });

  test("the table edited between chunk reads: the fingerprint check stops the run before writing", async () => {
    setup({ rows: 45000 });
    const t = await actions.findSalesTable();
    let edited = false;
    fake.failWhen = (a) => {
      if (!edited && a.name === "load" && a.target.includes("getRange(A20002:")) {
        edited = true;
        fake.seed("Sales", { A2: "Someone else" }); // first row of the first chunk, already read
      }
      return undefined;
    };
    const e = await rejection(actions.buildSheets("contribution", t, MAPPING, SETTINGS));
    expect({ kind: e.kind, key: e.messageKey, cell: e.args.cell }).toEqual({
      kind: "tableChanged",
      key: "taskpane.error.tableEdited",
      cell: "Sales!A2",
    });
    expect(fake.sheets).toHaveLength(1);
  });

  test("the table edited while sheets are written: the sheets stay, with a warning", async () => {
    setup({ rows: 100 });
    const t = await actions.findSalesTable();
    fake.failWhen = (a) => {
      if (a.name === "add" && a.target.endsWith("worksheets")) fake.seed("Sales", { C2: 1 });
      return undefined;
    };
    const r = await actions.buildSheets("contribution", t, MAPPING, SETTINGS);
    expect(r.created).toHaveLength(1);
    expect(r.warnings).toEqual([text("en", "taskpane.warning.tableChangedDuringRun", { address: "Sales!A1:E101" })]);
  });

  test("all sheets; progress names each plan; cancel between sheets keeps the finished ones", async () => {
    setup({ rows: 300 });
    const t = await actions.findSalesTable();
    const labels: string[] = [];
    const r = await actions.buildSheets(
      "all",
      t,
      MAPPING,
      { ...SETTINGS, plans: { top: 2 } },
      { onProgress: (_d, _n, l) => labels.push(l) },
    );
    expect(r.created.map((c) => c.key)).toEqual([
      "contribution",
      "matrix",
      expect.stringMatching(/^plan:/),
      expect.stringMatching(/^plan:/),
      "risk-register",
    ]);
    expect(labels.filter((l) => l.startsWith("Plan "))).toEqual([
      expect.stringMatching(/^Plan 1 of 2: Customer \d+$/),
      expect.stringMatching(/^Plan 2 of 2: Customer \d+$/),
    ]);

    setup({ rows: 300 });
    const t2 = await actions.findSalesTable();
    const signal = { cancelled: false };
    const r2 = await actions.buildSheets(
      "all",
      t2,
      MAPPING,
      { ...SETTINGS, plans: { top: 2 } },
      {
        signal,
        onProgress: (d, n) => {
          if (n === 5 && d === 1) signal.cancelled = true;
        },
      },
    );
    expect(r2.cancelled).toBe(true);
    expect(r2.created.map((c) => c.key)).toEqual(["contribution"]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sales", "80-20 contribution"]);

    // Cancelled before it starts: no Excel call at all.
    const controller = new AbortController();
    controller.abort();
    const before = fake.requests.length;
    expect(await actions.buildSheets("all", t2, MAPPING, SETTINGS, { signal: controller.signal })).toEqual({
      created: [],
      warnings: [],
      cancelled: true,
    });
    expect(fake.requests.length).toBe(before);
  });

  test("cancelled between chunk reads: nothing written", async () => {
    setup({ rows: 45000 });
    const t = await actions.findSalesTable();
    const signal = { cancelled: false };
    const r = await actions.buildSheets("contribution", t, MAPPING, SETTINGS, {
      signal,
      onProgress: (d, n) => {
        if (n === 3 && d === 1) signal.cancelled = true;
      },
    });
    expect(r).toEqual({ created: [], warnings: [], cancelled: true });
    expect(fake.sheets).toHaveLength(1);
  });

  test("too many plan sheets: sheetLimit before anything is written", async () => {
    setup({ rows: 600 });
    const t = await actions.findSalesTable();
    const e = await rejection(actions.buildSheets("plans", t, MAPPING, { ...SETTINGS, plans: { top: 250 } }));
    expect({ kind: e.kind, key: e.messageKey, max: e.args.max }).toEqual({
      kind: "sheetLimit",
      key: "taskpane.error.tooManySheets",
      max: 200,
    });
    expect(fake.sheets).toHaveLength(1);
    // Excel's own refusal to add sheets is sheetLimit too.
    fake.failWhen = (a) =>
      a.name === "add" && a.target.endsWith("worksheets")
        ? new FakeOfficeError("GeneralException", "The maximum number of worksheets has been reached.")
        : undefined;
    expect((await rejection(actions.buildSheets("contribution", t, MAPPING, SETTINGS))).kind).toBe("sheetLimit");
  });

  test("live mode: KA.* formulas over the source ranges of the mapped columns", async () => {
    setup({ rows: 100, sheet: "Q1 Sales", at: "B2" });
    const t = await actions.findSalesTable();
    await actions.buildSheets("contribution", t, MAPPING, { ...SETTINGS, mode: "live" });
    const formulas = [...fake.sheet("80-20 contribution").cells.values()].map((c) => c.formula).filter(Boolean);
    expect(formulas.some((f) => f!.includes("KA.PARETO('Q1 Sales'!$B$3:$B$102,'Q1 Sales'!$D$3:$D$102"))).toBe(true);
  });

  test("a tier column inserted beside a region does not make the detected table stale", async () => {
    setup({ rows: 100 });
    const t = await actions.findSalesTable();
    await actions.insertTierColumn(t, MAPPING, SETTINGS, { asValues: true });
    const r = await actions.buildSheets("contribution", t, MAPPING, SETTINGS);
    expect(r.created).toHaveLength(1);
  });

  test("plan names not found are a warning; unmapped measure is missingColumn before any Excel call", async () => {
    setup({ rows: 100 });
    const t = await actions.findSalesTable();
    const r = await actions.buildSheets("plans", t, MAPPING, { ...SETTINGS, plans: { names: ["customer 7", "Nobody"] } });
    expect(r.created).toHaveLength(1);
    expect(r.warnings).toEqual([text("en", "taskpane.warning.unknownPlans", { names: '"Nobody"' })]);
    const before = fake.requests.length;
    const e = await rejection(actions.buildSheets("contribution", t, { customer: 0, profit: 3 }, SETTINGS));
    expect({ kind: e.kind, key: e.messageKey }).toEqual({ kind: "missingColumn", key: "taskpane.error.revenueNotMapped" });
    const dup = await rejection(actions.buildSheets("contribution", t, { customer: 0, revenue: 2, profit: 2 }, SETTINGS));
    expect({ kind: dup.kind, key: dup.messageKey, header: dup.args.header }).toEqual({
      kind: "missingColumn",
      key: "taskpane.error.columnTwice",
      header: "Revenue",
    });
    expect(fake.requests.length).toBe(before);
  });
});
