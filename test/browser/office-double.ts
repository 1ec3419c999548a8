/**
 * The Office host for the browser test, served in place of office.js: the recording fake of the
 * Excel API (test/support/fake-excel.ts: FakeExcel, FakeOffice), bundled for the page, over a
 * workbook with a sales sheet. It defines `Office` (onReady → Excel, displayLanguage, officeTheme,
 * requirement sets, document settings) and `Excel.run`, plus `CustomFunctions.associate` (the
 * functions bundle of the shared-runtime page calls it), and records every call in
 * `window.__double.calls` (the fake also keeps every sync's actions in `excel.requests`).
 *
 * Configured by `window.__KA_DOUBLE_CONFIG__`, set by the test before this script:
 *   host: "Excel" (default) or null (a plain browser: Office.onReady reports no host);
 *   displayLanguage ("en-US"); theme ("light" | "dark"); apiVersion (ExcelApi, "1.17");
 *   asTable (the sales data is an Excel table "SalesData", default false: a plain region);
 *   select (["Sales", "B3"]), protectWorkbook (false), syncDelayMs (0), holdAfterSheets, settings ({}).
 */
import { FakeExcel, FakeOffice } from "../support/fake-excel";
import { CUSTOMER_COUNT, SALES_HEADERS, salesRows } from "./sales-data";

export interface DoubleConfig {
  host?: "Excel" | null;
  displayLanguage?: string;
  theme?: "light" | "dark";
  apiVersion?: string;
  asTable?: boolean;
  /** The selected range (default Sales!B3, inside the data). */
  select?: [sheet: string, address: string];
  /** Workbook structure protection (no sheet can be added). */
  protectWorkbook?: boolean;
  /** Each sync waits this long (to see progress). */
  syncDelayMs?: number;
  /** Once this many new sheets are complete, syncs wait until the test calls `__double.release()` (to cancel at a known point). */
  holdAfterSheets?: number;
  /** Document settings already in the workbook (what the pane or the ribbon saved before). */
  settings?: Record<string, unknown>;
}

interface RecordedCall {
  api: string;
  args: unknown[];
}

declare global {
  interface Window {
    __KA_DOUBLE_CONFIG__?: DoubleConfig;
    __double?: { excel: FakeExcel; office: FakeOffice; calls: RecordedCall[]; release(): void };
    CustomFunctions?: unknown;
  }
}

/** What the double replaces on FakeOffice's Office and Excel globals (see FakeOffice.office). */
interface PageGlobals {
  Office: {
    onReady: (cb?: (info: unknown) => void) => Promise<unknown>;
    context: {
      officeTheme?: Record<"bodyBackgroundColor" | "bodyForegroundColor" | "controlBackgroundColor" | "controlForegroundColor", string>;
      requirements: { isSetSupported: (name: string, version?: string) => boolean };
      document: { settings: Record<"get" | "set" | "remove" | "saveAsync", (...args: unknown[]) => unknown> };
    };
  };
  Excel: { run: (batch: unknown) => Promise<unknown> };
  CustomFunctions?: unknown;
}

// fake-excel.ts measures request sizes with Node's Buffer.byteLength; the page has TextEncoder.
// (Only the double uses it: the add-in's code never reads a Buffer global.)
const encoder = new TextEncoder();
const pageGlobals = globalThis as unknown as { Buffer?: unknown };
pageGlobals.Buffer ??= { byteLength: (s: string) => encoder.encode(s).length };

const config: DoubleConfig = window.__KA_DOUBLE_CONFIG__ ?? {};
const calls: RecordedCall[] = [];
const record = (api: string, args: unknown[]) =>
  calls.push({
    api,
    args: JSON.parse(JSON.stringify(args, (_k, v: unknown) => (typeof v === "function" ? "[function]" : v)) ?? "[]") as unknown[],
  });

const excel = new FakeExcel({ apiVersion: config.apiVersion ?? "1.17" });
excel.newSheet("Sales");
excel.seedRows("Sales", "A1", [SALES_HEADERS, ...salesRows()]);
const lastRow = 1 + CUSTOMER_COUNT * 3;
if (config.asTable) excel.addTable("Sales", `A1:J${lastRow}`, "SalesData");
excel.newSheet("Notes");
excel.seed("Notes", { A1: "Planning notes", A2: "Data from the CRM export" });
excel.select(...(config.select ?? ["Sales", "B3"]));
excel.workbookProtected = config.protectWorkbook === true;
const initialSheets = excel.sheets.length;
let release: () => void = () => undefined;
const released = new Promise<void>((resolve) => (release = resolve));
const completeNewSheets = () => excel.sheets.slice(initialSheets).filter((sheet) => !sheet.name.startsWith("~")).length;
if (config.syncDelayMs || config.holdAfterSheets !== undefined) {
  const sync = excel.sync.bind(excel);
  excel.sync = async () => {
    if (config.syncDelayMs) await new Promise((resolve) => setTimeout(resolve, config.syncDelayMs));
    if (config.holdAfterSheets !== undefined && completeNewSheets() >= config.holdAfterSheets) await released;
    return sync();
  };
}

const office = new FakeOffice(excel, { displayLanguage: config.displayLanguage ?? "en-US" }).install();
for (const [name, value] of Object.entries(config.settings ?? {})) office.settings.set(name, value);
const g = window as unknown as PageGlobals;
const Office = g.Office;
const realRun = g.Excel.run;

// The boundary, recorded: onReady, requirement sets, document settings, Excel.run.
Office.onReady = (cb?: (info: unknown) => void) => {
  const info = { host: config.host === undefined ? "Excel" : config.host, platform: config.host === null ? null : "OfficeOnline" };
  record("Office.onReady", []);
  cb?.(info);
  return Promise.resolve(info);
};
Office.context.officeTheme =
  config.theme === "dark"
    ? {
        bodyBackgroundColor: "#1F1F1F",
        bodyForegroundColor: "#FFFFFF",
        controlBackgroundColor: "#292929",
        controlForegroundColor: "#FFFFFF",
      }
    : {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#000000",
      };
const isSetSupported = Office.context.requirements.isSetSupported;
Office.context.requirements.isSetSupported = (name: string, version?: string) => {
  const ok = isSetSupported(name, version);
  record("Office.context.requirements.isSetSupported", [name, version, ok]);
  return ok;
};
const settings = Office.context.document.settings;
for (const method of ["get", "set", "remove", "saveAsync"] as const) {
  const original = settings[method];
  settings[method] = (...args: unknown[]) => {
    record(`Office.context.document.settings.${method}`, args);
    return original(...args);
  };
}
g.Excel.run = (batch: unknown) => {
  record("Excel.run", []);
  return realRun(batch);
};
g.CustomFunctions = { associate: (id: string) => record("CustomFunctions.associate", [id]) };

window.__double = { excel, office, calls, release };
