/** `ka-planner pareto`: the KA.PARETO 80/20 contribution table. */
import { CustomerAnalysis } from "../../engine/analysis";
import { paretoTable } from "../../engine/formulas/pareto";
import { listedPositions } from "../../engine/total-rows-text";
import { Locale } from "../../strings";
import { Table } from "../input/table";
import { Io } from "../io";
import { ColumnKind, render, Result } from "../output/render";
import { analyseTable, formatOption, guarded, loadTable, localeOption, tierSpecOption, TierOptions, topOption } from "./common";

const KEYS: readonly [string, ColumnKind][] = [
  ["rank", "integer"],
  ["customer", "text"],
  ["value", "amount"],
  ["share", "percent"],
  ["cumulativeShare", "percent"],
  ["tier", "text"],
];

/** The engine's table (header row first) as a Result; total rows named by sheet row (rowOf: a data row's sheet row). */
function paretoResult(a: CustomerAnalysis, locale: Locale, limit = Infinity, rowOf = (i: number) => i + 1): Result {
  const [header, ...rows] = paretoTable(a, limit, locale, (positions) => listedPositions(locale, positions, "column", rowOf));
  const columns = KEYS.map(([key, kind], j) => ({ key, kind, header: String(header[j]) }));
  return { columns, rows };
}

export function runPareto(table: Table, options: TierOptions, io: Io): void {
  const locale = localeOption(options.locale);
  const format = formatOption(options.format);
  const spec = tierSpecOption(options, locale);
  const limit = topOption(options.top);
  const { analysis } = analyseTable(table, options, spec, locale, io);
  io.stdout.write(
    render(
      paretoResult(analysis, locale, limit, (i) => table.rowOf(i)),
      format,
    ),
  );
}

export function paretoCommand(file: string, options: TierOptions, io: Io): Promise<number> {
  return guarded(options.locale, io, async () => {
    const locale = localeOption(options.locale);
    formatOption(options.format);
    tierSpecOption(options, locale);
    topOption(options.top);
    runPareto(await loadTable(file, options, locale, io), options, io);
  });
}
