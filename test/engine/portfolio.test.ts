import { monthOf, monthLabel, NOT_A_DATE, BLANK_DATE } from "../../src/engine/input/dates";
import { buildPortfolio } from "../../src/engine/portfolio";
import { tierSpecOf } from "../../src/engine/tiers";
import { thrown } from "../support/excel";

describe("dates", () => {
  test.each([
    [45658, "2025-01"], // Excel serial of 2025-01-01
    [60, "1900-02"], // the phantom 1900-02-29
    [61, "1900-03"],
    [new Date(Date.UTC(2024, 11, 31)), "2024-12"],
    ["2025-03-31", "2025-03"],
    ["2025/3/1", "2025-03"],
    ["2025年3月31日", "2025-03"],
    ["２０２５－０３－０１", "2025-03"],
    ["2025-03", "2025-03"],
    ["2025-03-31 14:05", "2025-03"],
  ])("%p is in %s", (cell, label) => {
    expect(monthLabel(monthOf(cell))).toBe(label);
  });

  test("ambiguous or invalid text is not a date; blanks are blank", () => {
    expect(monthOf("03/04/2025")).toBe(NOT_A_DATE);
    expect(monthOf("2025-13-01")).toBe(NOT_A_DATE);
    expect(monthOf("soon")).toBe(NOT_A_DATE);
    expect(monthOf(-5)).toBe(NOT_A_DATE);
    expect(monthOf(null)).toBe(BLANK_DATE);
    expect(monthOf(" ")).toBe(BLANK_DATE);
  });
});

describe("portfolio", () => {
  const spec = tierSpecOf(undefined, undefined, undefined, "en");
  const cols = {
    customer: { name: "Customer", cells: ["Acme", "Beta", "acme ", "Beta", "Gamma", ""] },
    measure: { name: "Revenue", cells: [100, 50, "200", 25, -10, 5] },
    profit: { name: "Profit", cells: [10, 5, 30, null, -4, 1] },
    date: { name: "Date", cells: ["2025-01-05", "2025-01-09", "2025-03-01", 45717 /* 2025-03-01 */, "2025-02-10", "2025-02-01"] },
    satisfaction: { name: "Satisfaction", cells: [4, "dissatisfied", 5, 3, "极不满意", null] },
    credit: { name: "Credit", cells: ["BB", "A", "AA", null, "C", "X"] },
    attractiveness: [{ name: "Growth", cells: [8, 4, 6, 2, 1, 9] }],
  };

  test("per-customer sums, means, latest texts and monthly revenue", () => {
    const p = buildPortfolio(cols, spec);
    const { names } = p.analysis.customers;
    const id = (n: string) => names.indexOf(n);
    expect(names).toEqual(["Acme", "Beta", "Gamma"]);
    expect(Array.from(p.analysis.customers.totals)).toEqual([300, 75, -10]);
    expect(p.profit![id("Acme")]).toBe(40);
    expect(p.profit![id("Beta")]).toBe(5); // the blank profit line adds nothing
    expect(p.satisfaction![id("Acme")]).toBe(4.5);
    expect(p.satisfaction![id("Beta")]).toBe(2.5); // "dissatisfied" = 2, then 3
    expect(p.satisfaction![id("Gamma")]).toBe(1);
    expect(p.credit![id("Acme")]).toBe("AA"); // the later of BB (Jan) and AA (Mar)
    expect(p.credit![id("Beta")]).toBe("A");
    expect(p.monthly!.labels).toEqual(["2025-01", "2025-02", "2025-03"]);
    const row = (n: string) => Array.from(p.monthly!.values.subarray(id(n) * 3, id(n) * 3 + 3));
    expect(row("Acme")).toEqual([100, 0, 200]);
    expect(row("Beta")).toEqual([50, 0, 25]);
    expect(row("Gamma")).toEqual([0, -10, 0]);
    expect(Array.from(p.attractiveness!.values[0])).toEqual([7, 3, 1]);
    expect(p.revenue).toBeNull();
  });

  test("a bad date or satisfaction names the column and row", () => {
    const badDate = { ...cols, date: { name: "Date", cells: ["2025-01-05", "next week", "", "", "", ""] } };
    expect(thrown(() => buildPortfolio(badDate, spec)).message).toBe('Date, row 2: "next week" is not a date (use a date cell or year-first text such as 2025-03-31).');
    const badSat = { ...cols, satisfaction: { name: "Satisfaction", cells: [4, 7, 5, 3, 1, null] } };
    expect(thrown(() => buildPortfolio(badSat, spec)).message).toMatch(/Satisfaction, row 2: "7"/);
    // Text that is neither a number nor a level name is reported at its own row, as satisfaction.
    const wordy = { ...cols, satisfaction: { name: "Satisfaction", cells: [4, 3, "good", 3, 1, null] } };
    expect(thrown(() => buildPortfolio(wordy, spec)).message).toBe('Satisfaction, row 3: "good" is not a satisfaction level (1-5 or a level name).');
  });

  test("columns of different lengths are refused with both sizes", () => {
    const short = { ...cols, profit: { name: "Profit", cells: [1, 2] } };
    expect(thrown(() => buildPortfolio(short, spec)).message).toMatch(/Customer has 6 cells but Profit has 2/);
  });
});
