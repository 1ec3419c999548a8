/** `ka-planner concentration`: the KA.CONCENTRATION metric table. */
import { concentrationOf, ConcentrationFigures } from "../../engine/concentration";
import { concentrationTable } from "../../engine/formulas/concentration";
import { SCHEMES, TierSpec } from "../../engine/tiers";
import { Locale, text } from "../../strings";
import { Table } from "../input/table";
import { Io } from "../io";
import { ColumnKind, render, Result } from "../output/render";
import { analyseTable, formatOption, guarded, InputOptions, loadTable, localeOption } from "./common";

/** The spec KA.CONCENTRATION analyses with: the figures do not depend on the tier scheme. */
const ABC_SPEC: TierSpec = { scheme: "ABC", thresholds: SCHEMES.ABC.thresholds, labels: ["A", "B", "C"] };

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * A stable key and a display kind per metric, found by the metric's label (the labels come
 * from the same string keys the engine uses), so the table's row order is the engine's.
 */
function metricKinds(f: ConcentrationFigures, locale: Locale): Map<string, { key: string; kind: ColumnKind }> {
  const m = new Map<string, { key: string; kind: ColumnKind }>();
  const add = (label: string, key: string, kind: ColumnKind) => m.set(label, { key, kind });
  const t = (k: string, args: Record<string, string | number> = {}) => text(locale, `concentration.${k}`, args);
  add(t("positiveCustomers"), "positiveCustomers", "integer");
  add(t("customers"), "customers", "integer");
  add(t("positiveTotal"), "positiveTotal", "amount");
  add(t("netTotal"), "netTotal", "amount");
  for (const n of f.needed) {
    const p = Math.round(n.share * 100);
    add(t("customersFor", { pct: pct(n.share) }), `customersFor${p}`, "integer");
    add(t("customersForPct", { pct: pct(n.share) }), `customersForPct${p}`, "percent");
  }
  for (const s of f.topShares) add(t("topShare", { n: s.n }), `top${s.n}Share`, "percent");
  add(t("hhi"), "hhi", "amount");
  add(t("gini"), "gini", "ratio");
  add(t("lossCount"), "lossCount", "integer");
  add(t("lossValue"), "lossValue", "amount");
  add(t("noCustomerCount"), "noCustomerRows", "integer");
  add(t("noCustomerValue"), "noCustomerValue", "amount");
  add(t("totalRowsCount"), "totalRows", "integer");
  add(t("totalRowsValue"), "totalRowsValue", "amount");
  return m;
}

function concentrationResult(f: ConcentrationFigures, locale: Locale): Result {
  const [header, ...table] = concentrationTable(f, locale);
  const kinds = metricKinds(f, locale);
  const info = table.map(
    (r): { key: string; kind: ColumnKind } => kinds.get(String(r[0])) ?? { key: "", kind: Number.isInteger(r[1]) ? "integer" : "amount" },
  );
  const columns = [
    { key: "key", header: "key", kind: "text" as const },
    { key: "metric", header: String(header[0]), kind: "text" as const },
    { key: "value", header: String(header[1]), kind: (row: number) => info[row].kind },
  ];
  return { columns, rows: table.map((r, i) => [info[i].key, r[0], r[1]]) };
}

/** Table and CSV show metric and value; JSON also carries the stable key. */
function withoutKey(r: Result): Result {
  return { columns: r.columns.slice(1), rows: r.rows.map((row) => row.slice(1)) };
}

export function runConcentration(table: Table, options: InputOptions, io: Io): void {
  const locale = localeOption(options.locale);
  const format = formatOption(options.format);
  const { analysis } = analyseTable(table, options, ABC_SPEC, locale, io);
  const result = concentrationResult(concentrationOf(analysis), locale);
  io.stdout.write(render(format === "json" ? result : withoutKey(result), format));
}

export function concentrationCommand(file: string, options: InputOptions, io: Io): Promise<number> {
  return guarded(options.locale, io, async () => {
    const locale = localeOption(options.locale);
    formatOption(options.format);
    runConcentration(await loadTable(file, options, locale, io), options, io);
  });
}
