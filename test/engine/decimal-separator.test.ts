/**
 * Decimal commas: numbers read with a decimal comma, the per-column rule, and the custom
 * functions reading a column of European number texts (engine/input/decimal-separator.ts).
 */
import * as KA from "../../src/functions/functions";
import { columnSeparator, separatorEvidence, textSeparator } from "../../src/engine/input/decimal-separator";
import { parseNumericText } from "../../src/engine/input/numbers";
import { proposeMapping } from "../../src/app/mapping";
import { readNumericVector } from "../../src/engine/input/numeric-vector";
import { columnVector } from "../../src/engine/input/range";
import { Random } from "../../src/sample/prng";
import { europeanExport } from "../support/real-world";
import { col, flat } from "../support/excel";

describe("numbers with a decimal comma", () => {
  test.each([
    ["1.234,56", 1234.56],
    ["-12,5", -12.5],
    ["1234,5", 1234.5],
    ["1.234.567", 1234567],
    ["1.234.567,891", 1234567.891],
    ["€ 1.234,56", 1234.56],
    ["1.234,56 €", 1234.56],
    ["(1.234,50)", -1234.5],
    ["1.234,50-", -1234.5],
    ["12,5 %", 0.125],
    ["１．２３４，５", 1234.5],
    ["0,1", 0.1],
  ])("%j is %d", (text, expected) => {
    // Exactly the double of the decimal text: read from the digits the file holds.
    expect(parseNumericText(text, "comma")).toBe(expected);
  });

  test.each(["1,234.56", "12.5", "1.23"])("%j is not a number with a decimal comma", (text) => {
    expect(Number.isNaN(parseNumericText(text, "comma"))).toBe(true);
  });
});

describe("the decimal separator of a text and of a column", () => {
  test.each([
    ["1,5", "comma"],
    ["1234,56", "comma"],
    ["1.234,56", "comma"],
    ["1,2345", "comma"],
    ["1.234.567", "comma"],
    ["1.5", "point"],
    ["1,234.56", "point"],
    ["1,234,567", "point"],
    ["1,234", "ambiguous"],
    ["1.234", "ambiguous"],
  ])("%j: %s", (text, expected) => {
    expect(textSeparator(text)).toBe(expected);
  });

  test("the quick reading of plain texts says what reading them both ways says", () => {
    const rnd = new Random(5);
    const digits = (n: number) => Array.from({ length: n }, () => rnd.int(0, 9)).join("");
    for (let k = 0; k < 20000; k++) {
      let body = digits(rnd.int(0, 5));
      for (let parts = rnd.int(1, 4); parts > 0; parts--) body += rnd.pick([".", ","]) + digits(rnd.chance(0.6) ? 3 : rnd.int(0, 5));
      const text = `${rnd.pick(["", "-", "+", " "])}${body}${rnd.pick(["", " "])}`;
      const point = parseNumericText(text, "point");
      const comma = parseNumericText(text, "comma");
      const expected =
        point === point && comma === comma
          ? point === comma
            ? null
            : "ambiguous"
          : point === point
            ? "point"
            : comma === comma
              ? "comma"
              : null;
      expect([text, textSeparator(text)]).toEqual([text, expected]);
    }
  });

  const decide = (cells: unknown[], ambiguousAs?: "comma" | "point") =>
    columnSeparator(separatorEvidence(columnVector(cells, "v")), ambiguousAs);

  test("comma evidence and none against: comma; both: mixed; only 1,234s: the default", () => {
    for (const silent of ["1234", "-5", "abc", "Müller, Hans", "1,2,3"]) expect(textSeparator(silent)).toBeNull();
    expect(decide(["1,5", "1,234", "7", 12.5])).toBe("comma");
    expect(decide(["1.5", "1,234"])).toBe("point");
    expect(decide(["1,5", "1,234.56"])).toBe("mixed");
    expect(decide(["1,234", "2.500"])).toBe("point");
    expect(decide(["1,234", "2.500"], "comma")).toBe("comma");
    expect(decide([1234.5, "1234", null])).toBe("point");
  });

  test("the evidence says where its first cells are", () => {
    const e = separatorEvidence(columnVector(["7", "1,234", "x", "1,5", "2,5", "1.5"], "v"));
    expect(e).toEqual({ comma: 2, point: 1, ambiguous: 1, firstComma: 3, firstPoint: 5, firstAmbiguous: 1 });
  });
});

describe("custom functions and the pane over European number texts", () => {
  test("KA.TIER and KA.PARETO read 1.234,50 / 12,5 / 1,234 as a decimal-comma column (it used to be #VALUE!)", () => {
    const values = col("1.234,50", "12,5", "1,234", 900);
    expect(
      Array.from(
        readNumericVector(
          columnVector(
            values.map((r) => r[0]),
            "values",
          ),
        ).values,
      ),
    ).toEqual([1234.5, 12.5, 1.234, 900]);
    // 1234.5 + 900 + 12.5 + 1.234 = 2148.234: 900 has 57.5% above it (A), 12.5 has 99.4% (C).
    expect(flat(KA.tier(values))).toEqual(["A", "C", "C", "A"]);
    expect(
      KA.pareto(col("a", "b", "c", "d"), values)
        .slice(1)
        .map((r: unknown[]) => [r[1], r[2]]),
    ).toEqual([
      ["a", 1234.5],
      ["d", 900],
      ["b", 12.5],
      ["c", 1.234],
      ["Total", 2148.234],
    ]);
    // A column that reads with a decimal point reads as it always did.
    expect(Array.from(readNumericVector(columnVector(["1,234", 5], "values")).values)).toEqual([1234, 5]);
    // A column mixing 1,5 and 1,234.56 stays #VALUE!, naming the comma cell.
    expect(() => KA.tier(col("1,234.56", "1,5"))).toThrow('values, row 2: "1,5" is not a number.');
  });

  test("the pane proposes Umsatz (unknown header, decimal-comma texts) as the revenue column from its content", () => {
    const euro = europeanExport({ customers: 20, lines: 60 });
    const [headers, ...rows] = euro.rows;
    expect(proposeMapping(headers, rows)).toMatchObject({ customer: 0, revenue: 2 });
  });
});
