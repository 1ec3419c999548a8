/**
 * The column mapping (app/mapping.ts): header words in English and Chinese, content
 * sniffing when headers say nothing, validation, SalesColumns and error locations.
 */
import { isKaError, KaError } from "../../src/engine/errors";
import { proposeMapping, proposeMappingDetails, validateMapping } from "../../src/app/mapping";
import { locateCellError, mappedSalesColumns, salesColumnsOf } from "../../src/app/sales-columns";
import { buildPortfolio } from "../../src/engine/portfolio";
import { tierSpecOf } from "../../src/engine/tiers";

const spec = tierSpecOf(null, null, null, "en");

function engineError(fn: () => unknown): KaError {
  try {
    fn();
  } catch (e) {
    if (isKaError(e)) return e;
    throw e;
  }
  throw new Error("expected a KaError");
}

describe("proposeMapping: header words", () => {
  test("English headers", () => {
    const headers = [
      "Order no",
      "Customer",
      "Order date",
      "Sales",
      "Gross profit",
      "Satisfaction",
      "Visits",
      "Credit rating",
      "Region",
      "KA manager",
      "Market growth",
      "Share of wallet",
      "Strategic fit",
      "Product",
    ];
    expect(proposeMapping(headers, [])).toEqual({
      orderId: 0,
      customer: 1,
      date: 2,
      revenue: 3,
      profit: 4,
      satisfaction: 5,
      effort: 6,
      credit: 7,
      region: 8,
      manager: 9,
      product: 13,
      attractiveness: [10, 12],
      strength: [11],
    });
  });

  test("Chinese headers (full-width forms and units included)", () => {
    const headers = [
      "客户名称",
      "订单日期",
      "销售额（元）",
      "毛利",
      "客户满意度",
      "拜访次数",
      "信用等级",
      "销售区域",
      "客户经理",
      "市场增长率",
      "钱包份额",
      "关系强度",
    ];
    expect(proposeMapping(headers, [])).toEqual({
      customer: 0,
      date: 1,
      revenue: 2,
      profit: 3,
      satisfaction: 4,
      effort: 5,
      credit: 6,
      region: 7,
      manager: 8,
      attractiveness: [9],
      strength: [10, 11],
    });
  });

  test("a column is never taken twice; the role's next match is used and reported", () => {
    const details = proposeMappingDetails(["Customer", "Sales 2024", "Sales 2025"], []);
    expect(details.mapping.revenue).toBe(1);
    expect(details.alternatives.revenue).toEqual([2]);
    expect(details.foundBy).toEqual({ customer: "header", revenue: "header" });
  });
});

describe("proposeMapping: content sniffing", () => {
  const names = ["ACME Ltd", "Beta GmbH", "Gamma SA", "Delta plc", "ACME Ltd", "Beta GmbH", "Epsilon AG", "ACME Ltd"];
  const rows = names.map((name, i) => [
    `SO-${10001 + i}`, // order number: text, unique, code-like
    name,
    45292 + i * 3, // dates as Excel serials (2024-01-01 on)
    [120000.5, 80000, 30000, 51000.25, 99000, 12000, 64000, 7000][i], // amounts
    [4, 3, 5, 2, 4, 1, 3, 5][i], // satisfaction 1–5
    ["AA", "BBB+", "A", "BB", "AA", "CCC", "A-", "AA"][i], // credit ratings
    ["North", "South", "North", "East", "North", "South", "East", "North"][i], // region: text with repeats, fewer distinct
    [3, 1, 7, 2, 9, 4, 4, 1][i], // quantities: small numbers
  ]);
  const blank = ["", "", "", "", "", "", "", ""];

  test("header-less table: customer, date, revenue, satisfaction and credit from the cells", () => {
    const details = proposeMappingDetails(blank, rows);
    expect(details.mapping).toEqual({ customer: 1, date: 2, revenue: 3, satisfaction: 4, credit: 5, attractiveness: [], strength: [] });
    expect(details.foundBy).toEqual({
      customer: "content",
      date: "content",
      revenue: "content",
      satisfaction: "content",
      credit: "content",
    });
  });

  test("headers win over content; only columns whose header names no role are sniffed", () => {
    const headers = ["Order no", "Kunde", "Datum", "Umsatz", "Zufriedenheit", "Rating", "Region", "Menge"];
    // "Order no" is an order id, "Rating" credit and "Region" region by header; the rest by content.
    const m = proposeMapping(headers, rows);
    expect(m).toEqual({
      orderId: 0,
      credit: 5,
      region: 6,
      customer: 1,
      date: 2,
      revenue: 3,
      satisfaction: 4,
      attractiveness: [],
      strength: [],
    });
  });

  test("Moody's ratings with numeric modifiers (Baa2, A1) are sniffed as credit, by the engine's one grammar", () => {
    const moodys = rows.map((r, i) => [r[1], ["Aa2", "Baa2", "A1", "Ba3", "Aa1", "Caa1", "A3", "Aa2"][i]]);
    expect(proposeMappingDetails(["", ""], moodys).mapping.credit).toBe(1);
  });

  test("a column of A/B/C tiers is not taken for credit ratings", () => {
    const tiers = rows.map((r, i) => [r[1], ["A", "B", "C", "A", "A", "B", "C", "A"][i]]);
    expect(proposeMapping(["", ""], tiers).credit).toBeUndefined();
  });

  test("customers: transaction lines repeat them, notes do not; a region column is not the customer", () => {
    const customers = ["ACME", "Beta", "Gamma", "ACME", "Delta", "Beta", "Epsilon", "Zeta", "ACME", "Eta"];
    const lines = customers.map((c, i) => [
      `Note about delivery number ${i}`.replace(/\d+/, String.fromCharCode(65 + i)),
      c,
      ["North", "South"][i % 2],
      100 * (i + 1),
    ]);
    expect(proposeMapping(["", "", "", ""], lines)).toMatchObject({ customer: 1, revenue: 3 });
    // One row per customer (no repeats): the region repeats but has few values; the most distinct column wins.
    const perCustomer = ["ACME", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa"].map((c, i) => [
      ["North", "South"][i % 2],
      c,
      50 * (10 - i),
    ]);
    expect(proposeMapping(["", "", ""], perCustomer)).toMatchObject({ customer: 1, revenue: 2 });
  });

  test("amounts that happen to lie in the date range are not dates (fractions, or spread over decades)", () => {
    const amounts = [[40000.5], [41000], [43500.25], [39000]];
    expect(proposeMapping([""], amounts)).toMatchObject({ revenue: 0 });
    expect(proposeMapping([""], amounts).date).toBeUndefined();
    const wide = [[33000], [52000], [40000], [36000]];
    expect(proposeMapping([""], wide).date).toBeUndefined();
    // Year-first date text is a date.
    expect(proposeMapping([""], [["2025-01-31"], ["2025/02/28"], ["2025年3月31日"]]).date).toBe(0);
  });

  test("a PivotTable's counts and averages are never sniffed as revenue; its sum is taken by header", () => {
    const pivot = [
      ["ACME", 12, 5400.5, 450.04],
      ["Beta", 3, 900, 300],
      ["Gamma", 40, 12000, 300],
    ];
    const countsOnly = pivot.map((r) => r.slice(0, 3));
    expect(proposeMapping(["Row Labels", "Count of Revenue", "Average of Revenue"], countsOnly)).toEqual({
      customer: 0,
      attractiveness: [],
      strength: [],
    });
    expect(proposeMapping(["Row Labels", "Count of Revenue", "Average of Revenue", "Sum of Revenue"], pivot)).toMatchObject({
      customer: 0,
      revenue: 3,
    });
    expect(proposeMapping(["行标签", "计数项:销售额", "平均值项:销售额", "求和项:销售额"], pivot)).toMatchObject({
      customer: 0,
      revenue: 3,
    });
  });

  test("month-first and day-first date text (with times) is sniffed as a date column", () => {
    expect(
      proposeMapping(
        ["", ""],
        [
          ["12/1/2010 8:26", 3],
          ["12/13/2010 10:02", 4],
          ["1/5/2011 9:00", 5],
        ],
      ).date,
    ).toBe(0);
    expect(proposeMapping([""], [["31.12.2024"], ["1.1.2025"], ["15.01.2025"]]).date).toBe(0);
  });

  test("small numbers are not revenue; numbers stored as text are numbers", () => {
    expect(proposeMapping([""], [[1.5], [2], [3.25]]).revenue).toBeUndefined();
    expect(
      proposeMapping(
        ["", ""],
        [
          ["ACME", "1,234.50"],
          ["Beta", "¥2,000"],
          ["ACME", "(300)"],
        ],
      ),
    ).toMatchObject({ customer: 0, revenue: 1 });
  });
});

describe("validateMapping", () => {
  test("a complete mapping has no problems", () => {
    expect(validateMapping({ customer: 0, revenue: 2, profit: 3, attractiveness: [4, 5], strength: [] }, { columnCount: 6 })).toEqual([]);
  });

  test("customer and the measure's column are required", () => {
    expect(validateMapping({ revenue: 1 })).toEqual([{ kind: "missing", role: "customer" }]);
    expect(validateMapping({ customer: 0, revenue: 1 }, { measure: "profit" })).toEqual([{ kind: "missing", role: "profit" }]);
    expect(validateMapping({})).toEqual([
      { kind: "missing", role: "customer" },
      { kind: "missing", role: "revenue" },
    ]);
  });

  test("one column per role except criteria; no column for two roles; indexes inside the table", () => {
    expect(validateMapping({ customer: 0, revenue: [1, 2] })).toEqual([
      { kind: "missing", role: "revenue" },
      { kind: "invalid", role: "revenue", value: [1, 2] },
    ]);
    expect(validateMapping({ customer: 0, revenue: 1, profit: 1 })).toEqual([
      { kind: "duplicate", column: 1, roles: ["revenue", "profit"] },
    ]);
    expect(validateMapping({ customer: 0, revenue: 1, attractiveness: [1, 2] })).toEqual([
      { kind: "duplicate", column: 1, roles: ["revenue", "attractiveness"] },
    ]);
    expect(validateMapping({ customer: 0, revenue: 5 }, { columnCount: 5 })).toEqual([
      { kind: "missing", role: "revenue" },
      { kind: "invalid", role: "revenue", value: 5 },
    ]);
    expect(validateMapping({ customer: 0, revenue: 1, attractiveness: 2 })).toEqual([
      { kind: "invalid", role: "attractiveness", value: 2 },
    ]);
    expect(validateMapping({ customer: 0, revenue: 1, colour: 2 })).toEqual([{ kind: "invalid", role: "colour", value: 2 }]);
  });
});

describe("salesColumnsOf", () => {
  const headers = ["Customer", "", "Sales", "Sales", "Satisfaction"];
  const columns = [
    ["ACME", "Beta", "ACME"],
    [10, 20, 30],
    [100, 200, 300],
    [1, 2, 3],
    [5, 4, "very dissatisfied"],
  ];

  test("names are the headers (blank: Column B), unique among the mapped columns", () => {
    const { columns: sales, indexOf } = mappedSalesColumns(
      headers,
      columns,
      { customer: 0, revenue: 2, profit: 3, effort: 1, satisfaction: 4 },
      "revenue",
    );
    expect(sales.customer.name).toBe("Customer");
    expect(sales.measure).toBe(sales.revenue);
    expect(sales.revenue!.name).toBe("Sales");
    expect(sales.profit!.name).toBe("Sales (D)");
    expect(sales.effort!.name).toBe("Column B");
    expect(indexOf).toEqual(
      new Map([
        ["Customer", 0],
        ["Sales", 2],
        ["Sales (D)", 3],
        ["Column B", 1],
        ["Satisfaction", 4],
      ]),
    );
    const p = buildPortfolio(sales, spec);
    expect(p.analysis.customers.names).toEqual(["ACME", "Beta"]);
    expect(Array.from(p.revenue!)).toEqual([400, 200]);
    expect(Array.from(p.effort!)).toEqual([40, 20]);
    expect(Array.from(p.satisfaction!)).toEqual([3, 4]);
  });

  test("the measure can be profit; criteria lists; a missing column reads as blanks", () => {
    const sales = salesColumnsOf(
      headers,
      [columns[0], undefined, columns[2], columns[3]],
      { customer: 0, revenue: 2, profit: 3, attractiveness: [1] },
      "profit",
    );
    expect(sales.measure).toBe(sales.profit);
    expect(sales.attractiveness!.map((c) => c.name)).toEqual(["Column B"]);
    expect(sales.attractiveness![0].cells).toEqual([null, null, null]);
    expect(() => salesColumnsOf(headers, columns, { revenue: 2 })).toThrow(/customer/);
  });
});

describe("locateCellError", () => {
  test("a text in a number column: the column and the 0-based data row", () => {
    const cols = [
      ["A", "B", "C", "D"],
      [1, 2, "n/a", 4],
    ];
    const { columns, indexOf } = mappedSalesColumns(["Customer", "Revenue"], cols, { customer: 0, revenue: 1 });
    const e = engineError(() => buildPortfolio(columns, spec));
    expect(e.key).toBe("error.notNumber");
    expect(locateCellError(e, indexOf, cols)).toEqual({ column: 1, name: "Revenue", row: 2, cell: "n/a" });
  });

  test("a position that does not point at the cell (a cell re-read on its own says 1) is recovered from the cell", () => {
    const cols = [
      ["A", "B", "C"],
      [1, 2, 3],
      [5, 4, "bad"],
    ];
    const { columns, indexOf } = mappedSalesColumns(["Customer", "Revenue", "CSAT"], cols, { customer: 0, revenue: 1, satisfaction: 2 });
    const e = engineError(() => buildPortfolio(columns, spec));
    expect(locateCellError(e, indexOf, cols)).toEqual({ column: 2, name: "CSAT", row: 2, cell: "bad" });
    const misplaced = new KaError("#VALUE!", "error.satisfaction", "x", { arg: "CSAT", cell: "bad", posKey: "position.row", posN: 1 });
    expect(locateCellError(misplaced, indexOf, cols)).toEqual({ column: 2, name: "CSAT", row: 2, cell: "bad" });
  });

  test("errors that are not about one cell are not located", () => {
    const e = new KaError("#VALUE!", "error.overflow", "x", { arg: "Revenue" });
    expect(locateCellError(e, new Map([["Revenue", 1]]), [])).toBeNull();
  });
});
