import {
  creditLikelihood,
  creditOrdinal,
  creditScaleOf,
  creditTable,
  CREDIT_SCALES,
  hasMoodysRatings,
  isDistinctiveRating,
  parseCreditRating,
} from "../../src/engine/credit-rating";

describe("the credit-rating grammar", () => {
  test.each([
    ["AAA", "AAA", 0, false],
    ["bbb+", "BBB", 1, false],
    [" CC- ", "CC", -1, false],
    ["D", "D", 0, false],
    ["Aaa", "AAA", 0, false],
    ["Baa1", "BBB", 1, true],
    ["Ba2", "BB", 0, true],
    ["Caa3", "CCC", -1, true],
    ["Ca", "CC", 0, true],
    ["A2", "A", 0, true],
    ["BAA", "BBB", 0, true],
  ])("%p is grade %p, notch %p, Moody's %p", (s, grade, notch, moodys) => {
    expect(parseCreditRating(s)).toEqual({ grade, notch, moodys });
  });

  test.each(["", "X", "A +", "AAAA", "Baa+", "BBB1", "CCC2", "D1", "A++", "1", "good", "AA-1"])("%p is not a rating", (s) => {
    expect(parseCreditRating(s)).toBeNull();
    expect(creditOrdinal(s)).toBeNaN();
  });

  test("ordinal: AAA 10 … D 1, a third of a notch per modifier, Moody's on the same ladder", () => {
    expect(creditOrdinal("AAA")).toBe(10);
    expect(creditOrdinal("aa-")).toBe(9 - 1 / 3);
    expect(creditOrdinal("Baa1")).toBe(7 + 1 / 3);
    expect(creditOrdinal("BBB+")).toBe(creditOrdinal("Baa1"));
    expect(creditOrdinal("Caa")).toBe(4);
    expect(creditOrdinal("D")).toBe(1);
    expect(creditOrdinal(null)).toBeNaN();
  });

  test("distinctive ratings (what column sniffing needs once): more than a single letter", () => {
    expect(["AAA", "BB+", "Baa", "A1", "C-"].map(isDistinctiveRating)).toEqual([true, true, true, true, true]);
    expect(["A", "B", "C", "D", "Z", "AB"].map(isDistinctiveRating)).toEqual([false, false, false, false, false, false]);
  });
});

describe("credit likelihood scales", () => {
  test("scale detection: agency (S&P, Chinese agencies, Moody's), A–E, 1–5, or none", () => {
    expect(creditScaleOf(["A", "BBB+", null])).toBe("agency");
    expect(creditScaleOf(["A", "Baa2"])).toBe("agency");
    expect(creditScaleOf(["A", "A1"])).toBe("agency");
    expect(creditScaleOf(["A", "b", "E"])).toBe("letters");
    expect(creditScaleOf(["1", "5", "3"])).toBe("numbers");
    expect(creditScaleOf(["good", "bad"])).toBeNull();
  });

  test("Moody's grades have the likelihood of their S&P grade", () => {
    const pairs: [string, string][] = [
      ["Aaa", "AAA"],
      ["Aa2", "AA"],
      ["A3", "A"],
      ["Baa1", "BBB+"],
      ["Ba3", "BB-"],
      ["B2", "B"],
      ["Caa1", "CCC"],
      ["Ca", "CC"],
      ["C", "C"],
    ];
    for (const [moodys, sp] of pairs)
      expect([moodys, creditLikelihood("agency", moodys)]).toEqual([moodys, creditLikelihood("agency", sp)]);
    expect(creditLikelihood("agency", "Baa")).toBe(2);
    expect(creditLikelihood("agency", "BBB1")).toBeNaN();
  });

  test("in-house scales ignore +/- and case", () => {
    expect(creditLikelihood("letters", "c+")).toBe(3);
    expect(creditLikelihood("numbers", "2")).toBe(2);
    expect(creditLikelihood("letters", "Z")).toBeNaN();
  });

  test("the agency table lists Moody's spellings only when the data has them", () => {
    expect(creditTable("agency", false)).toBe(CREDIT_SCALES.agency);
    const table = creditTable("agency", true);
    expect(table.map((e) => e.rating)).toEqual(["AAA", "AA", "A", "BBB", "Baa", "BB", "Ba", "B", "CCC", "Caa", "CC", "Ca", "C", "D"]);
    for (const e of table) expect(creditLikelihood("agency", e.rating)).toBe(e.likelihood);
    expect(hasMoodysRatings(["AA", null, "Baa2"])).toBe(true);
    expect(hasMoodysRatings(["AA", "Aaa", "BBB-"])).toBe(false);
  });
});
