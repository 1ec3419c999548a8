import { parse } from "csv-parse/sync";
import { concentrationCommand } from "../../src/cli/commands/concentration";
import { paretoCommand } from "../../src/cli/commands/pareto";
import { tiersCommand } from "../../src/cli/commands/tiers";
import { describeError } from "../../src/cli/errors";
import { bufferIo } from "../../src/cli/io";
import { cli, fixture, tempFile } from "./helpers";

interface TierRow {
  customer: string;
  value: number;
  share: number | null;
  cumulativeShare: number | null;
  tier: string;
}

async function tiersJson(file: string, ...extra: string[]): Promise<TierRow[]> {
  const r = await cli("tiers", file, "--format", "json", ...extra);
  expect(r.err).not.toMatch(/ka-planner:/);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as TierRow[];
}

describe("tiers on a tiny hand-computed file (tiny.csv)", () => {
  // tiny.csv, revenue by customer, computed by hand:
  //   ACME  = 100 ("ACME ") + 1,200.50 ("acme", number stored as text) - 0.5 ("Acme") = 1300
  //   Globex = 300 (+ a blank line)     Initech = 50     Hooli = 0     Umbrella = -80 (loss)
  //   a line without customer: 7 (not a customer)
  // Positive total = 1300 + 300 + 50 = 1650. ABC 80/95: ACME has 0% above it → A; Globex has
  // 1300/1650 = 78.8% above → A; Initech has 1600/1650 = 97.0% above → C; Hooli (zero) → C.
  const T = 1650;

  it("--format json: one object per customer, ranked, then loss-making", async () => {
    const rows = await tiersJson(fixture("tiny.csv"));
    expect(rows.map((r) => Object.keys(r))).toEqual(Array(5).fill(["customer", "value", "share", "cumulativeShare", "tier"]));
    expect(rows.map((r) => [r.customer, r.value, r.tier])).toEqual([
      ["ACME", 1300, "A"],
      ["Globex", 300, "A"],
      ["Initech", 50, "C"],
      ["Hooli", 0, "C"],
      ["Umbrella", -80, "Loss"],
    ]);
    const expectedShares = [1300 / T, 300 / T, 50 / T, 0];
    const expectedCumulative = [1300 / T, 1600 / T, 1, 1];
    rows.slice(0, 4).forEach((r, i) => {
      expect(r.share).toBeCloseTo(expectedShares[i], 12);
      expect(r.cumulativeShare).toBeCloseTo(expectedCumulative[i], 12);
    });
    expect(rows[4].share).toBeNull();
    expect(rows[4].cumulativeShare).toBeNull();
    // The customers' values add up to the hand total of the customer lines.
    expect(rows.reduce((s, r) => s + r.value, 0)).toBeCloseTo(100 + 300 + 1200.5 + 50 - 0.5 - 80 + 0, 9);
  });

  it("groups 'ACME ', 'acme' and 'Acme' as one customer shown by its first spelling", async () => {
    const rows = await tiersJson(fixture("tiny.csv"));
    expect(rows.filter((r) => r.customer.trim().toLowerCase() === "acme")).toHaveLength(1);
    // Split apart, the three spellings would be 100, 1200.5 and -0.5: nothing else makes 1300.
    expect(rows[0]).toMatchObject({ customer: "ACME", value: 1300 });
  });

  it("--format table: aligned, thousands separators, percentages with one decimal", async () => {
    const r = await cli("tiers", fixture("tiny.csv"));
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Customer\s+Value\s+Share\s+Cumulative share\s+Tier$/);
    expect(lines[2]).toMatch(/^ACME\s+1,300\.00\s+78\.8%\s+78\.8%\s+A$/);
    expect(lines[3]).toMatch(/^Globex\s+300\.00\s+18\.2%\s+97\.0%\s+A$/);
    expect(lines[6]).toMatch(/^Umbrella\s+-80\.00\s+Loss$/);
    // Right-aligned numbers: the value column ends at the same place on every line.
    const end = (s: string, v: string) => s.indexOf(v) + v.length;
    expect(end(lines[2], "1,300.00")).toBe(end(lines[4], "50.00"));
    // The columns found by header are reported on stderr, not mixed into the output.
    expect(r.err).toContain('customer = column "Customer" (A), value = column "Revenue" (C)');
  });

  it("--format csv: RFC 4180 with raw numbers", async () => {
    const r = await cli("tiers", fixture("tiny.csv"), "--format", "csv");
    expect(r.out).toContain("\r\n");
    const rows = parse(r.out);
    expect(rows[0]).toEqual(["Customer", "Value", "Share", "Cumulative share", "Tier"]);
    expect(rows[1]).toEqual(["ACME", "1300", String(1300 / T), String(1300 / T), "A"]);
    expect(rows[5]).toEqual(["Umbrella", "-80", "", "", "Loss"]);
  });

  it("--locale zh: Chinese headers and the loss label", async () => {
    const r = await cli("tiers", fixture("tiny.csv"), "--locale", "zh", "--format", "csv");
    const rows = parse(r.out);
    expect(rows[0]).toEqual(["客户", "金额", "占比", "累计占比", "等级"]);
    expect(rows[5][4]).toBe("亏损");
  });

  it("--scheme and --thresholds go to the engine's tier rule", async () => {
    // Thresholds 0.5/0.9: ACME (0% above) A; Globex (78.8% above) B; Initech (97.0%) C.
    const rows = await tiersJson(fixture("tiny.csv"), "--thresholds", "0.5,0.9");
    expect(rows.map((r) => r.tier)).toEqual(["A", "B", "C", "C", "Loss"]);
    const kig = await tiersJson(fixture("tiny.csv"), "--scheme", "kig");
    expect(kig[0].tier).toBe("Key");
    const auto = await tiersJson(fixture("tiny.csv"), "--scheme", "AUTO");
    expect(auto.map((r) => r.customer)).toEqual(["ACME", "Globex", "Initech", "Hooli", "Umbrella"]);
    expect(auto[0].tier).toBe("A"); // the top customer is always in the first tier
  });

  it("--top limits the ranked customers; loss-making ones are always listed", async () => {
    const rows = await tiersJson(fixture("tiny.csv"), "--top", "2");
    expect(rows.map((r) => r.customer)).toEqual(["ACME", "Globex", "Umbrella"]);
  });

  it("--summary counts customers and value per tier", async () => {
    const r = await cli("tiers", fixture("tiny.csv"), "--summary", "--format", "json");
    const rows = JSON.parse(r.out) as {
      tier: string;
      customers: number;
      customerShare: number;
      value: number;
      valueShare: number | null;
    }[];
    expect(rows.map((x) => [x.tier, x.customers, x.value])).toEqual([
      ["A", 2, 1600],
      ["B", 0, 0],
      ["C", 2, 50],
      ["Loss", 1, -80],
      ["Total", 5, 1570],
    ]);
    expect(rows[0].customerShare).toBeCloseTo(2 / 5, 12);
    expect(rows[0].valueShare).toBeCloseTo(1600 / T, 12);
    expect(rows[3].valueShare).toBeNull();
  });
});

describe("columns", () => {
  it("--customer and --value take a header name, a 1-based number or a letter", async () => {
    const byHeader = await tiersJson(fixture("tiny.csv"), "--value", "profit", "--customer", "CUSTOMER");
    expect(await tiersJson(fixture("tiny.csv"), "--value", "4", "--customer", "1")).toEqual(byHeader);
    expect(await tiersJson(fixture("tiny.csv"), "--value", "D", "--customer", "a")).toEqual(byHeader);
    // Profit by hand: ACME 10 - 20 + 1 = -9 (loss), Globex 30 + 0, Initech 5, Hooli 0, Umbrella -8.
    expect(byHeader.map((r) => [r.customer, r.value])).toEqual([
      ["Globex", 30],
      ["Initech", 5],
      ["Hooli", 0],
      ["ACME", -9],
      ["Umbrella", -8],
    ]);
  });

  it("the value column prefers revenue/sales to profit wherever they stand", async () => {
    const p = tempFile("order.csv", "Profit,Client,Sales\n1,A,10\n2,B,30\n");
    expect((await tiersJson(p)).map((r) => [r.customer, r.value])).toEqual([
      ["B", 30],
      ["A", 10],
    ]);
    const q = tempFile("profit-only.csv", "客户,毛利\n甲,5\n乙,7\n");
    expect((await tiersJson(q)).map((r) => r.value)).toEqual([7, 5]);
  });

  it("Chinese headers in UTF-8 with BOM and in GB18030 are recognised", async () => {
    const bom = await tiersJson(fixture("utf8-bom-zh.csv"), "--locale", "zh");
    // 1200 + 600 (the second spelling has a trailing space), 800, and -400 (loss).
    expect(bom.map((r) => [r.customer, r.value, r.tier])).toEqual([
      ["华东精密机械有限公司", 1800, "A"],
      ["深圳恒达电子有限公司", 800, "A"],
      ["北京宏图化工股份有限公司", -400, "亏损"],
    ]);
    const gb = await tiersJson(fixture("gb18030.csv"));
    expect(gb.map((r) => [r.customer, r.value])).toEqual([
      ["华东精密机械有限公司", 1800],
      ["深圳恒达电子有限公司", 800],
      ["北京宏图化工股份有限公司", 400],
    ]);
  });

  it("a header that only contains a synonym is found (Net Sales (EUR) in a semicolon file)", async () => {
    const rows = await tiersJson(fixture("semicolon.csv"));
    expect(rows.map((r) => [r.customer, r.value])).toEqual([
      ["Sud SARL", 2000],
      ["Nord GmbH", 1500],
      ["Ouest SA", 500],
    ]);
  });

  it("an ambiguous header is reported on stderr with the alternatives", async () => {
    const p = tempFile("two.csv", "Customer,Sales,Revenue\nA,1,2\n");
    const r = await cli("tiers", p);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/--value: using column "Sales" \(B\); column "Revenue" \(C\) also matched/);
  });

  it("xlsx: the first sheet (formula results and rich text count), or --sheet", async () => {
    const rows = await tiersJson(fixture("small.xlsx"));
    // Alpha Co 1000 + 250 ("alpha co "), Beta Corp 2000 (formula's cached result), Gamma Ltd 500.25.
    expect(rows.map((r) => [r.customer, r.value])).toEqual([
      ["Beta Corp", 2000],
      ["Alpha Co", 1250],
      ["Gamma Ltd", 500.25],
    ]);
    const zh = await tiersJson(fixture("small.xlsx"), "--sheet", "区域");
    expect(zh.map((r) => [r.customer, r.value])).toEqual([
      ["华东精密机械有限公司", 400],
      ["深圳恒达电子有限公司", 100],
    ]);
  });
});

describe("pareto and concentration", () => {
  it("pareto prints the KA.PARETO table: Other line, loss-making, no-customer line, total", async () => {
    const r = await cli("pareto", fixture("tiny.csv"), "--top", "2", "--format", "json");
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows.map((x) => [x.rank, x.customer, x.value, x.tier])).toEqual([
      [1, "ACME", 1300, "A"],
      [2, "Globex", 300, "A"],
      [null, "Other (2 customers)", 50, null],
      [null, "Umbrella", -80, "Loss"],
      [null, "(no customer: 1 rows)", 7, null],
      [null, "Total", 1577, null], // 1300 + 300 + 50 + 0 - 80 + 7: reconciles with SUM over the column
    ]);
    expect(rows[2].cumulativeShare).toBe(1);
    const table = await cli("pareto", fixture("tiny.csv"), "--locale", "zh");
    expect(table.out).toMatch(/合计\s+1,577\.00/);
  });

  it("concentration prints the KA.CONCENTRATION figures", async () => {
    const r = await cli("concentration", fixture("tiny.csv"), "--format", "json");
    expect(r.code).toBe(0);
    const m = Object.fromEntries((JSON.parse(r.out) as { key: string; value: number }[]).map((x) => [x.key, x.value]));
    expect(m.positiveTotal).toBe(1650);
    expect(m.netTotal).toBe(1577);
    expect(m.customers).toBe(5);
    expect(m.customersFor80).toBe(2); // ACME alone is 78.8% < 80%
    expect(m.customersFor50).toBe(1);
    expect(m.lossCount).toBe(1);
    expect(m.lossValue).toBe(-80);
    expect(m.noCustomerRows).toBe(1);
    // HHI over the positive customers: (100·1300/1650)² + (100·300/1650)² + (100·50/1650)².
    expect(m.hhi).toBeCloseTo((130000 / 1650) ** 2 + (30000 / 1650) ** 2 + (5000 / 1650) ** 2, 6);
    const table = await cli("concentration", fixture("tiny.csv"));
    expect(table.out).toMatch(/Customers needed for 80% \(% of customers\)\s+40\.0%/);
    expect(table.out).toMatch(/Positive total\s+1,650\.00/);
  });

  it("the command functions can be called directly with an Io", async () => {
    const io = bufferIo();
    expect(await paretoCommand(fixture("tiny.csv"), { format: "csv" }, io)).toBe(0);
    expect(io.out().split("\r\n")[0]).toBe("Rank,Customer,Value,Share,Cumulative share,Tier");
    const io2 = bufferIo();
    expect(await concentrationCommand(fixture("missing.csv"), {}, io2)).toBe(2);
    expect(io2.out()).toBe("");
  });
});

describe("errors: one line naming file, row and column; exit code 2", () => {
  async function expectError(args: string[], ...parts: (string | RegExp)[]) {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    // Exactly one error line (ours start with "ka-planner:", commander's with "error:").
    const errorLines = r.err.split("\n").filter((l) => /^(ka-planner|error):/.test(l));
    expect(errorLines).toHaveLength(1);
    const message = errorLines[0];
    for (const p of parts) expect(message).toMatch(typeof p === "string" ? new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : p);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    return message;
  }

  it("a text in the value column: file, row (and physical line), column header and letter", async () => {
    // bad-lines.csv: header row 1; "A" row 2; "B\nCo" row 3 on lines 3–4; "C,abc" row 4 on line 5.
    await expectError(
      ["tiers", fixture("bad-lines.csv")],
      fixture("bad-lines.csv"),
      'column "Revenue" (B)',
      "row 4 (line 5)",
      '"abc" is not a number',
    );
    await expectError(
      ["pareto", fixture("bad-lines.csv"), "--locale", "zh"],
      "“Revenue”列（B）",
      "第 4 行（文件第 5 行）",
      "“abc”不是数字",
    );
  });

  it("an error cell and a date in a workbook's value column", async () => {
    await expectError(
      ["tiers", fixture("small.xlsx"), "--sheet", "Errors"],
      'small.xlsx (sheet "Errors")',
      'column "Revenue" (B)',
      "row 3:",
      "#N/A",
    );
    await expectError(["concentration", fixture("small.xlsx"), "--sheet", "dates"], "row 4:", '"2025-06-01" is not a number');
  });

  it("error literals from a CSV export: in the value column and in the customer column", async () => {
    const p = tempFile("errs.csv", "Region,Customer,Amount\nE,A,1\nW,B,#DIV/0!\n");
    await expectError(["tiers", p], 'column "Amount" (C), row 3: the cell holds the error #DIV/0!');
    const q = tempFile("errs2.csv", "Region,Customer,Amount\nE,A,1\nW,#N/A,2\n");
    await expectError(["tiers", q, "--locale", "zh"], "“Customer”列（B），第 3 行：客户单元格含有错误 #N/A");
  });

  it("the row number counts the header and title rows above the data", async () => {
    const p = tempFile("title.csv", "Sales report\n\nCustomer,Revenue\nA,1\nB,x\n");
    await expectError(["tiers", p], "row 5:", '"x"');
  });

  it("files: missing, empty, wrong type, unknown sheet, no data", async () => {
    await expectError(["tiers", fixture("missing.csv")], "missing.csv: no such file");
    await expectError(["tiers", fixture("empty.csv")], "empty.csv is empty");
    await expectError(["tiers", fixture("not-really.xlsx")], "not-really.xlsx is not an .xlsx workbook");
    await expectError(["tiers", fixture("really-xlsx.csv")], "is not a CSV file: it is a zip archive");
    await expectError(["tiers", fixture("small.xlsx"), "--sheet", "Nope"], 'no sheet "Nope"', '"Sales", "区域", "Errors", "Dates"');
    await expectError(["tiers", fixture("header-only.csv")], "no data rows below the header (row 1)");
    await expectError(["tiers", tempFile("open.csv", 'Customer,Revenue\nA,1\n"B,2\n')], "line 3", "cannot be read");
  });

  it("columns: not found lists the headers; not detected asks for the option", async () => {
    await expectError(
      ["tiers", fixture("tiny.csv"), "--value", "Turnover"],
      '--value "Turnover" matches no column',
      'A "Customer", B "Region", C "Revenue", D "Profit"',
    );
    await expectError(["tiers", fixture("tiny.csv"), "--customer", "9"], "--customer 9 is out of range; the table has 4 columns");
    await expectError(
      ["tiers", tempFile("x.csv", "Name,Qty\n1001,1\n")],
      "no column found for --customer by its header or contents",
      'A "Name", B "Qty"',
    );
    // A text column is the customer by its contents (as in the pane); "Qty" is a quantity, never the value.
    await expectError(
      ["tiers", tempFile("x.csv", "Name,Qty\nA,1\n")],
      "no column found for --value by its header or contents",
      'A "Name", B "Qty"',
    );
    await expectError(["tiers", fixture("tiny.csv"), "--customer", "C"], "customer and value columns are the same column");
  });

  it("usage: bad options and arguments", async () => {
    await expectError(["tiers", fixture("tiny.csv"), "--format", "xml"], "--format must be table, csv or json");
    await expectError(["tiers", fixture("tiny.csv"), "--top", "0"], "--top must be a whole number");
    await expectError(["pareto", fixture("tiny.csv"), "--scheme", "XYZ"], 'scheme must be ABC, KIG, IBM or AUTO, not "XYZ"');
    await expectError(["tiers", fixture("tiny.csv"), "--thresholds", "0.9,0.5"], "thresholds must rise strictly");
    await expectError(["tiers", fixture("tiny.csv"), "--locale", "fr"], 'locale must be "en" or "zh"');
    await expectError(["tiers", fixture("tiny.csv"), "--bogus"], "unknown option '--bogus'");
    await expectError(["tiers"], "missing required argument 'file'");
    await expectError(["frobnicate"], "unknown command");
    expect((await cli()).code).toBe(2);
  });

  it("--help and --version exit with 0", async () => {
    const help = await cli("tiers", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--customer <column>/);
    expect((await cli("--version")).code).toBe(0);
  });

  it("unexpected failures exit with 1", async () => {
    expect(describeError(new TypeError("boom"), "en")).toEqual({ message: "unexpected failure: boom", exitCode: 1 });
    const io = bufferIo();
    // A non-string format makes the command itself fail unexpectedly.
    expect(await tiersCommand(fixture("tiny.csv"), { format: 42 as unknown as string }, io)).toBe(1);
    expect(io.err()).toMatch(/^ka-planner: unexpected failure/);
  });
});
