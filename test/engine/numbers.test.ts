import { parseNumericText, readNumber, NumberStatus } from "../../src/engine/input/numbers";

describe("numbers stored as text", () => {
  test.each([
    ["1234", 1234],
    ["  1234.5 ", 1234.5],
    ["1,234,567.89", 1234567.89],
    ["¥1,234", 1234],
    ["￥1,234.00", 1234],
    ["$ 1,234", 1234],
    ["€12.5", 12.5],
    ["£0.99", 0.99],
    ["1,234元", 1234],
    ["(1,234.50)", -1234.5],
    ["($1,234)", -1234],
    ["-1,234", -1234],
    ["−1,234", -1234],
    ["$-12", -12],
    ["-$12", -12],
    ["1234-", -1234],
    ["+12", 12],
    ["１２３", 123],
    ["１，２３４．５", 1234.5],
    ["（１２）", -12],
    ["12%", 0.12],
    ["1e3", 1000],
    [".5", 0.5],
    ["5.", 5],
    ["\u00a01 234\u00a0".replace(" ", ""), 1234],
  ])("%j is %d", (text, expected) => {
    expect(parseNumericText(text)).toBeCloseTo(expected, 10);
  });

  test.each([
    "abc",
    "12abc",
    "1,23",
    "1,2345",
    "1.234,56",
    "--12",
    "(-12)",
    "(12",
    "12)",
    "$12€",
    "-12-",
    "",
    "   ",
    "1 2",
    "0x10",
    "Infinity",
    "NaN",
    "1e400",
  ])("%j is not a number", (text) => {
    expect(Number.isNaN(parseNumericText(text))).toBe(true);
  });

  test("readNumber separates blanks, errors and non-finite numbers", () => {
    const box = new Float64Array(1);
    expect(readNumber(null, box)).toBe(NumberStatus.Blank);
    expect(readNumber("", box)).toBe(NumberStatus.Blank);
    expect(readNumber("  ", box)).toBe(NumberStatus.Blank);
    expect(readNumber(undefined, box)).toBe(NumberStatus.Blank);
    expect(readNumber("#N/A", box)).toBe(NumberStatus.ErrorCell);
    expect(readNumber(new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero), box)).toBe(NumberStatus.ErrorCell);
    expect(readNumber(NaN, box)).toBe(NumberStatus.NotFinite);
    expect(readNumber(Infinity, box)).toBe(NumberStatus.NotFinite);
    expect(readNumber(true, box)).toBe(NumberStatus.NotNumber);
    expect(readNumber(-0, box)).toBe(NumberStatus.Ok);
    expect(Object.is(box[0], -0)).toBe(false);
    expect(readNumber("(7)", box)).toBe(NumberStatus.Ok);
    expect(box[0]).toBe(-7);
  });
});
