/** How the pane shows addresses, values and the host's theme. */
import { cellsOf, columnLetter, formatValue, serialDate } from "../../src/taskpane/format";
import { detectHost, isDarkColor } from "../../src/taskpane/host";
import { localeOf } from "../../src/taskpane/i18n";

describe("display helpers", () => {
  test("addresses: the cells part and the worksheet column of a table column", () => {
    expect(cellsOf("Sales!$A$1:$J$31")).toBe("A1:J31");
    expect(cellsOf("'Q1 sales!'!C3:E9")).toBe("C3:E9");
    expect(columnLetter("Sales!A1:J31", 3)).toBe("D");
    expect(columnLetter("'Data'!Y5:AC9", 3)).toBe("AB");
    expect(columnLetter("nonsense", 0)).toBe("");
  });

  test("values: numbers in the pane's locale, date serials in date columns, long text cut", () => {
    expect(formatValue(1234.567, "en")).toBe("1,234.57");
    expect(formatValue(45292, "en", "date")).toBe("2024-01-01");
    expect(formatValue(45292, "en")).toBe("45,292");
    expect(formatValue("", "en")).toBe("–");
    expect(formatValue(null, "zh")).toBe("–");
    expect(formatValue("x".repeat(60), "en")).toHaveLength(40);
    expect(serialDate(61)).toBe("1900-03-01");
    expect(serialDate(0)).toBeUndefined();
  });

  test("Office's theme: dark when the body background is dark", () => {
    expect(isDarkColor("#1F1F1F")).toBe(true);
    expect(isDarkColor("#FFFFFF")).toBe(false);
    expect(isDarkColor("#E6E6E6")).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });

  test("the pane's language from a language tag", () => {
    expect(localeOf("zh-CN")).toBe("zh");
    expect(localeOf("zh-TW")).toBe("zh");
    expect(localeOf("en-GB")).toBe("en");
    expect(localeOf(undefined)).toBe("en");
  });

  test("without office.js the pane is outside Excel", async () => {
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe("undefined");
    await expect(detectHost(50)).resolves.toEqual({ inExcel: false });
  });
});
