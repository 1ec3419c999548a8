/**
 * Date cells (engine/input/dates.ts): the day/month order decided per column from its data,
 * times after the date, the orders a user names for an ambiguous column, and hostile text.
 */
import { Cell } from "../../src/engine/input/cells";
import { dateOrderOf, DateCells, isDateText, monthLabel, monthOf, NOT_A_DATE, readDateColumn } from "../../src/engine/input/dates";

const label = (m: number) => (m === NOT_A_DATE ? "not a date" : monthLabel(m));

describe("monthOf in an order", () => {
  test.each([
    ["12/1/2010 8:26", "mdy", "2010-12"],
    ["12/1/2010 8:26", "dmy", "2010-01"],
    ["12/1/2010 08:26:00 PM", "mdy", "2010-12"],
    ["1/13/2011 11:59:59 am", "mdy", "2011-01"],
    ["31.12.2024", "dmy", "2024-12"],
    ["1.2.2025", "dmy", "2025-02"],
    ["02-03-2025", "mdy", "2025-02"],
    ["２/３/２０２５", "dmy", "2025-03"],
    ["2010-12-01T08:26:00", "mdy", "2010-12"],
    ["2010-12-01T08:26:00.000Z", "dmy", "2010-12"],
    ["2010-12-01T08:26:00+08:00", "ymd", "2010-12"],
    ["2010-12-01 08:26", "ymd", "2010-12"],
    ["2025年3月31日 14:05", "ymd", "2025-03"],
    ["29/2/2024", "dmy", "2024-02"],
  ] as const)("%p read %s is in %s", (cell, order, expected) => {
    expect(label(monthOf(cell, order))).toBe(expected);
  });

  test.each([
    ["12/1/2010", "ymd"], // day and month first: only read in a named order
    ["13/1/2010", "mdy"], // month 13
    ["29/2/2023", "dmy"], // no 29 February in 2023
    ["31/4/2024", "dmy"], // April has 30 days
    ["12/1/10", "mdy"], // two-digit year: not read
    ["12/1/2010 25:00", "mdy"], // not a time
    ["12/1/2010 8:61", "mdy"],
    ["12/1/2010 13:00 PM", "mdy"],
    ["12/1/2010 whenever", "mdy"],
    ["8:26", "mdy"],
    ["12/1-2010", "mdy"], // two different separators
    ["12/1/1899", "mdy"],
  ] as const)("%p in %s is not a date", (cell, order) => {
    expect(monthOf(cell, order)).toBe(NOT_A_DATE);
  });

  test("serial numbers and Date objects do not depend on the order", () => {
    for (const order of ["ymd", "mdy", "dmy"] as const) {
      expect(label(monthOf(40513, order))).toBe("2010-12"); // 2010-12-01
      expect(label(monthOf(new Date(Date.UTC(2010, 11, 1)), order))).toBe("2010-12");
    }
  });

  test("isDateText: date text in some order", () => {
    expect(isDateText("12/13/2010 10:02")).toBe(true);
    expect(isDateText("31.12.2024")).toBe(true);
    expect(isDateText("13/13/2010")).toBe(false);
    expect(isDateText("SO-10001")).toBe(false);
  });
});

describe("dateOrderOf: the column's order from its data", () => {
  test.each<[string, Cell[], string]>([
    ["a second part above 12: month-first", ["12/1/2010 8:26", "12/13/2010 9:00", "1/5/2011"], "mdy"],
    ["a first part above 12: day-first", ["1.12.2024", "31.12.2024", "5.1.2025"], "dmy"],
    ["every part ≤ 12: ambiguous", ["12/1/2010", "3/4/2011", "", null], "ambiguous"],
    ["both: mixed", ["13/1/2010", "1/13/2010"], "mixed"],
    ["year-first and serials only", ["2025-03-31", 45658, null], "ymd"],
    ["year-first text does not decide the others", ["2025-12-31", "3/4/2025"], "ambiguous"],
  ])("%s", (_, cells, order) => {
    expect(dateOrderOf(cells)).toBe(order);
  });
});

describe("readDateColumn", () => {
  test("the data decides; the user's order is used only for an ambiguous column", () => {
    const us = ["12/1/2010 8:26", "1/4/2011 10:00", "12/13/2010 9:15"];
    const read = readDateColumn(us, "dmy");
    expect("months" in read && [...read.months].map(label)).toEqual(["2010-12", "2011-01", "2010-12"]);
    const ambiguous = ["3/4/2025", "5/6/2025"];
    expect(readDateColumn(ambiguous)).toEqual({ problem: { reason: "ambiguous", index: 0 } });
    const asDmy = readDateColumn(ambiguous, "dmy");
    expect("months" in asDmy && [...asDmy.months].map(label)).toEqual(["2025-04", "2025-06"]);
    const asMdy = readDateColumn(ambiguous, "mdy");
    expect("months" in asMdy && [...asMdy.months].map(label)).toEqual(["2025-03", "2025-05"]);
    expect(readDateColumn(ambiguous, "ymd")).toEqual({ problem: { reason: "notDate", index: 0 } });
  });

  test("mixed orders: the two cells that contradict each other; text that is no date: its index", () => {
    expect(readDateColumn(["1/1/2010", "13/1/2010", "2/2/2010", "1/13/2010"], "mdy")).toEqual({
      problem: { reason: "mixed", index: 3, other: 1 },
    });
    expect(readDateColumn(["2025-01-01", "next week"])).toEqual({ problem: { reason: "notDate", index: 1 } });
  });

  test("linear: the order in one pass over the cells, the months in a second", () => {
    const n = 50000;
    let reads = 0;
    const cells: DateCells = { length: n, at: (i) => (reads++, `${(i % 12) + 1}/${(i % 28) + 1}/2020 ${i % 24}:05`) };
    const read = readDateColumn(cells);
    expect("months" in read).toBe(true);
    expect(reads).toBe(2 * n);
  });

  test("hostile text is no date, in linear time (anchored patterns, length cap)", () => {
    const hostile = [
      "1".repeat(100000),
      "2025-" + " ".repeat(100000) + "x",
      "12/1/2010 " + "1:".repeat(50000),
      "12/1/2010" + "T".repeat(100000) + "8:26",
      " ".repeat(100000) + "12/1/2010",
      "1/".repeat(50000) + "2010",
      "12/1/2010 8:26" + " ".repeat(60) + "pmx",
      "\u0000".repeat(1000),
    ];
    for (const s of hostile) {
      expect(monthOf(s, "mdy")).toBe(NOT_A_DATE);
      expect(isDateText(s)).toBe(false);
    }
    const column = Array.from({ length: 20000 }, (_, i) => hostile[i % hostile.length]);
    expect(dateOrderOf(column)).toBe("ymd");
    expect(readDateColumn(column, "mdy")).toEqual({ problem: { reason: "notDate", index: 0 } });
  });
});
