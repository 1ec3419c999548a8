/**
 * The header decision and the column building do work in proportion to the rows and cells
 * they are given: counted as reads of the row arrays (a Proxy around each row), never timed.
 */
import { TableBuilder } from "../../src/cli/input/table";

/** A row whose element reads are counted in `reads.n`. */
function counted(cells: unknown[], reads: { n: number }): unknown[] {
  return new Proxy(cells, {
    get(target, key, receiver) {
      reads.n++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** Reads made while a one-cell title row, `blanks` blank rows (",," in a CSV), a header and data are added. */
function readsForTitleThenBlanks(blanks: number): number {
  const reads = { n: 0 };
  const b = new TableBuilder();
  b.addRow(counted(["Sales report 2025"], reads));
  for (let i = 0; i < blanks; i++) b.addRow(counted(["", "", ""], reads));
  b.addRow(counted(["Customer", "Revenue", "Region"], reads));
  for (let i = 0; i < 100; i++) b.addRow(counted([`C${i}`, String(i), "East"], reads));
  const t = b.finish()!;
  expect(t.headers).toEqual(["Customer", "Revenue", "Region"]);
  expect(t.rowCount).toBe(100);
  return reads.n;
}

describe("TableBuilder work", () => {
  it("a one-cell title row followed by many blank rows: linear in the rows", () => {
    const a = readsForTitleThenBlanks(1000);
    const b = readsForTitleThenBlanks(2000);
    expect(b / a).toBeLessThan(2.1);
    // Each cell read a bounded number of times (old code: every pending row per new row).
    expect(b).toBeLessThan(2000 * 3 * 10);
  });

  it("a single-column table whose header is followed by many blank rows: linear", () => {
    const run = (blanks: number): number => {
      const reads = { n: 0 };
      const b = new TableBuilder();
      b.addRow(counted(["Revenue"], reads));
      for (let i = 0; i < blanks; i++) b.addRow(counted([], reads));
      b.addRow(counted(["5"], reads));
      expect(b.finish()).toMatchObject({ headers: ["Revenue"], rowCount: blanks + 1 });
      return reads.n;
    };
    const a = run(1000);
    expect(run(2000) / a).toBeLessThan(2.1);
  });
});
