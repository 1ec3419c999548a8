/** How the total rows left out are named in one line (KA.PARETO, the command line, the pane). */
import { Locale, text } from "../strings";
import { LISTED_ROWS } from "./total-rows";
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
  if (positions.length === 1) return text(loc, orientation === "column" ? "position.row" : "position.column", { n: positionOf(positions[0]) });
  const shown = positions.slice(0, LISTED_ROWS).map(positionOf);
  const list = shown.join(", ") + (positions.length > LISTED_ROWS ? ", …" : "");
  return text(loc, orientation === "column" ? "totalRows.rows" : "totalRows.columns", { list });
}
