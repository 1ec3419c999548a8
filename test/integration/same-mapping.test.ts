/**
 * One column mapping (src/app/mapping.ts) for the task pane and the command line: the same
 * files, mapped through `ka-planner`'s path (the file read, then mapBuildColumns / salesColumns)
 * and through the pane's (the same cells in the recording fake of Excel, findSalesTable, then
 * proposeMapping), give the same mapping — headers plain English, Chinese, PivotTable, numeric
 * customer ids, a US export, and tables where only the contents name the columns.
 */
import * as actions from "../../src/addin";
import type { ColumnMapping } from "../../src/app/mapping";
import { mapBuildColumns } from "../../src/cli/input/columns";
import { readTable } from "../../src/cli/input/read-table";
import { salesColumns } from "../../src/cli/input/sales";
import { Random } from "../../src/sample/prng";
import { tempFile } from "../cli/helpers";
import { FakeExcel, FakeOffice, type Scalar } from "../support/fake-excel";
import { europeanExport, pivotTable, toCsv, usErpExport, writeXlsx } from "../support/real-world";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as Excel holds it: dates are serial numbers, empty cells "". */
function excelValue(v: unknown): Scalar {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  return v as Scalar;
}

/** Sales lines of `customers` customers: [customer, date, amount, profit, satisfaction, rating, region]. */
function salesLines(rows: number, options: { ids?: boolean; dates?: "text" | "date" } = {}): unknown[][] {
  const rnd = new Random(5, 1);
  const ratings = ["AAA", "AA+", "BBB-", "BB", "A-"];
  const regions = ["North", "South", "East", "West"];
  return Array.from({ length: rows }, () => {
    const c = rnd.int(0, 39);
    const day = new Date(Date.UTC(2024, 0, 1 + rnd.int(0, 360)));
    const amount = rnd.int(100, 90000) / 10;
    return [
      options.ids ? 100000 + c * 7 : `Customer ${String.fromCharCode(65 + (c % 26))}${Math.floor(c / 26)}`,
      options.dates === "date" ? day : day.toISOString().slice(0, 10),
      amount,
      Math.round(amount * rnd.int(-5, 30)) / 100,
      1 + (c % 5),
      ratings[c % ratings.length],
      regions[c % regions.length],
    ];
  });
}

interface Shape {
  readonly name: string;
  readonly rows: unknown[][];
  readonly file: "csv" | "semicolon" | "xlsx";
  /** The mapping both must find (the cases say what they test; the comparison is the point). */
  readonly expected: Partial<Record<string, number | number[]>>;
}

const SHAPES: readonly Shape[] = [
  {
    name: "plain English headers",
    rows: [["Customer", "Order date", "Revenue", "Profit", "Satisfaction", "Credit rating", "Region"], ...salesLines(300)],
    file: "csv",
    expected: { customer: 0, date: 1, revenue: 2, profit: 3, satisfaction: 4, credit: 5, region: 6 },
  },
  {
    name: "Chinese headers, real date cells, as .xlsx",
    rows: [["客户名称", "订单日期", "销售额（元）", "毛利", "客户满意度", "信用等级", "销售区域"], ...salesLines(300, { dates: "date" })],
    file: "xlsx",
    expected: { customer: 0, date: 1, revenue: 2, profit: 3, satisfaction: 4, credit: 5, region: 6 },
  },
  {
    name: "English PivotTable headers",
    rows: pivotTable({ language: "en", subtotals: true, blank: true }).rows,
    file: "csv",
    expected: { customer: 0, revenue: 1, profit: 2 },
  },
  {
    name: "Chinese PivotTable headers, as .xlsx",
    rows: pivotTable({ language: "zh" }).rows,
    file: "xlsx",
    expected: { customer: 0, revenue: 1, profit: 2 },
  },
  {
    name: "numeric customer ids",
    rows: [["Customer ID", "Date", "Amount"], ...salesLines(300, { ids: true }).map((r) => r.slice(0, 3))],
    file: "csv",
    expected: { customer: 0, date: 1, revenue: 2 },
  },
  {
    name: "US ERP export (CustomerID, m/d/yyyy h:mm)",
    rows: usErpExport().rows,
    file: "csv",
    expected: { customer: 6, date: 4, revenue: 8, quantity: 3 },
  },
  {
    name: "headers that name no role: only the contents find the columns",
    rows: [["Kunde", "Datum", "Betrag", "Bonität", "Zufriedenheit"], ...salesLines(300).map((r) => [r[0], r[1], r[2], r[5], r[4]])],
    file: "xlsx",
    expected: { customer: 0, date: 1, revenue: 2, credit: 3, satisfaction: 4 },
  },
  {
    name: "German export (Kunde;Datum;Umsatz;Gewinn, decimal commas)",
    rows: europeanExport({ headers: "de" }).rows,
    file: "semicolon",
    expected: { customer: 0, date: 1, revenue: 2 },
  },
];

/** The single roles of a mapping, criteria only when there are any. */
function normalised(mapping: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [role, v] of Object.entries(mapping)) if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[role] = v;
  return out;
}

async function fileOf(shape: Shape): Promise<string> {
  if (shape.file !== "xlsx") return tempFile("sales.csv", toCsv(shape.rows, shape.file === "semicolon" ? ";" : ","));
  const file = tempFile("sales.xlsx", "");
  await writeXlsx(shape.rows, file);
  return file;
}

async function viaPane(shape: Shape): Promise<ColumnMapping> {
  const fake = new FakeExcel();
  const office = new FakeOffice(fake).install();
  try {
    fake.newSheet("Sales");
    fake.seedRows(
      "Sales",
      "A1",
      shape.rows.map((r) => r.map(excelValue)),
    );
    fake.select("Sales", "B3");
    return normalised(actions.proposeMapping(await actions.findSalesTable()));
  } finally {
    office.uninstall();
  }
}

describe.each(SHAPES)("$name", (shape) => {
  let file: string;
  beforeAll(async () => {
    file = await fileOf(shape);
  });

  test("ka-planner build maps the file as the task pane maps the same cells", async () => {
    const table = await readTable(file);
    const cli = normalised(mapBuildColumns(table, {}, "en").mapping);
    const pane = await viaPane(shape);
    expect(cli).toEqual(pane);
    expect(pane).toEqual(expect.objectContaining(shape.expected));
  });

  test("ka-planner tiers takes the pane's customer and value columns", async () => {
    const table = await readTable(file);
    const pane = await viaPane(shape);
    const { customer, value } = salesColumns(table, {});
    expect({ customer: customer.index, value: value.index }).toEqual({ customer: pane.customer, value: pane.revenue ?? pane.profit });
  });
});
