/** Excel's inline drop-down lists (src/excel/inline-list.ts), the rule both renderers follow. */
import { inlineList, MAX_INLINE_LIST } from "../../src/excel/inline-list";

describe("inline lists", () => {
  test("plain values are joined by commas", () => {
    expect(inlineList(["Open", "In progress", "Done"])).toBe("Open,In progress,Done");
    expect(inlineList(["高", "中", "低"])).toBe("高,中,低");
  });

  test("a value Excel would read back differently goes to cells", () => {
    for (const odd of ["Smith, Jane", 'say "hi"', " High", "Low ", "", "=EVIL()", "+1", "-1", "@SUM(A1)", "'80s", "a\u0001b", "a\u007Fb"]) {
      expect([odd, inlineList(["Open", odd])]).toEqual([odd, null]);
    }
  });

  test("at most 255 characters in all; no values, no list", () => {
    const fits = ["x".repeat(127), "y".repeat(127)];
    expect(inlineList(fits)).toHaveLength(MAX_INLINE_LIST);
    expect(inlineList([...fits, "z"])).toBeNull();
    expect(inlineList([])).toBeNull();
  });
});
