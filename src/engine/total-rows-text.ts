/** How the total rows left out are named in one line (KA.PARETO, the command line, the pane). */
import { Locale, text } from "../strings";
import { LISTED_ROWS, TotalRowsReport } from "./total-rows";
import { Orientation } from "./input/range";

/**
 * "rows 301, 415", or "row 7" (at most LISTED_ROWS, then "…"). positionOf turns a 0-based position into
 * what the reader counts (1-based in the range by default; the command line gives sheet rows).
 */
export function listedPositions(
  loc: Locale,
  positions: readonly number[],
  orientation: Orientation = "column",
  positionOf: (i: number) => string | number = (i) => i + 1,
): string {
  if (positions.length === 1)
    return text(loc, orientation === "column" ? "position.row" : "position.column", { n: positionOf(positions[0]) });
  const shown = positions.slice(0, LISTED_ROWS).map(positionOf);
  const list = shown.join(", ") + (positions.length > LISTED_ROWS ? ", …" : "");
  return text(loc, orientation === "column" ? "totalRows.rows" : "totalRows.columns", { list });
}

/**
 * The messages about a report: one for the total rows left out (`{count}`, `{rows}`: row and
 * customer text), one per total-word customer kept as a customer (`{name}`, `{rows}`). rowOf
 * gives the row the reader counts (the worksheet row); args go to both messages.
 */
export function totalRowMessages(
  loc: Locale,
  report: TotalRowsReport,
  rowOf: (i: number) => number,
  keys: { readonly leftOut: string; readonly kept: string },
  args: Record<string, string | number> = {},
): string[] {
  const out: string[] = [];
  if (report.rows.length > 0) {
    const rows = listedPositions(loc, report.rows, "column", (i) => `${rowOf(i)} "${report.names[report.rows.indexOf(i)]}"`);
    out.push(text(loc, keys.leftOut, { ...args, count: report.rows.length, rows }));
  }
  for (const u of report.unmatched)
    out.push(text(loc, keys.kept, { ...args, name: u.name, rows: listedPositions(loc, u.rows, "column", rowOf) }));
  return out;
}
