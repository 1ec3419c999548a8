import { readFileSync } from "fs";
import { join } from "path";
import { FORMAT, fx, orBlank, SheetBuilder } from "../../src/sheets/sheet-builder";

describe("the sheet kit", () => {
  test('fx: a formula\'s expected value is finite; a missing figure is the "" the formula gives', () => {
    expect(fx("A1*2", 4)).toEqual({ f: "A1*2", v: 4 });
    expect(() => fx("B1/C1", NaN)).toThrow(/not finite/);
    expect(() => fx("B1/0", Infinity)).toThrow(/not finite/);
    expect(() => fx("-B1/0", -Infinity)).toThrow(/not finite/);
    expect(fx('IF(C1>0,B1/C1,"")', orBlank(NaN))).toEqual({ f: 'IF(C1>0,B1/C1,"")', v: "" });
    expect(orBlank(0.25)).toBe(0.25);
  });

  test("row-by-row writing: lines advance the cursor, blocks may not overlap, values can be read back", () => {
    const b = new SheetBuilder();
    const title = b.line(["Title"], { style: "title" });
    b.skip();
    const head = b.header(["Label", "Value"]);
    const row = b.line(["Revenue"]);
    b.cell(row, 1, 1200, { numberFormats: [FORMAT.wholeMoney] });
    expect([title, head, row, b.row]).toEqual([0, 2, 3, 4]);
    expect(b.valueAt(row, 1)).toBe(1200);
    expect(b.valueAt(row, 2)).toBeUndefined();
    expect(() => b.cell(row, 0, "again")).toThrow(/overlaps/);
    const model = b.build({ key: "k", name: "Sheet" });
    expect(model.blocks.find((x) => x.row === row && x.col === 1)?.numberFormats).toEqual(["#,##0"]);
  });
});

describe("sheet texts", () => {
  test("cite published sources, never the seed documents users have not seen", () => {
    for (const file of ["en-US", "zh-CN"]) {
      const strings = JSON.parse(readFileSync(join(__dirname, `../../src/strings/${file}.json`), "utf8")) as Record<string, unknown>;
      const citing = Object.entries(strings).filter(
        ([key, value]) => key.startsWith("sheet.") && /\bseeds?\b|种子/i.test(JSON.stringify(value)),
      );
      expect([file, citing]).toEqual([file, []]);
    }
  });
});
