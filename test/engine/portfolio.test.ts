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
    expect(thrown(() => buildPortfolio(badDate, spec)).message).toBe(
      'Date, row 2: "next week" is not a date (use a date cell, or text such as 2025-03-31, 12/31/2025 or 31.12.2025 with a four-digit year).',
    );
    const badSat = { ...cols, satisfaction: { name: "Satisfaction", cells: [4, 7, 5, 3, 1, null] } };
    expect(thrown(() => buildPortfolio(badSat, spec)).message).toMatch(/Satisfaction, row 2: "7"/);
    // Text that is neither a number nor a level name is reported at its own row, as satisfaction.
    const wordy = { ...cols, satisfaction: { name: "Satisfaction", cells: [4, 3, "good", 3, 1, null] } };
    expect(thrown(() => buildPortfolio(wordy, spec)).message).toBe(
      'Satisfaction, row 3: "good" is not a satisfaction level (1-5 or a level name).',
    );
  });

  test("US dates with times: the month-first order decided from the data", () => {
    const us = {
      ...cols,
      date: {
        name: "InvoiceDate",
        cells: ["1/5/2025 8:26", "1/9/2025 9:00", "3/1/2025 17:45", 45717, "2/10/2025 10:02", "2/13/2025 8:00"],
      },
    };
    const p = buildPortfolio(us, spec, { optionalDate: true });
    expect(p.dateProblem).toBeNull();
    expect(p.monthly!.labels).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(Array.from(p.monthly!.values.subarray(0, 3))).toEqual([100, 0, 200]); // Acme
  });

  test("a date column the data leaves ambiguous: left out with the reason when optional, read in the order given", () => {
    const ambiguous = { ...cols, date: { name: "Date", cells: ["1/5/2025", "1/9/2025", "3/1/2025", null, "2/10/2025", "2/1/2025"] } };
    const left = buildPortfolio(ambiguous, spec, { optionalDate: true });
    expect(left.monthly).toBeNull();
    expect(left.dateProblem).toEqual({ column: "Date", reason: "ambiguous", row: 0, cell: "1/5/2025" });
    expect(left.analysis.customers.names).toEqual(["Acme", "Beta", "Gamma"]); // everything else is there
    expect(left.credit![0]).toBe("AA"); // latest by row when there are no dates
    const dmy = buildPortfolio(ambiguous, spec, { optionalDate: true, dateOrder: "dmy" });
    expect(dmy.dateProblem).toBeNull();
    expect(dmy.monthly!.labels).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
    ]);
    expect(thrown(() => buildPortfolio(ambiguous, spec)).message).toBe(
      'Date, row 1: "1/5/2025" could be month/day or day/month, and no date in the column has a part above 12 to decide; say which order the column uses.',
    );
  });

  test("mixed orders and text that is no date: left out when optional, an error when required", () => {
    const mixed = { ...cols, date: { name: "Date", cells: ["13/1/2025", "1/9/2025", "1/13/2025", null, null, null] } };
    expect(buildPortfolio(mixed, spec, { optionalDate: true }).dateProblem).toEqual({
      column: "Date",
      reason: "mixed",
      row: 2,
      cell: "1/13/2025",
      otherCell: "13/1/2025",
    });
    expect(thrown(() => buildPortfolio(mixed, spec, { dateOrder: "mdy" })).message).toBe(
      'Date: some dates have the day first and others the month first ("13/1/2025", and "1/13/2025" at row 3); a date column holds one order.',
    );
    const text = { ...cols, date: { name: "Date", cells: ["2025-01-05", "next week", "", "", "", ""] } };
    expect(buildPortfolio(text, spec, { optionalDate: true })).toMatchObject({
      monthly: null,
      dateProblem: { reason: "notDate", row: 1, cell: "next week" },
    });
  });

  test("columns of different lengths are refused with both sizes", () => {
    const short = { ...cols, profit: { name: "Profit", cells: [1, 2] } };
    expect(thrown(() => buildPortfolio(short, spec)).message).toMatch(/Customer has 6 cells but Profit has 2/);
  });
});
