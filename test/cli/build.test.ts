/**
 * `ka-planner build`: the generated worksheets as an .xlsx file, read back with ExcelJS.
 *
 * Fixture test/fixtures/build/accounts.csv (20 order lines, 11 customers), revenue by customer:
 *   Acme Corp 5000, Globex 3000, "=1+1" 2500, Initech 1500, "+SUM(A1)" 800, "-2+3" 600,
 *   "@A1" 400, Hooli 300, Umbrella 200, Stark Industries 100, Wayne Enterprises -150 (returns).
 * Positive total 14,400. ABC 80/95: the share above Initech is 10,500/14,400 = 72.9% < 80%, the
 * share above "+SUM(A1)" is 12,000/14,400 = 83.3%: tier A = Acme, Globex, "=1+1", Initech.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { buildCommand, BuildOptions, runBuild } from "../../src/cli/commands/build";
import { readTable } from "../../src/cli/input/read-table";
import { bufferIo, Io } from "../../src/cli/io";
import { Progress } from "../../src/cli/output/progress";
import { validSheetName } from "../../src/render/xlsx";
import { isFormula } from "../../src/sheets/model";
import { cli, fixture, tempDir } from "./helpers";

const ACCOUNTS = fixture("build/accounts.csv");
const TIER_A = ["Acme Corp", "Globex", "=1+1", "Initech"];
const INJECTED = ["=1+1", "+SUM(A1)", "-2+3", "@A1"];
const TODAY = "2025-07-01";

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** In-process build with a fixed date; the io keeps what was printed. */
async function build(file: string, options: BuildOptions, env: Parameters<typeof buildCommand>[3] = {}) {
  const io = bufferIo();
  const code = await buildCommand(file, options, io, { today: TODAY, ...env });
  return { code, out: io.out(), err: io.err() };
}

/** The last line printed (the error comes after the notes on the columns used). */
const lastLine = (s: string) => s.trimEnd().split("\n").pop();

const visibleNames = (wb: ExcelJS.Workbook) => wb.worksheets.filter((w) => w.state !== "hidden").map((w) => w.name);

function allFormulas(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.type === ExcelJS.ValueType.Formula) out.push(c.formula);
    }),
  );
  return out;
}

function cellsWithValue(ws: ExcelJS.Worksheet, value: string): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.value === value) out.push(c);
    }),
  );
  return out;
}

describe("ka-planner build: the workbook", () => {
  let dir: string;
  let file: string;
  let wb: ExcelJS.Workbook;
  let run: { code: number; out: string; err: string };

  beforeAll(async () => {
    dir = tempDir();
    file = path.join(dir, "accounts.xlsx");
    run = await cli("build", ACCOUNTS, "--out", file);
    wb = await load(file);
  });

  test("exit 0; the sheets in order: contribution, matrix, one plan per first-tier account, risk register", () => {
    expect(run.err).not.toMatch(/ka-planner:/);
    expect(run.code).toBe(0);
    expect(visibleNames(wb)).toEqual([
      "80-20 contribution",
      "Portfolio matrix",
      ...TIER_A.map((n) => validSheetName(`Plan – ${n}`)),
      "Risk register",
    ]);
  });

  test("sheet names are valid and unique (case-insensitively)", () => {
    const names = wb.worksheets.map((w) => w.name);
    for (const n of names) {
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
      expect(n).not.toMatch(/^'|'$/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  test("each plan sheet is about its account; the risk register lists the same accounts", () => {
    TIER_A.forEach((name, i) => {
      const ws = wb.worksheets[2 + i];
      expect(ws.getCell("A1").text).toContain(name);
    });
    // The register has one section per account, headed "1. Acme Corp", "2. Globex", …
    const risk = wb.getWorksheet("Risk register")!;
    TIER_A.forEach((name, i) => expect(cellsWithValue(risk, `${i + 1}. ${name}`).length).toBeGreaterThan(0));
    expect(cellsWithValue(risk, "5. +SUM(A1)")).toHaveLength(0);
  });

  test("portable mode: native formulas only (no KA.* functions), with cached results, and the Pareto chart", async () => {
    for (const ws of wb.worksheets) for (const f of allFormulas(ws)) expect(f).not.toMatch(/\bKA\./);
    const contribution = wb.getWorksheet("80-20 contribution")!;
    const formulas = allFormulas(contribution);
    // Every formula of the sheet model, and only those, is in the file.
    const model = await runBuild(await readTable(ACCOUNTS), { out: path.join(tempDir(), "model.xlsx") }, bufferIo(), {
      today: TODAY,
      summary: false,
    });
    const modelFormulas = model.sheets[0].blocks.flatMap((b) => b.cells.flat()).filter(isFormula);
    expect([...formulas].sort()).toEqual(modelFormulas.map((c) => c.f).sort());
    // Cached results are there for viewers that do not calculate: the engine's value of each.
    let cached = 0;
    contribution.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula && c.result !== undefined) cached++;
      }),
    );
    expect(cached).toBe(modelFormulas.filter((c) => c.v !== null).length);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(2); // Pareto + portfolio matrix
    expect(model.sheets.filter((s) => (s.charts?.length ?? 0) > 0).map((s) => [s.key, s.charts?.length])).toEqual([
      ["contribution", 1],
      ["matrix", 1],
    ]);
  });

  test("customer names starting with =, +, - and @ are text cells, never formulas", () => {
    const contribution = wb.getWorksheet("80-20 contribution")!;
    for (const name of INJECTED) {
      const cells = cellsWithValue(contribution, name);
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect(c.type).toBe(ExcelJS.ValueType.String);
    }
    const plan = wb.worksheets[2 + TIER_A.indexOf("=1+1")];
    expect(plan.name).toBe("Plan – =1+1");
    const cells = cellsWithValue(plan, "=1+1");
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.type).toBe(ExcelJS.ValueType.String);
    for (const ws of wb.worksheets) for (const f of allFormulas(ws)) expect(INJECTED.map((s) => s.slice(1))).not.toContain(f);
  });

  test("the summary names the file, the sheets and the counts; the columns used go to stderr", () => {
    expect(run.out).toContain(`Wrote ${file}`);
    expect(run.out).toMatch(/\b7 sheets\b/);
    expect(run.out).toContain("80-20 contribution: 80/20 contribution of 10 customers by Revenue, 4 in tier A");
    expect(run.out).toContain("4 key account plans (tier A): Plan – Acme Corp … Plan – Initech");
    expect(run.out).toContain("Risk register: risk register of the 4 planned accounts");
    expect(run.err).toContain('customer = column "Customer" (A); revenue (tiers) = column "Revenue" (C); profit = column "Profit" (D)');
    expect(run.err).toContain('attractiveness criteria = column "Market Growth" (J), column "Strategic Fit" (K)');
    expect(run.err).toContain('strength criteria = column "Share of Wallet" (L), column "Relationship" (M)');
    expect(run.err).not.toContain("\r"); // no progress bar when stderr is not a terminal
  });
});

describe("ka-planner build: --out is never overwritten by accident, and written atomically", () => {
  test("an existing --out file: exit 2, a clear message, the file untouched; --force replaces it", async () => {
    const dir = tempDir();
    const out = path.join(dir, "report.xlsx");
    fs.writeFileSync(out, "old content");
    const before = fs.statSync(out).mtimeMs;
    const r = await cli("build", ACCOUNTS, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`ka-planner: ${out} already exists; use --force to overwrite it.\n`);
    expect(fs.readFileSync(out, "utf8")).toBe("old content");
    expect(fs.statSync(out).mtimeMs).toBe(before);
    const forced = await cli("build", ACCOUNTS, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(fs.readdirSync(dir)).toEqual(["report.xlsx"]);
  });

  test("a failure in the middle of writing leaves no partial file and the old file intact", async () => {
    const dir = tempDir();
    const out = path.join(dir, "report.xlsx");
    fs.writeFileSync(out, "old content");
    let temp = "";
    const halfThenFail = (tempPath: string, data: Uint8Array): Promise<void> => {
      temp = tempPath;
      fs.writeFileSync(tempPath, data.subarray(0, data.length >> 1));
      const e = new Error("no space left on device") as NodeJS.ErrnoException;
      e.code = "ENOSPC";
      return Promise.reject(e);
    };
    const r = await build(ACCOUNTS, { out, force: true }, { writeTemp: halfThenFail });
    expect(r.code).toBe(2);
    expect(lastLine(r.err)).toBe(`ka-planner: cannot write ${out} (ENOSPC: no space left on device); no file was written.`);
    expect(path.dirname(temp)).toBe(dir); // the temporary file was next to the target…
    expect(fs.readdirSync(dir)).toEqual(["report.xlsx"]); // …and is gone
    expect(fs.readFileSync(out, "utf8")).toBe("old content");

    // Without an old file: no file at all.
    const fresh = path.join(dir, "new.xlsx");
    const r2 = await build(ACCOUNTS, { out: fresh }, { writeTemp: halfThenFail });
    expect(r2.code).toBe(2);
    expect(fs.existsSync(fresh)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(["report.xlsx"]);
  });

  test("a failing workbook writer leaves nothing behind either (exit 1: a bug, not bad input)", async () => {
    const dir = tempDir();
    const out = path.join(dir, "report.xlsx");
    const r = await build(ACCOUNTS, { out }, { writeWorkbook: async () => Promise.reject(new Error("renderer exploded")) });
    expect(r.code).toBe(1);
    expect(r.err).toContain("renderer exploded");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("a folder that cannot be created (a file is in the way): exit 2 naming the file", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "blocker"), "x");
    const out = path.join(dir, "blocker", "report.xlsx");
    const r = await cli("build", ACCOUNTS, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(`^ka-planner: cannot write ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(.*\\); no file was written\\.\\n$`),
    );
    expect(fs.readdirSync(dir)).toEqual(["blocker"]);
  });

  test("a missing folder is created", async () => {
    const out = path.join(tempDir(), "reports", "2025", "ka.xlsx");
    const r = await cli("build", ACCOUNTS, "--out", out);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });

  test("--out must be an .xlsx file, not a folder and not the input file (even with --force)", async () => {
    const dir = tempDir();
    expect((await cli("build", ACCOUNTS, "--out", path.join(dir, "report.csv"))).err).toMatch(/the workbook must be an \.xlsx file/);
    fs.mkdirSync(path.join(dir, "folder.xlsx"));
    const folder = await cli("build", ACCOUNTS, "--out", path.join(dir, "folder.xlsx"), "--force");
    expect(folder.code).toBe(2);
    expect(folder.err).toMatch(/is a folder; give a file name ending in \.xlsx/);
    const input = path.join(dir, "input.xlsx");
    fs.copyFileSync(path.join(tempDirWithWorkbook(), "accounts.xlsx"), input);
    const same = await cli("build", input, "--out", input, "--force");
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/is the input file/);
    const missing = await cli("build", ACCOUNTS);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--out/);
  });
});

let workbookDir: string | undefined;
/** A folder holding accounts.xlsx: the fixture as a workbook with real dates and numbers. */
function tempDirWithWorkbook(): string {
  if (!workbookDir) throw new Error("workbook fixture not created");
  return workbookDir;
}

beforeAll(async () => {
  workbookDir = tempDir();
  const table = await readTable(ACCOUNTS);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sales");
  ws.addRow(["Sales 2025 (title row)"]);
  ws.addRow(table.headers);
  for (let i = 0; i < table.rowCount; i++) {
    ws.addRow(
      table.columns.map((col, c) => {
        const v = String(col[i]);
        if (table.headers[c] === "Date") return new Date(`${v}T00:00:00Z`);
        return c === 0 || /^[A-Za-z]/.test(v) ? v : Number(v);
      }),
    );
  }
  await wb.xlsx.writeFile(path.join(workbookDir, "accounts.xlsx"));
});

describe("ka-planner build: --plans", () => {
  const sheetsOf = async (...args: string[]) => {
    const file = path.join(tempDir(), "p.xlsx");
    const r = await cli("build", ACCOUNTS, "--out", file, ...args);
    return { ...r, names: r.code === 0 ? visibleNames(await load(file)) : [], file };
  };

  test("top:2: the two largest accounts, in ranking order", async () => {
    const r = await sheetsOf("--plans", "top:2");
    expect(r.code).toBe(0);
    expect(r.names).toEqual(["80-20 contribution", "Portfolio matrix", "Plan – Acme Corp", "Plan – Globex", "Risk register"]);
    // The summary names the selection and the sheets written (size and seconds vary).
    expect(r.out.replace(/\(\d[^,]*, 5 sheets, [\d.]+ s\)/, "(…, 5 sheets, … s)")).toBe(
      [
        `Wrote ${r.file} (…, 5 sheets, … s):`,
        "  80-20 contribution: 80/20 contribution of 10 customers by Revenue, 4 in tier A",
        "  Portfolio matrix: customer portfolio matrix",
        "  2 key account plans (top 2 by Revenue): Plan – Acme Corp … Plan – Globex",
        "  Risk register: risk register of the 2 planned accounts",
        "",
      ].join("\n"),
    );
  });

  test("names: the named accounts in the given order, matched as customers are grouped (case, spaces)", async () => {
    const r = await sheetsOf("--plans", " hooli ;@A1;HOOLI; Stark Industries");
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/warning/);
    expect(r.names).toEqual([
      "80-20 contribution",
      "Portfolio matrix",
      "Plan – Hooli",
      "Plan – @A1",
      "Plan – Stark Industries",
      "Risk register",
    ]);
  });

  test("unknown names are reported; the known ones are planned", async () => {
    const r = await sheetsOf("--plans", "Globex;Nobody Ltd;Ghost Co");
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: --plans: no customer named "Nobody Ltd", "Ghost Co"; planning the 1 others.');
    expect(r.names).toEqual(["80-20 contribution", "Portfolio matrix", "Plan – Globex", "Risk register"]);
  });

  test("no name matches: exit 2 and no file", async () => {
    const r = await sheetsOf("--plans", "Nobody Ltd;Ghost Co");
    expect(r.code).toBe(2);
    expect(lastLine(r.err)).toBe(`ka-planner: ${ACCOUNTS}: --plans: no customer named "Nobody Ltd", "Ghost Co".`);
    expect(fs.existsSync(r.file)).toBe(false);
  });

  test("bad --plans values: exit 2 before reading the file", async () => {
    for (const bad of ["top:0", "top:x", " ; "]) {
      const r = await sheetsOf("--plans", bad);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--plans must be first-tier, top:N (N from 1) or customer names separated by ';', not "${bad}".`);
    }
  });
});

describe("ka-planner build --live", () => {
  let wb: ExcelJS.Workbook;
  let run: { code: number; out: string; err: string };

  beforeAll(async () => {
    const out = path.join(tempDir(), "live.xlsx");
    run = await cli("build", path.join(tempDirWithWorkbook(), "accounts.xlsx"), "--out", out, "--live");
    wb = await load(out);
  });

  test("a Data sheet after the generated ones holds the source table (title row dropped), dates as dates", () => {
    expect(run.code).toBe(0);
    expect(visibleNames(wb)).toEqual([
      "80-20 contribution",
      "Portfolio matrix",
      ...TIER_A.map((n) => `Plan – ${n}`),
      "Risk register",
      "Data",
    ]);
    const data = wb.getWorksheet("Data")!;
    expect(data.getRow(1).values).toEqual([
      undefined,
      "Customer",
      "Date",
      "Revenue",
      "Profit",
      "Sales Hours",
      "Satisfaction",
      "Credit Rating",
      "Region",
      "KA Manager",
      "Market Growth",
      "Strategic Fit",
      "Share of Wallet",
      "Relationship",
    ]);
    expect(data.rowCount).toBe(21);
    expect(data.getCell("A2").value).toBe("Acme Corp");
    expect(data.getCell("B2").value).toEqual(new Date("2025-01-10T00:00:00Z"));
    expect(data.getCell("C2").value).toBe(2000);
    expect(data.getCell("C21").value).toBe(-400);
    for (const name of INJECTED) {
      const cells = cellsWithValue(data, name);
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect(c.type).toBe(ExcelJS.ValueType.String);
    }
    expect(run.out).toContain("Data: the source table, 20 rows");
    expect(run.out).toContain("Live: the KA.* formulas calculate in Excel");
  });

  test("the sheets use KA.* formulas over the Data sheet's ranges", () => {
    const contribution = allFormulas(wb.getWorksheet("80-20 contribution")!);
    expect(contribution.some((f) => f.startsWith("KA.PARETO('Data'!$A$2:$A$21,'Data'!$C$2:$C$21,"))).toBe(true);
    expect(contribution.some((f) => f.startsWith("KA.CONCENTRATION('Data'!$C$2:$C$21,'Data'!$A$2:$A$21,"))).toBe(true);
    expect(allFormulas(wb.getWorksheet("Portfolio matrix")!).some((f) => /KA\.(SCORE|MATRIX)\(/.test(f))).toBe(true);
    expect(allFormulas(wb.getWorksheet("Plan – Acme Corp")!).some((f) => f.includes("KA.CHURN("))).toBe(true);
    expect(allFormulas(wb.getWorksheet("Risk register")!).some((f) => f.includes("KA.RISK("))).toBe(true);
  });

  test("--measure profit: the live value range is the profit column", async () => {
    const out = path.join(tempDir(), "live-profit.xlsx");
    const r = await cli("build", ACCOUNTS, "--out", out, "--live", "--measure", "profit");
    expect(r.code).toBe(0);
    expect(r.err).toContain('profit (tiers) = column "Profit" (D)');
    const formulas = allFormulas((await load(out)).getWorksheet("80-20 contribution")!);
    expect(formulas.some((f) => f.startsWith("KA.PARETO('Data'!$A$2:$A$21,'Data'!$D$2:$D$21,"))).toBe(true);
  });
});

describe("ka-planner build: errors name the file, column and row (exit 2)", () => {
  const csv = (edit: (rows: string[][]) => void): string => {
    const rows = fs
      .readFileSync(ACCOUNTS, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => l.split(","));
    edit(rows);
    const p = path.join(tempDir(), "bad.csv");
    fs.writeFileSync(p, rows.map((r) => r.join(",")).join("\n"));
    return p;
  };
  const buildErr = async (file: string, ...args: string[]) => {
    const out = path.join(tempDir(), "x.xlsx");
    const r = await cli("build", file, "--out", out, ...args);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    return r.err;
  };

  test.each([
    ["Profit", 3, "abc", 'column "Profit" (D), row 6: "abc" is not a number.'],
    ["Sales Hours", 4, "lots", 'column "Sales Hours" (E), row 5: "lots" is not a number.'],
    ["Satisfaction", 5, "7", 'column "Satisfaction" (F), row 12: "7" is not a satisfaction level (1-5 or a level name).'],
    // The engine re-reads a non-level text alone (reporting row 1); the command line finds its row.
    ["Satisfaction", 5, "good", 'column "Satisfaction" (F), row 8: "good" is not'],
    ["Strategic Fit", 10, "#N/A", 'column "Strategic Fit" (K), row 3: the cell holds the error #N/A.'],
    ["Credit Rating", 6, "#REF!", 'column "Credit Rating" (G), row 4: the cell holds the error #REF!.'],
  ])("a bad %s cell", async (_column, col, value, message) => {
    const row = Number(/row (\d+)/.exec(message)![1]);
    const file = csv((rows) => void (rows[row - 1][col] = value));
    const err = await buildErr(file);
    expect(err).toContain(`ka-planner: ${file}: ${message}`);
    expect(
      err
        .trimEnd()
        .split("\n")
        .filter((l) => l.startsWith("ka-planner:")),
    ).toHaveLength(1);
  });

  test("a bad Date cell: an error when --date names the column; found by its header, the dates are left out with a note", async () => {
    const file = csv((rows) => void (rows[8][1] = "next week"));
    const err = await buildErr(file, "--date", "Date");
    expect(err).toContain(`ka-planner: ${file}: column "Date" (B), row 9: "next week" is not a date`);
    const out = path.join(tempDir(), "x.xlsx");
    const r = await cli("build", file, "--out", out);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(r.err).toContain(
      `note: ${file}: column "Date" (B), row 9: "next week" is not a date; the date-based figures (monthly revenue, trend, recency) are left out.`,
    );
  });

  test("columns named by option; a missing or conflicting column", async () => {
    const noValue = csv((rows) => rows.forEach((r) => (r.splice(2, 2), undefined)));
    expect(await buildErr(noValue)).toMatch(/no column found for --value by its header/);
    expect(await buildErr(ACCOUNTS, "--profit", "Nope")).toMatch(
      /--profit "Nope" matches no column; the columns are A "Customer", B "Date"/,
    );
    expect(await buildErr(ACCOUNTS, "--effort", "A")).toMatch(/--effort names the customer column \(A "Customer"\)/);
    expect(await buildErr(ACCOUNTS, "--measure", "margin")).toContain('--measure must be revenue or profit, not "margin".');
  });

  test("columns by option: --value and --profit by letter, criteria by name; others still found by header", async () => {
    const out = path.join(tempDir(), "opt.xlsx");
    const r = await cli(
      "build",
      ACCOUNTS,
      "--out",
      out,
      "--value",
      "d",
      "--profit",
      "C",
      "--attractiveness",
      "Relationship; Market Growth",
      "--strength",
      "12",
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain('revenue (tiers) = column "Profit" (D); profit = column "Revenue" (C)');
    expect(r.err).toContain(
      'attractiveness criteria = column "Relationship" (M), column "Market Growth" (J); strength criteria = column "Share of Wallet" (L)',
    );
  });
});

describe("ka-planner build: progress and languages", () => {
  test("a progress bar on a terminal's stderr (Plans n/N), erased before the summary; none otherwise", async () => {
    let err = "";
    const tty = { write: (s: string) => (err += s), isTTY: true, columns: 100 };
    const io: Io = { stdout: bufferIo().stdout, stderr: tty };
    const table = await readTable(ACCOUNTS);
    await runBuild(table, { out: path.join(tempDir(), "p.xlsx") }, io, { today: TODAY });
    expect(err).toContain("\r\x1b[2KPlans 4/4 [####################]");
    // eslint-disable-next-line no-control-regex -- the terminal's erase-line sequence is what is checked
    expect(err).toMatch(/\r\x1b\[2KWriting .*p\.xlsx…/);
    expect(err.endsWith("\r\x1b[2K")).toBe(true);

    const quiet = bufferIo();
    await runBuild(table, { out: path.join(tempDir(), "q.xlsx") }, quiet, { today: TODAY });
    expect(quiet.err()).not.toMatch(/Plans|\r/);
  });

  test("Progress throttles redraws but always draws the last step", () => {
    let t = 0;
    let out = "";
    const p = Progress.on({ write: (s: string) => (out += s) }, true, () => t);
    for (let i = 1; i <= 100; i++) {
      t += 1;
      p.count("Plans", i, 100);
    }
    expect(out.match(/Plans \d+\/100/g)).toEqual(["Plans 1/100", "Plans 81/100", "Plans 100/100"]);
  });

  test("--locale zh: Chinese sheets and messages", async () => {
    const out = path.join(tempDir(), "zh.xlsx");
    const r = await cli("build", ACCOUNTS, "--out", out, "--locale", "zh", "--plans", "top:1");
    expect(r.code).toBe(0);
    expect(r.out).toContain("已写入");
    const names = visibleNames(await load(out));
    expect(names).toHaveLength(4);
    expect(names.every((n) => /[\u3400-\u9fff]/.test(n))).toBe(true);
    const again = await cli("build", ACCOUNTS, "--out", out, "--locale", "zh");
    expect(again.err).toBe(`ka-planner: ${out} 已存在；如要覆盖，请使用 --force。\n`);
  });

  test("--help lists build and its options", async () => {
    const r = await cli("build", "--help");
    expect(r.code).toBe(0);
    for (const o of ["--out <file>", "--plans <plans>", "--live", "--force", "--measure <measure>", "--attractiveness <columns>"])
      expect(r.out).toContain(o);
  });
});
