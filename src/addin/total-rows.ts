/**
 * Total rows in the pane (README "Input rules"): which rows of the preview sample the actions
 * will leave out, and the notes of a run that left total rows out.
 */
import { readCustomerVector } from "../engine/input/customer-vector";
import { readNumericVector } from "../engine/input/numeric-vector";
import { columnVector } from "../engine/input/range";
import { TotalRowsReport, withoutTotalRows, TOTAL_ROW } from "../engine/total-rows";
import { totalRowMessages } from "../engine/total-rows-text";
import { Locale } from "../strings";
import type { TableGeometry } from "./read";

export interface PreviewTotalRow {
  /** 0-based row of the sample. */
  readonly index: number;
  /** Worksheet row. */
  readonly row: number;
  readonly name: string;
}

/**
 * Total rows among the sample rows (the detection's first rows): found by the engine's rule on
 * the sample, which is the whole table when it is short; otherwise only subtotals show. A cell
 * the engine cannot read marks nothing here (the run names it).
 */
export function sampleTotalRows(
  sample: readonly unknown[][],
  complete: boolean,
  customer: number,
  value: number,
  firstDataRow: number,
): PreviewTotalRow[] {
  try {
    const customers = readCustomerVector(
      columnVector(
        sample.map((r) => r[customer]),
        "customer",
      ),
    );
    const values = readNumericVector(
      columnVector(
        sample.map((r) => r[value]),
        "value",
      ),
    ).values;
    const found = withoutTotalRows(values, customers.ids, customers.names, complete);
    if (!found) return [];
    const out: PreviewTotalRow[] = [];
    found.ids.forEach((id, i) => {
      if (id === TOTAL_ROW) out.push({ index: i, row: firstDataRow + i, name: customers.names[customers.ids[i]] });
    });
    return out;
  } catch {
    return [];
  }
}

/** What a run says about the total rows it left out and the total words it kept as customers. */
export function totalRowNotes(report: TotalRowsReport, geo: TableGeometry, locale: Locale): string[] {
  const keys = { leftOut: "taskpane.warning.totalRows", kept: "taskpane.warning.totalWord" };
  return totalRowMessages(locale, report, (i) => geo.rect.row + 2 + i, keys, { sheet: geo.sheet });
}
