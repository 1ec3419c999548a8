/**
 * From the cells read to the engine's Portfolio, with the engine's errors turned into
 * ActionErrors that name the header and the WORKSHEET row of the bad cell.
 */
import { isKaError, KaError, messageIn } from "../../../engine/errors";
import { ColumnMapping, locateCellError, mappedSalesColumns } from "../../../engine/input/mapping";
import { buildPortfolio, Portfolio } from "../../../engine/portfolio";
import { TierSpec, tierSpecOf } from "../../../engine/tiers";
import { columnLetters } from "../r1c1";
import { ActionError } from "./errors";
import type { TableGeometry } from "./read";
import type { DetectedTable, PlannerSettings } from "./types";

/** The tier spec of the settings; invalid thresholds are an ActionError. */
export function tierSpecFor(settings: PlannerSettings): TierSpec {
  try {
    return tierSpecOf(settings.scheme, settings.thresholds && settings.thresholds.length > 0 ? [settings.thresholds] : null, null, settings.locale);
  } catch (e) {
    if (isKaError(e)) throw new ActionError("unknown", "taskpane.error.settingsInvalid", { detail: messageIn(e, settings.locale) }, e);
    throw e;
  }
}

/** Engine message key → the pane's message for a bad cell of a mapped column. */
const CELL_MESSAGES: Readonly<Record<string, string>> = {
  "error.notNumber": "taskpane.error.cellNotNumber",
  "error.notFinite": "taskpane.error.cellNotNumber",
  "error.errorCell": "taskpane.error.cellError",
  "error.customerError": "taskpane.error.cellError",
  "error.notDate": "taskpane.error.cellNotDate",
  "error.satisfaction": "taskpane.error.cellNotSatisfaction",
};

/** An engine error as the pane's error: a bad cell names its header, column letter and worksheet row. */
export function engineError(
  e: KaError,
  table: DetectedTable,
  geo: TableGeometry,
  indexOf: ReadonlyMap<string, number>,
  columns: readonly (readonly unknown[] | undefined)[],
  locale: PlannerSettings["locale"],
): ActionError {
  const detail = messageIn(e, locale);
  const at = locateCellError(e, indexOf, columns);
  if (!at) return new ActionError("unknown", "taskpane.error.engine", { detail }, e);
  return new ActionError(
    "textInNumberColumn",
    CELL_MESSAGES[e.key] ?? "taskpane.error.cellInvalid",
    {
      header: table.headers[at.column] ?? at.name,
      column: columnLetters(geo.rect.col + at.column + 1),
      row: geo.rect.row + 2 + at.row,
      cell: at.cell,
      sheet: geo.sheet,
      detail,
    },
    e,
  );
}

/** The portfolio of the mapped columns (errors located, see engineError). */
export function portfolioOf(
  table: DetectedTable,
  geo: TableGeometry,
  columns: readonly (readonly unknown[] | undefined)[],
  mapping: ColumnMapping,
  settings: PlannerSettings,
  spec: TierSpec,
): Portfolio {
  const { columns: sales, indexOf } = mappedSalesColumns(table.headers, columns, mapping, settings.measure);
  try {
    return buildPortfolio(sales, spec);
  } catch (e) {
    if (isKaError(e)) throw engineError(e, table, geo, indexOf, columns, settings.locale);
    throw e;
  }
}

/** The mapped column indexes (single roles and criteria), without repeats. */
export function mappedColumns(mapping: ColumnMapping, roles?: readonly string[]): number[] {
  const out = new Set<number>();
  for (const [role, v] of Object.entries(mapping)) {
    if (roles && !roles.includes(role)) continue;
    for (const c of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.add(c);
  }
  return [...out].sort((a, b) => a - b);
}
