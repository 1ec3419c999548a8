import { aggregateByCustomer, ROW_NO_CUSTOMER } from "../../src/engine/aggregate";
import { readCustomerVector } from "../../src/engine/input/customer-vector";
import { readNumericVector } from "../../src/engine/input/numeric-vector";
import { vectorOf } from "../../src/engine/input/range";
import { TOTAL_ROW, totalRowWork } from "../../src/engine/total-rows";

/** Per-customer totals of (customer, value) rows, as every entry point computes them. */
function aggregate(rows: [unknown, unknown][]) {
  const customers = readCustomerVector(
    vectorOf(
      rows.map((r) => [r[0]]),
      "customers",
    ),
  );
  const values = readNumericVector(
    vectorOf(
      rows.map((r) => [r[1]]),
      "values",
    ),
  );
  return aggregateByCustomer(values, customers);
}

/** Customer name → total, for customers with a value. */
function totalsOf(a: ReturnType<typeof aggregate>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let id = 0; id < a.count; id++) if (a.hasValue[id]) out[a.names[id]] = a.totals[id];
  return out;
}

describe("total and subtotal rows", () => {
  test("a grand total last is left out and reported with its row and value", () => {
    const a = aggregate([
      ["Acme", 50],
      ["Beta", 30],
      ["Gamma", 20],
      ["Grand Total", 100],
    ]);
    expect(totalsOf(a)).toEqual({ Acme: 50, Beta: 30, Gamma: 20 });
    expect(a.totalRows.rows).toEqual([3]);
    expect(a.totalRows.values).toEqual([100]);
    expect(a.totalRows.names).toEqual(["Grand Total"]);
    expect(a.totalRows.value).toBe(100);
    expect(a.totalRows.unmatched).toEqual([]);
    expect(Array.from(a.rowCustomer)).toEqual([0, 1, 2, TOTAL_ROW]);
  });

  test("a grand total first is left out too", () => {
    const a = aggregate([
      ["总计", 100],
      ["甲公司", 60],
      ["乙公司", 40],
    ]);
    expect(totalsOf(a)).toEqual({ 甲公司: 60, 乙公司: 40 });
    expect(a.totalRows.rows).toEqual([0]);
  });

  test("subtotals after each group and the grand total are all left out", () => {
    const a = aggregate([
      ["A", 1],
      ["B", 2],
      ["East Total", 3],
      ["C", 4],
      ["D", 5],
      ["West Total", 9],
      ["Grand Total", 12],
    ]);
    expect(totalsOf(a)).toEqual({ A: 1, B: 2, C: 4, D: 5 });
    expect(a.totalRows.rows).toEqual([2, 5, 6]);
    expect(a.totalRows.value).toBe(24);
  });

  test("nested subtotals (district within region) are left out", () => {
    const a = aggregate([
      ["A", 1],
      ["B", 2],
      ["District 1 total", 3],
      ["C", 4],
      ["District 2 total", 4],
      ["东区 汇总", 7],
      ["D", 5],
      ["District 3 total", 5],
      ["西区 汇总", 5],
      ["总计", 12],
    ]);
    expect(totalsOf(a)).toEqual({ A: 1, B: 2, C: 4, D: 5 });
    expect(a.totalRows.rows).toEqual([2, 4, 5, 7, 8, 9]);
  });

  test("a customer called Total whose value matches no sum stays a customer, with a warning naming it", () => {
    const a = aggregate([
      ["Acme", 50],
      ["Total", 7],
      ["Beta", 30],
    ]);
    expect(totalsOf(a)).toEqual({ Acme: 50, Total: 7, Beta: 30 });
    expect(a.totalRows.rows).toEqual([]);
    expect(a.totalRows.unmatched).toEqual([{ name: "Total", rows: [1] }]);
  });

  test("a grand total still matches when another total-word customer is a real customer", () => {
    const a = aggregate([
      ["Acme", 50],
      ["Sum Trading total", 7],
      ["Beta", 30],
      ["合计", 87],
    ]);
    expect(totalsOf(a)).toEqual({ Acme: 50, "Sum Trading total": 7, Beta: 30 });
    expect(a.totalRows.rows).toEqual([3]);
    expect(a.totalRows.unmatched.map((u) => u.name)).toEqual(["Sum Trading total"]);
  });

  test("(blank) and (空白) are rows without a customer, not customers", () => {
    const a = aggregate([
      ["Acme", 50],
      ["(blank)", 5],
      ["  （空白） ", 3],
      ["(BLANK)", 2],
    ]);
    expect(totalsOf(a)).toEqual({ Acme: 50 });
    expect(a.noCustomer).toEqual({ rows: 3, value: 10 });
    expect(Array.from(a.rowCustomer)).toEqual([0, ROW_NO_CUSTOMER, ROW_NO_CUSTOMER, ROW_NO_CUSTOMER]);
    expect(a.totalRows.rows).toEqual([]);
  });

  test("full-width ＴＯＴＡＬ and 东区 汇总 are total words", () => {
    const a = aggregate([
      ["Acme", 5],
      ["Beta", 6],
      ["东区 汇总", 11],
      ["Gamma", 1],
      ["ＴＯＴＡＬ", 12],
    ]);
    expect(totalsOf(a)).toEqual({ Acme: 5, Beta: 6, Gamma: 1 });
    expect(a.totalRows.names).toEqual(["东区 汇总", "ＴＯＴＡＬ"]);
  });

  test("values are compared at 15 significant digits: 0.1 + 0.2 matches a total of 0.3", () => {
    const a = aggregate([
      ["Acme", 0.1],
      ["Beta", 0.2],
      ["Total", 0.3],
    ]);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(totalsOf(a)).toEqual({ Acme: 0.1, Beta: 0.2 });
    expect(a.totalRows.rows).toEqual([2]);
  });

  test("a total off in the 15th digit is no total", () => {
    const a = aggregate([
      ["Acme", 0.1],
      ["Beta", 0.2],
      ["Total", 0.300000000000001],
    ]);
    expect(a.totalRows.rows).toEqual([]);
    expect(a.totalRows.unmatched).toHaveLength(1);
  });

  test("negative values (credit notes, losses) add up as well", () => {
    const a = aggregate([
      ["Acme", 120.5],
      ["Loss Co", -20.25],
      ["Beta", -0.25],
      ["小计", 100],
      ["Gamma", -3],
      ["小计", -3],
      ["Grand total", 97],
    ]);
    expect(totalsOf(a)).toEqual({ Acme: 120.5, "Loss Co": -20.25, Beta: -0.25, Gamma: -3 });
    expect(a.totalRows.rows).toEqual([3, 5, 6]);
    expect(a.totalRows.value).toBe(194);
  });

  test("a customer whose every row is a total row has no value; other rows of a total word stay", () => {
    const a = aggregate([
      ["Acme", 1],
      ["Subtotal", 1],
      ["Beta", 2],
      ["Subtotal", 2],
      ["Subtotal", 40],
    ]);
    expect(totalsOf(a)).toEqual({ Acme: 1, Beta: 2, Subtotal: 40 });
    expect(a.totalRows.rows).toEqual([1, 3]);
    expect(a.totalRows.unmatched).toEqual([{ name: "Subtotal", rows: [4] }]);
  });

  test("names are checked once per customer, cheaply: a million distinct names cost no row pass and no normalising", () => {
    const n = 1_000_000;
    const rows = new Array<[unknown, unknown]>(n);
    for (let i = 0; i < n; i++) rows[i] = [`Customer ${i} Ltd`, i % 97];
    const before = { ...totalRowWork };
    const a = aggregate(rows);
    expect(a.count).toBe(n);
    expect(totalRowWork.rowPasses).toBe(before.rowPasses);
    expect(totalRowWork.namesNormalised).toBe(before.namesNormalised);
    expect(a.totalRows.rows).toEqual([]);
  });

  test("one total-word customer costs one row pass and one normalised name", () => {
    const before = { ...totalRowWork };
    aggregate([
      ["Acme", 1],
      ["Total", 1],
      ["Cool", 3],
    ]);
    expect(totalRowWork.rowPasses - before.rowPasses).toBe(1);
    // "Cool" ends in l (a possible "total"), so it is normalised as well; "Acme" is not.
    expect(totalRowWork.namesNormalised - before.namesNormalised).toBe(2);
  });
});
