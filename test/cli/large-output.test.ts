/**
 * Per-row arrays are never spread into a call: Math.max(...widths) with one argument per
 * customer threw "Maximum call stack size exceeded" past ~120,000 customers, so
 * `ka-planner tiers` on 300,000 distinct customers (table output) exited 1.
 */
import { appendAll, extentOf, maxOf } from "../../src/engine/arrays";
import { renderTable } from "../../src/cli/output/render";
import { cli, tempFile } from "./helpers";

const N = 300_000;

describe("300,000 rows", () => {
  it("the table renderer sizes its columns with a loop", () => {
    const rows = Array.from({ length: N }, (_, i) => [`Customer ${i}`, i]);
    const out = renderTable({
      columns: [
        { key: "c", header: "Customer", kind: "text" },
        { key: "v", header: "Value", kind: "integer" },
      ],
      rows,
    });
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(N + 2);
    // The widest name ("Customer 299999", 15) sets the first column; the numbers align right.
    expect(lines[0]).toBe(`${"Customer".padEnd(15)}    Value`);
    expect(lines[N + 1]).toBe("Customer 299999  299,999");
  });

  it("ka-planner tiers on 300,000 distinct customers prints the whole table (exit 0)", async () => {
    let csv = "Customer,Revenue\n";
    for (let i = 0; i < N; i++) csv += `C${i},${(i % 977) + 1}\n`;
    const r = await cli("tiers", tempFile("many.csv", csv));
    expect(r.err).not.toContain("Maximum call stack");
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split("\n")).toHaveLength(N + 2);
  }, 240000);

  it("maxOf, extentOf and appendAll take arrays of any length, with Math.max's NaN rule", () => {
    const big = Array.from({ length: N }, (_, i) => (i * 7919) % N);
    expect(maxOf(big)).toBe(N - 1);
    expect(maxOf([], 3)).toBe(3);
    expect(maxOf([1, NaN, 2])).toBeNaN();
    expect(extentOf(big)).toEqual({ min: 0, max: N - 1 });
    expect(extentOf([])).toBeUndefined();
    expect(appendAll([1], big)).toHaveLength(N + 1);
  });
});
