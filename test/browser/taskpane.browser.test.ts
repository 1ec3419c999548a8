/**
 * The task pane in a real browser (Debian's Chromium through playwright-core; no browser is ever
 * downloaded), with the Office host replaced at its boundary: the request for office.js is
 * answered with test/browser/office-double.js (the recording fake of the Excel API over a
 * workbook with a sales sheet). Everything else the page asks for must be the add-in's own files:
 * any other request fails the test, as do page errors, console errors (CSP violations included)
 * and serious or critical axe-core violations.
 *
 * Built once (test/browser/build.js: the add-in as webpack.config.js builds it, development mode,
 * plus the double) into a temporary directory and served from 127.0.0.1.
 * Screenshots go to $KA_SCREENSHOTS_OUT (default <tmp>/ka-planner-taskpane); with
 * KA_UPDATE_DOCS=1 the two 350 px screenshots of the README are written to docs/ as well.
 * Chromium: $KA_CHROMIUM or /usr/bin/chromium (`npm run test:deps` installs it).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { tierFormula } from "../../src/engine/formulas/tier";
import { text } from "../../src/strings";
import type { DoubleConfig } from "./office-double";
import { SALES_HEADERS, salesRows } from "./sales-data";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM = process.env.KA_CHROMIUM ?? "/usr/bin/chromium";
const SHOTS = process.env.KA_SCREENSHOTS_OUT ?? path.join(os.tmpdir(), "ka-planner-taskpane");
const OFFICE_JS = "https://appsforoffice.microsoft.com/";
const WIDTH = 350;

let out: string;
let server: http.Server;
let origin: string;
let browser: Browser;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css",
  ".png": "image/png",
  ".json": "application/json",
  ".xml": "application/xml",
};

function serve(dir: string): Promise<http.Server> {
  const files: Record<string, string> = { "/axe.min.js": require.resolve("axe-core/axe.min.js") };
  const s = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = files[url] ?? path.join(dir, path.normalize(url).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) && !files[url]) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, data) => {
      if (error) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(data);
    });
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

function build(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, "build.js"), dir],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => (error ? reject(new Error(`building the add-in for the browser test failed:\n${stderr}`)) : resolve()),
    );
  });
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}; install it with \`npm run test:deps\` (apt-get install --no-install-recommends chromium), or set KA_CHROMIUM`,
    );
  }
  out = fs.mkdtempSync(path.join(os.tmpdir(), "ka-planner-pane-"));
  fs.mkdirSync(SHOTS, { recursive: true });
  const launching = chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
  await build(out);
  server = await serve(out);
  const address = server.address() as { port: number };
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launching;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

/** A page of the pane, at the pane's width, with office.js answered by the double ("double"), or failing ("offline"). */
interface Pane {
  page: Page;
  context: BrowserContext;
  /** Requests other than the add-in's files and office.js (must stay empty). */
  foreign: string[];
  /** Page errors and console errors. */
  errors: string[];
}

async function openPane(office: "double" | "offline", config: DoubleConfig = {}, locale = "en-US"): Promise<Pane> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  const double = fs.readFileSync(path.join(out, "office-double.js"), "utf8");
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (url.startsWith(OFFICE_JS)) {
      if (office === "offline") return route.abort("internetdisconnected");
      return route.fulfill({ contentType: "text/javascript", body: `window.__KA_DOUBLE_CONFIG__ = ${JSON.stringify(config)};\n${double}` });
    }
    foreign.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("pageerror", (e) => errors.push(`page error: ${e.stack ?? e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${origin}/taskpane.html`);
  return { page, context, foreign, errors };
}

async function axeViolations(page: Page): Promise<string[]> {
  // Fluent's enter animations fade messages in: contrast is judged once they are finished.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: "/axe.min.js" });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: unknown,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The workbook as the double holds it: sheet names, and the cells of a sheet as [row, col, value, formula]. */
const sheetNames = (page: Page) => page.evaluate(() => window.__double!.excel.sheets.map((s) => s.name));
const cellsOf = (page: Page, sheet: string) =>
  page.evaluate((name) => {
    const s = window.__double!.excel.sheets.find((x) => x.name === name);
    if (!s) return null;
    return [...s.cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, c]) => [Math.floor(k / 16384), k % 16384, c.value, c.formula ?? null] as [number, number, unknown, string | null]);
  }, sheet);
const activeSheet = (page: Page) =>
  page.evaluate(() => window.__double!.excel.sheets.find((s) => s.id === window.__double!.excel.activeSheetId)?.name);
const callsTo = (page: Page, api: string) => page.evaluate((a) => window.__double!.calls.filter((c) => c.api === a), api);

async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.KA_UPDATE_DOCS === "1" && /^taskpane-(en|zh)$/.test(name)) fs.copyFileSync(file, path.join(ROOT, "docs", `${name}.png`));
}

function finish(pane: Pane, allowed: RegExp[] = []): void {
  expect(pane.foreign).toEqual([]);
  expect(pane.errors.filter((e) => !allowed.some((a) => a.test(e)))).toEqual([]);
}

/* ------------------------------------------------------------------ the data behind the double */

/** Per customer: total of a sales column ("Sales 2025", the one the test maps, by default), and the tier-A customers by it. */
function expected(column = SALES_HEADERS.indexOf("Sales 2025")) {
  const rows = salesRows();
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r[0] as string, (totals.get(r[0] as string) ?? 0) + (r[column] as number));
  const tiers = tierFormula(
    rows.map((r) => [r[column]]),
    rows.map((r) => [r[0]]),
  );
  const first = [...new Set(rows.filter((_r, i) => tiers[i][0] === "A").map((r) => r[0] as string))];
  return { totals, first };
}

/* ------------------------------------------------------------------ tests */

describe("task pane in Chromium", () => {
  test("the planner's path: find the table, correct a column, build the 80/20 sheet and the first-tier plans, switch to Chinese", async () => {
    const pane = await openPane("double");
    const { page } = pane;
    const { totals, first } = expected();
    expect(first.length).toBeGreaterThan(1);
    expect(first.length).toBeLessThan(totals.size);

    // Keyboard alone reaches "Find the sales table" and presses it.
    const find = page.getByRole("button", { name: "Find the sales table" });
    await find.waitFor();
    for (let i = 0; i < 12 && !(await find.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(find.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const userSheetBefore = await cellsOf(page, "Sales");
    await page.keyboard.press("Enter");

    // The table around the selection, its size, and the proposed mapping.
    const summary = page.getByTestId("table-summary");
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toContain("30 rows × 10 columns");
    await expect(summary.innerText()).resolves.toContain("A1:J31");
    const role = (header: string) => page.getByLabel(header, { exact: false }).and(page.locator("select"));
    await expect(role("Customer").inputValue()).resolves.toBe("customer");
    await expect(role("Sales 2024").inputValue()).resolves.toBe("revenue");
    await expect(role("Sales 2025").inputValue()).resolves.toBe("");
    await expect(role("Gross profit").inputValue()).resolves.toBe("profit");

    // Correct one mapping, by keyboard: revenue is this year's column.
    const focusByTab = async (target: ReturnType<typeof page.locator>) => {
      for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
      await expect(target.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    };
    await focusByTab(role("Sales 2025"));
    await page.keyboard.type("Rev");
    await expect(role("Sales 2025").inputValue()).resolves.toBe("revenue");
    await expect(role("Sales 2024").inputValue()).resolves.toBe("");
    await page.getByRole("button", { name: /What will be read/ }).click();
    const preview = page.getByTestId("preview");
    await expect(preview.innerText()).resolves.toMatch(/Revenue\s+Sales 2025\s+40,500 · 24,300 · 16,200/);
    await expect(page.getByTestId("tier-rule").innerText()).resolves.toContain(
      "tier A is the smallest group of top customers that together reach 80%",
    );
    expect(await axeViolations(page)).toEqual([]);

    // The 80/20 contribution sheet, by keyboard too.
    await focusByTab(page.getByRole("button", { name: "80/20 contribution" }));
    await page.keyboard.press("Enter");
    const outcome = page.getByTestId("outcome");
    await outcome.waitFor();
    await expect(outcome.innerText()).resolves.toContain("Created 1 sheet");
    const contribution = text("en", "sheet.contribution.sheetName");
    expect(await sheetNames(page)).toEqual(["Sales", "Notes", contribution]);
    expect(await activeSheet(page)).toBe(contribution);
    await expect(outcome.innerText()).resolves.toContain(contribution);
    const cells = (await cellsOf(page, contribution))!;
    for (const [customer, total] of totals) {
      const row = cells.find(([, , v]) => v === customer)?.[0];
      expect({ customer, found: row !== undefined && cells.some(([r, , v]) => r === row && v === total) }).toEqual({
        customer,
        found: true,
      });
    }
    expect(cells.some(([, , , f]) => f !== null && /SUM|COUNTIF|IF\(/.test(f))).toBe(true);
    // Saved with the workbook, and the user's cells untouched.
    const saved = await page.evaluate(
      () => window.__double!.office.savedSettings.get("kaPlanner.state") as { mapping: Record<string, unknown> },
    );
    expect(saved.mapping.revenue).toBe(3);
    expect(await cellsOf(page, "Sales")).toEqual(userSheetBefore);

    // Plans for every first-tier account.
    await page.getByRole("button", { name: "Account plans" }).click();
    await page.getByTestId("outcome").getByText(`Created ${first.length} sheets`).waitFor();
    const plans = first.map((name) => text("en", "sheet.plan.sheetName", { name }));
    expect(await sheetNames(page)).toEqual(["Sales", "Notes", contribution, ...plans]);
    for (const name of plans) await expect(page.getByTestId("outcome").getByText(name, { exact: true }).count()).resolves.toBe(1);
    expect(await cellsOf(page, "Sales")).toEqual(userSheetBefore);
    expect(await cellsOf(page, "Notes")).toEqual([
      [0, 0, "Planning notes", null],
      [1, 0, "Data from the CRM export", null],
    ]);
    // Every workbook call went through Excel.run; settings were read and saved.
    expect((await callsTo(page, "Excel.run")).length).toBeGreaterThanOrEqual(3);
    expect((await callsTo(page, "Office.context.document.settings.saveAsync")).length).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: /What will be read/ }).click(); // folded again for the screenshot
    await screenshot(page, "taskpane-en");

    // Chinese, by the switch: the pane and (not chosen otherwise) the new sheets' language.
    await page.getByLabel("Language").selectOption("zh");
    await page.getByRole("heading", { name: "销售数据" }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("zh-CN");
    await expect(page.getByTestId("tier-rule").innerText()).resolves.toContain("合计达到总额 80% 的最少头部客户");
    await page.getByRole("button", { name: "二八贡献分析" }).click();
    await page.getByTestId("outcome").getByText("已生成 1 个工作表").waitFor();
    expect((await sheetNames(page)).slice(-1)).toEqual([text("zh", "sheet.contribution.sheetName")]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "taskpane-zh");

    finish(pane);
    await pane.context.close();
  });

  test("follows Office's display language and dark theme, and stays accessible", async () => {
    const pane = await openPane("double", { displayLanguage: "zh-CN", theme: "dark", asTable: true });
    const { page } = pane;
    await page.getByRole("button", { name: "查找销售数据表" }).click();
    await expect(page.getByTestId("table-summary").innerText()).resolves.toContain("Excel 表格 SalesData");
    const background = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await page.getByRole("button", { name: /更多/ }).click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "taskpane-zh-dark");
    finish(pane);
    await pane.context.close();
  });

  test("next time: the mapping and settings saved with the workbook are offered again, and a ribbon command's failure is shown", async () => {
    const state = {
      version: 1,
      tableAddress: "Sales!A1:J31",
      headers: SALES_HEADERS,
      mapping: { customer: 0, revenue: 3, profit: 4, date: 1 },
      settings: { scheme: "KIG", measure: "profit", locale: "en", mode: "live", plans: { top: 3 } },
    };
    const failure = {
      command: "buildContributionSheet",
      kind: "noTable",
      messageKey: "taskpane.error.noTableAtSelection",
      args: { cell: "Notes!E20" },
      at: "2025-01-01T00:00:00.000Z",
    };
    const pane = await openPane("double", { settings: { "kaPlanner.state": state, "kaPlanner.lastCommandError": failure } });
    const { page } = pane;
    // Found at start-up, with the saved columns and settings.
    await page.getByText("Using the columns saved with this workbook.").waitFor();
    await expect(page.getByLabel("Sales 2025").inputValue()).resolves.toBe("revenue");
    await expect(page.getByLabel("Sales 2024").inputValue()).resolves.toBe("");
    await expect(page.getByLabel("Tier scheme").inputValue()).resolves.toBe("KIG");
    await expect(page.getByRole("radio", { name: "Profit" }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("radio", { name: "The top accounts by value" }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("How many accounts").inputValue()).resolves.toBe("3");
    await expect(page.getByTestId("tier-rule").innerText()).resolves.toContain(
      "tier Key is the smallest group of top customers that together reach 64%",
    );
    // The ribbon's 80/20 button failed earlier: said once, then cleared from the workbook.
    const error = page.getByTestId("error");
    await expect(error.innerText()).resolves.toContain(text("en", "taskpane.error.noTableAtSelection", { cell: "Notes!E20" }));
    await expect(page.evaluate(() => window.__double!.office.settings.has("kaPlanner.lastCommandError"))).resolves.toBe(false);
    await page.getByRole("button", { name: "Propose again" }).click();
    await expect(page.getByLabel("Sales 2024").inputValue()).resolves.toBe("revenue");
    expect(await axeViolations(page)).toEqual([]);
    finish(pane);
    await pane.context.close();
  });

  test("long work shows progress and can be cancelled between sheets; nothing half-written is left", async () => {
    const pane = await openPane("double", { syncDelayMs: 50, holdAfterSheets: 1 });
    const { page } = pane;
    await page.getByRole("button", { name: "Find the sales table" }).click();
    await page.getByTestId("table-summary").waitFor();
    await page.getByRole("button", { name: "Create all sheets" }).click();
    const progress = page.getByTestId("progress");
    // All sheets with the proposed mapping (revenue: Sales 2024): 80/20, matrix, a plan per tier-A account, risk.
    const total = 3 + expected(SALES_HEADERS.indexOf("Sales 2024")).first.length;
    // The double holds the workbook's syncs once the first sheet is complete: the pane shows it done.
    await progress.getByText(`(1 of ${total} done)`, { exact: false }).waitFor();
    await expect(page.getByRole("progressbar").count()).resolves.toBe(1);
    // Everything else waits while the work runs.
    await expect(page.getByRole("button", { name: "80/20 contribution" }).isDisabled()).resolves.toBe(true);
    // The ribbon's 80/20 button meanwhile: one run at a time, so it starts nothing and the pane says why.
    const completed = await page.evaluate(async () => {
      let n = 0;
      await window.__double!.office.associated.get("buildContributionSheet")!({
        completed: () => {
          n++;
        },
      });
      return n;
    });
    expect(completed).toBe(1);
    await expect(page.getByTestId("error").innerText()).resolves.toContain(text("en", "taskpane.error.runInProgress"));
    await expect(page.evaluate(() => window.__double!.office.settings.has("kaPlanner.lastCommandError"))).resolves.toBe(false);
    await progress.getByRole("button", { name: "Cancel" }).click();
    await progress.getByText("Stopping after the current sheet…").waitFor();
    await page.evaluate(() => window.__double!.release());
    const outcome = page.getByTestId("outcome");
    await outcome.getByText(/^Cancelled/).waitFor();
    await expect(progress.count()).resolves.toBe(0);
    const names = await sheetNames(page);
    const created = names.slice(2);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created.length).toBeLessThan(total);
    // Only complete sheets: each is listed by the pane, none has a temporary or "incomplete" name.
    for (const name of created) await expect(outcome.getByText(name, { exact: true }).count()).resolves.toBe(1);
    expect(names.filter((n) => /incomplete|未完成|~|tmp/i.test(n))).toEqual([]);
    finish(pane);
    await pane.context.close();
  });

  test("errors in plain language: no table at the selection, a protected workbook", async () => {
    const empty = await openPane("double", { select: ["Notes", "E20"] });
    await empty.page.getByRole("button", { name: "Find the sales table" }).click();
    const error = empty.page.getByTestId("error");
    await expect(error.innerText()).resolves.toContain(text("en", "taskpane.errorTitle.noTable"));
    await expect(error.innerText()).resolves.toContain("Click a cell inside your sales table");
    expect(await axeViolations(empty.page)).toEqual([]);
    finish(empty);
    await empty.context.close();

    const locked = await openPane("double", { protectWorkbook: true });
    const { page } = locked;
    const before = await sheetNames(page);
    await page.getByRole("button", { name: "Find the sales table" }).click();
    await page.getByRole("button", { name: "80/20 contribution" }).click();
    const message = await page.getByTestId("error").innerText();
    expect(message).toContain(text("en", "taskpane.errorTitle.protected"));
    expect(message).toContain("Review › Protect Workbook");
    expect(message).not.toMatch(/\n\s+at |Error:|RichApi|InvalidOperation/);
    expect(await sheetNames(page)).toEqual(before);
    finish(locked);
    await locked.context.close();
  });

  test("the tier column: a KA.TIER formula beside the data (or its labels as values), nothing else changed", async () => {
    const pane = await openPane("double");
    const { page } = pane;
    await page.getByRole("button", { name: "Find the sales table" }).click();
    await page.getByRole("button", { name: "Add a tier column to the data" }).click();
    await page.getByTestId("outcome").getByText("Tier column added").waitFor();
    const cells = (await cellsOf(page, "Sales"))!;
    const added = cells.filter(([, c]) => c === 10);
    expect(added[0]).toEqual([0, 10, expect.any(String), null]);
    expect(added[1][3]).toMatch(/^=KA\.TIER\(/);
    expect(cells.filter(([, c]) => c > 10)).toEqual([]);
    await expect(page.getByTestId("outcome").innerText()).resolves.toMatch(/In K1:K\d+/);

    await page.getByLabel("Insert values instead of a formula").check();
    await page.getByRole("button", { name: "Add a tier column to the data" }).click();
    await page
      .getByTestId("outcome")
      .getByText(/In L1:L31/)
      .waitFor();
    const values = (await cellsOf(page, "Sales"))!.filter(([, c]) => c === 11);
    expect(values).toHaveLength(31);
    expect(values.slice(1).every(([, , v, f]) => ["A", "B", "C"].includes(v as string) && f === null)).toBe(true);
    finish(pane);
    await pane.context.close();
  });

  test("outside Excel: without office.js, and when Office reports no host, the pane says to open it in Excel", async () => {
    const offline = await openPane("offline");
    await expect(offline.page.getByTestId("host-message").innerText()).resolves.toContain("Open KA Planner in Excel");
    expect(await axeViolations(offline.page)).toEqual([]);
    // Without office.js the custom-functions bundle of the shared page cannot register (no CustomFunctions).
    finish(offline, [/internetdisconnected|ERR_INTERNET_DISCONNECTED/i, /CustomFunctions is not defined/]);
    await offline.context.close();

    const browserOnly = await openPane("double", { host: null });
    await expect(browserOnly.page.getByTestId("host-message").innerText()).resolves.toContain("Open this pane in Excel");
    await expect(browserOnly.page.getByRole("button", { name: "Find the sales table" }).count()).resolves.toBe(0);
    expect(await callsTo(browserOnly.page, "Excel.run")).toEqual([]);
    finish(browserOnly);
    await browserOnly.context.close();
  });

  test("an older Excel: the missing feature is named at start-up", async () => {
    const pane = await openPane("double", { apiVersion: "1.3" });
    const message = pane.page.getByTestId("host-message");
    await expect(message.innerText()).resolves.toContain("This version of Excel is too old for KA Planner");
    await expect(message.innerText()).resolves.toContain(text("en", "taskpane.requirement.pane"));
    await expect(message.innerText()).resolves.toContain("ExcelApi 1.4");
    expect(await callsTo(pane.page, "Excel.run")).toEqual([]);
    finish(pane);
    await pane.context.close();
  });
});

describe("help pages in Chromium", () => {
  test("every function's page in both languages, the indexes and the privacy and terms pages load with no error, no foreign request and no serious axe finding", async () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8")) as {
      functions: { id: string; name: string; helpUrl: string }[];
    };
    const zhMetadata = JSON.parse(fs.readFileSync(path.join(out, "functions.zh-cn.json"), "utf8")) as {
      functions: { id: string; helpUrl: string }[];
    };
    const urls = ["/help/index.html", "/help/zh-cn/index.html", "/help/privacy.html", "/help/terms.html"];
    // The metadata's help URLs (dev server) name the pages the build wrote.
    for (const fn of [...metadata.functions, ...zhMetadata.functions]) urls.push(new URL(fn.helpUrl).pathname);
    expect(urls.length).toBe(4 + 2 * metadata.functions.length);
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    // axe is a script, which the pages' CSP refuses: it runs in a second context that bypasses it.
    const axeContext = await browser.newContext({ viewport: { width: 800, height: 900 }, bypassCSP: true });
    const foreign: string[] = [];
    const errors: string[] = [];
    for (const c of [context, axeContext]) {
      await c.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(`${origin}/`)) return route.continue();
        foreign.push(url);
        return route.abort("blockedbyclient");
      });
    }
    const page = await context.newPage();
    const axePage = await axeContext.newPage();
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    for (const url of urls) {
      const response = await page.goto(`${origin}${url}`);
      expect([url, response?.status()]).toEqual([url, 200]);
      const heading = await page.locator("h1").first().textContent();
      expect(heading?.length).toBeGreaterThan(0);
      await axePage.goto(`${origin}${url}`);
      expect([url, await axeViolations(axePage)]).toEqual([url, []]);
    }
    const tier = metadata.functions.find((f) => f.id === "TIER")!;
    await page.goto(`${origin}${new URL(tier.helpUrl).pathname}`);
    expect(await page.locator("h1").textContent()).toBe(`KA.${tier.name}`);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
    await axeContext.close();
  });
});
