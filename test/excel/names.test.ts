/**
 * Excel's naming rules (src/excel): sheet names, and the defined and table names that share
 * one workbook-wide namespace. Both renderers use these, so the names below are what a sheet
 * model gets in the open workbook and in the .xlsx file alike.
 */
import { ObjectNames, validObjectName } from "../../src/excel/object-names";
import { quoteSheetName, SheetNames, validSheetName } from "../../src/excel/sheet-names";

describe("sheet names", () => {
  test("the characters Excel forbids are replaced: [] by (), :*?/\\ by -", () => {
    expect(validSheetName("Plan – A/S")).toBe("Plan – A-S");
    expect(validSheetName("Q1/Q2: plan*?")).toBe("Q1-Q2- plan--");
    expect(validSheetName("[Draft] \\ notes")).toBe("(Draft) - notes");
    expect(validSheetName("tab\there")).toBe("tab here");
  });

  test("no blank name and no apostrophe or blank at either end", () => {
    expect(validSheetName("'quoted'")).toBe("quoted");
    expect(validSheetName("  ' x '  ")).toBe("x");
    expect(validSheetName("")).toBe("Sheet");
    expect(validSheetName("   ")).toBe("Sheet");
    expect(validSheetName("''")).toBe("Sheet");
  });

  test("at most 31 characters, never half a surrogate pair, nothing to trim left after the cut", () => {
    expect(validSheetName("x".repeat(40))).toBe("x".repeat(31));
    expect(validSheetName("a".repeat(30) + "😀")).toBe("a".repeat(30));
    expect(validSheetName("a".repeat(30) + " 'b")).toBe("a".repeat(30));
  });

  test("unique case-insensitively with (2), (3) within 31 characters; History is reserved", () => {
    const names = new SheetNames();
    expect(names.claim("Plan – ACME")).toBe("Plan – ACME");
    expect(names.claim("plan – acme")).toBe("plan – acme (2)");
    expect(names.claim("Plan – ACME")).toBe("Plan – ACME (3)");
    expect(names.claim("L".repeat(40))).toBe("L".repeat(31));
    expect(names.claim("L".repeat(40))).toBe("L".repeat(27) + " (2)");
    expect(names.claim("history")).toBe("history (2)");
  });

  test("the workbook's own sheets are taken; a released name is free again", () => {
    const names = new SheetNames(["80-20 Contribution", "plan – acme (2)"]);
    expect(names.claim("80-20 contribution")).toBe("80-20 contribution (2)");
    expect(names.claim("Plan – ACME")).toBe("Plan – ACME");
    expect(names.claim("Plan – ACME")).toBe("Plan – ACME (3)");
    names.reserve("~KA temp 1");
    expect(names.has("~ka TEMP 1")).toBe(true);
    names.release("~KA temp 1");
    expect(names.has("~KA temp 1")).toBe(false);
  });

  test("quoted in references, apostrophes doubled", () => {
    expect(quoteSheetName("O'Neil")).toBe("'O''Neil'");
    expect(quoteSheetName("Plan – ACME")).toBe("'Plan – ACME'");
  });
});

describe("defined and table names", () => {
  test("letters, digits, _ and . only, starting with a letter or _", () => {
    expect(validObjectName("Total revenue", "N")).toBe("Total_revenue");
    expect(validObjectName(" Plan – ACME ", "N")).toBe("Plan___ACME");
    expect(validObjectName("2024 plan", "N")).toBe("_2024_plan");
    expect(validObjectName("营业额", "N")).toBe("营业额");
  });

  test("never shaped like a cell reference (A1 or R1C1 style), TRUE/FALSE or _xlnm", () => {
    expect(validObjectName("A1", "N")).toBe("_A1");
    expect(validObjectName("XFD1048576", "N")).toBe("_XFD1048576");
    expect(validObjectName("XFE1", "N")).toBe("_XFE1");
    expect(validObjectName("ABCD1", "N")).toBe("ABCD1");
    expect(validObjectName("R1C1", "N")).toBe("_R1C1");
    expect(validObjectName("rc", "N")).toBe("_rc");
    expect(validObjectName("r", "N")).toBe("_r");
    expect(validObjectName("C12", "N")).toBe("_C12");
    expect(validObjectName("true", "N")).toBe("_true");
    expect(validObjectName("_xlnm.Print_Area", "N")).toBe("__xlnm.Print_Area");
  });

  test("blank gives the fallback; at most 255 characters", () => {
    expect(validObjectName("", "Table")).toBe("Table");
    expect(validObjectName(" / ", "Name")).toBe("Name");
    expect(validObjectName("n".repeat(300), "N")).toBe("n".repeat(255));
  });

  test("tables and defined names share one namespace, unique case-insensitively with _2, _3", () => {
    const names = new ObjectNames(["KA_TOTAL"]);
    expect(names.claimName("KA_Total")).toBe("KA_Total_2");
    expect(names.claimTable("Accounts")).toBe("Accounts");
    expect(names.claimName("accounts")).toBe("accounts_2");
    expect(names.claimTable("")).toBe("Table");
    expect(names.claimName("")).toBe("Name");
    names.reserve("Scoped");
    expect(names.claimName("scoped")).toBe("scoped_2");
    const long = "n".repeat(255);
    expect(names.claimName(long)).toBe(long);
    expect(names.claimName(long)).toBe("n".repeat(253) + "_2");
  });
});
