/** KA.CONCENTRATION: a two-column metric table (label, value) with a header row. */
import { Locale, text } from "../../strings";
import { analyseCustomers } from "../analysis";
import { concentrationOf, ConcentrationFigures } from "../concentration";
import { localeOf } from "../input/scalars";
import { SCHEMES } from "../tiers";
import { readSalesColumns } from "./shared";

export function concentrationFormula(values: unknown, customers?: unknown, locale?: unknown): unknown[][] {
  const loc = localeOf(locale);
  const { numbers, customers: cust } = readSalesColumns(values, customers);
  const spec = { scheme: "ABC" as const, thresholds: SCHEMES.ABC.thresholds, labels: ["A", "B", "C"] };
  return concentrationTable(concentrationOf(analyseCustomers(numbers, cust, spec)), loc);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function concentrationTable(f: ConcentrationFigures, loc: Locale): unknown[][] {
  const rows: unknown[][] = [
    [text(loc, "concentration.header.metric"), text(loc, "concentration.header.value")],
    [text(loc, "concentration.positiveCustomers"), f.positiveCustomers],
    [text(loc, "concentration.customers"), f.customers],
    [text(loc, "concentration.positiveTotal"), f.positiveTotal],
    [text(loc, "concentration.netTotal"), f.netTotal],
  ];
  for (const n of f.needed) {
    rows.push([text(loc, "concentration.customersFor", { pct: pct(n.share) }), n.count]);
    rows.push([text(loc, "concentration.customersForPct", { pct: pct(n.share) }), n.fractionOfCustomers]);
  }
  for (const t of f.topShares) rows.push([text(loc, "concentration.topShare", { n: t.n }), t.share]);
  rows.push(
    [text(loc, "concentration.hhi"), f.hhi],
    [text(loc, "concentration.gini"), f.gini],
    [text(loc, "concentration.lossCount"), f.lossCount],
    [text(loc, "concentration.lossValue"), f.lossValue],
    [text(loc, "concentration.noCustomerCount"), f.noCustomerRows],
    [text(loc, "concentration.noCustomerValue"), f.noCustomerValue],
  );
  // Only when there are any: a table without total rows keeps its shape.
  if (f.totalRows > 0)
    rows.push([text(loc, "concentration.totalRowsCount"), f.totalRows], [text(loc, "concentration.totalRowsValue"), f.totalRowsValue]);
  return rows;
}
