/**
 * The real-world shapes (test/support/real-world.ts: PivotTables pasted as values in Chinese and
 * English with subtotals, grand totals and (blank) rows; a US ERP export with numeric customer
 * ids, m/d/yyyy h:mm dates and cancellations; a European export with decimal commas) through the
 * three entry points — the KA.TIER function, the task pane's tier column (over the recording
 * fake of Excel, columns as the pane proposes them) and `ka-planner tiers` on the file — must
 * give every customer the same tier, and the one an independent integer-cent oracle gives.
 */
import * as actions from "../../src/addin";
import type { PlannerSettings } from "../../src/addin";
import { tierFormula } from "../../src/engine/formulas/tier";
import { cli, tempFile } from "../cli/helpers";
import { FakeExcel, FakeOffice, type Scalar } from "../support/fake-excel";
import { europeanExport, oracleTiers, pivotTable, RealWorldTable, toCsv, usErpExport, writeXlsx } from "../support/real-world";

interface Case {
  readonly name: string;
  readonly table: RealWorldTable;
  readonly customer: number;
  readonly value: number;
  readonly file: "csv" | "semicolon" | "xlsx";
}

const CASES: readonly Case[] = [
  {
    name: "Chinese PivotTable, subtotals, (空白) and 总计",
    table: pivotTable({ language: "zh", subtotals: true, blank: true }),
    customer: 0,
    value: 1,
    file: "csv",
  },
  {
    name: "English PivotTable, subtotals, (blank) and Grand Total, as .xlsx",
    table: pivotTable({ language: "en", subtotals: true, blank: true }),
    customer: 0,
    value: 1,
    file: "xlsx",
  },
  { name: "Chinese PivotTable, grand total only", table: pivotTable({ language: "zh" }), customer: 0, value: 1, file: "xlsx" },
  { name: "US ERP export (numeric ids, m/d/yyyy h:mm, cancellations)", table: usErpExport(), customer: 6, value: 8, file: "csv" },
  {
    name: "European export (semicolons, decimal commas)",
    table: europeanExport({ headers: "en" }),
    customer: 0,
    value: 2,
    file: "semicolon",
  },
];

const key = (name: unknown) => String(name).trim().toLowerCase();

/** Customer → tier from per-row labels (every row of a customer must carry the same label). */
function tiersByRow(table: RealWorldTable, column: number, labels: readonly unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  table.rows.slice(1).forEach((row, i) => {
    const label = labels[i];
    if (label === "" || label === null || label === undefined) return;
    // A tier is a name ("A", "Loss"): anything else could never equal the oracle's tier.
    if (typeof label !== "string") throw new Error(`row ${i + 2}: the tier label ${JSON.stringify(label)} is not text`);
    const k = key(row[column]);
    const seen = out.get(k);
    if (seen !== undefined && seen !== label) throw new Error(`${k}: rows labelled ${seen} and ${label}`);
    out.set(k, label);
  });
  return out;
}

function oracleOf(table: RealWorldTable): Map<string, string> {
  return new Map([...oracleTiers(table.totalsCents)].map(([name, tier]) => [key(name), tier]));
}

function viaFunction(c: Case): Map<string, string> {
  const data = c.table.rows.slice(1);
  const out = tierFormula(
    data.map((r) => [r[c.value] ?? null]),
    data.map((r) => [r[c.customer] ?? null]),
  );
  return tiersByRow(
    c.table,
    c.customer,
    out.map((r) => r[0]),
  );
}

const SETTINGS: PlannerSettings = { scheme: "ABC", measure: "revenue", locale: "en", mode: "portable", plans: "first-tier" };

async function viaPane(c: Case): Promise<Map<string, string>> {
  const fake = new FakeExcel();
  const office = new FakeOffice(fake).install();
  try {
    fake.newSheet("Sales");
    fake.seedRows(
      "Sales",
      "A1",
      c.table.rows.map((r) => r.map((v) => v ?? "") as Scalar[]),
    );
    fake.select("Sales", "A3");
    const detected = await actions.findSalesTable();
    const mapping = actions.proposeMapping(detected);
    expect({ customer: mapping.customer, revenue: mapping.revenue }).toEqual({ customer: c.customer, revenue: c.value });
    const { address } = await actions.insertTierColumn(detected, mapping, SETTINGS, { asValues: true });
    const column = /!([A-Z]+)1:/.exec(address)![1];
    const labels = c.table.rows.slice(1).map((_, i) => fake.cell("Sales", `${column}${i + 2}`)?.value ?? "");
    return tiersByRow(c.table, c.customer, labels);
  } finally {
    office.uninstall();
  }
}

async function viaCli(c: Case): Promise<Map<string, string>> {
  let file: string;
  if (c.file === "xlsx") {
    file = tempFile("sales.xlsx", "");
    await writeXlsx(c.table.rows, file);
  } else file = tempFile("sales.csv", toCsv(c.table.rows, c.file === "semicolon" ? ";" : ","));
  const r = await cli("tiers", file, "--format", "json");
  expect({ code: r.code, err: r.code === 0 ? "" : r.err }).toEqual({ code: 0, err: "" });
  const out = new Map<string, string>();
  for (const row of JSON.parse(r.out) as { customer: unknown; tier: string }[]) out.set(key(row.customer), row.tier);
  return out;
}

describe.each(CASES)("$name", (c) => {
  const oracle = oracleOf(c.table);

  test("the shape is what it claims: every tier in the oracle, rows that are no customer in the data", () => {
    expect([...oracle.values()]).toEqual(expect.arrayContaining(["A", "B", "C"]));
    if (c.table.rows[0][0] !== "Customer") expect(c.table.notCustomerRows.length).toBeGreaterThan(0);
  });

  test("KA.TIER gives every customer the oracle's tier, total rows a blank", () => {
    expect(viaFunction(c)).toEqual(oracle);
  });

  test("the task pane proposes the columns and its tier column agrees", async () => {
    expect(await viaPane(c)).toEqual(oracle);
  });

  test("ka-planner tiers agrees, finding the columns itself", async () => {
    expect(await viaCli(c)).toEqual(oracle);
  });
});
