/**
 * From the cells read to the engine's Portfolio, with the engine's errors turned into
 * ActionErrors that name the header and the WORKSHEET row of the bad cell.
 */
import { isKaError, KaError, messageIn } from "../engine/errors";
import { ColumnMapping } from "../app/mapping";
import { locateCellError, mappedSalesColumns } from "../app/sales-columns";
import { buildPortfolio, Portfolio } from "../engine/portfolio";
import { text } from "../strings";
import { TierSpec, tierSpecOf } from "../engine/tiers";
import { columnLetters } from "../render/office/r1c1";
import { ActionError } from "./errors";
import type { TableGeometry } from "./read";
import type { DetectedTable, PlannerSettings } from "./types";

/** The tier spec of the settings; invalid thresholds are an ActionError. */
export function tierSpecFor(settings: PlannerSettings): TierSpec {
  try {
    return tierSpecOf(
      settings.scheme,
      settings.thresholds && settings.thresholds.length > 0 ? [settings.thresholds] : null,
      null,
      settings.locale,
    );
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
    // The pane never stops on dates: a date column it cannot read is left out with a note (dateWarnings).
    return buildPortfolio(sales, spec, { dateOrder: settings.dateOrder, optionalDate: true });
  } catch (e) {
    if (isKaError(e)) throw engineError(e, table, geo, indexOf, columns, settings.locale);
    throw e;
  }
}

/** The note of a date column left out (empty when the dates were read): header, worksheet row and cell. */
export function dateWarnings(
  portfolio: Portfolio,
  table: DetectedTable,
  geo: TableGeometry,
  mapping: ColumnMapping,
  locale: PlannerSettings["locale"],
): string[] {
  const p = portfolio.dateProblem;
  const col = mapping.date;
  if (!p || typeof col !== "number") return [];
  const header = table.headers[col] ?? p.column;
  return [
    text(locale, `note.datesLeftOut.${p.reason}`, {
      column: text(locale, "taskpane.warning.dateColumn", { header, column: columnLetters(geo.rect.col + col + 1), sheet: geo.sheet }),
      row: text(locale, "position.row", { n: geo.rect.row + 2 + p.row }),
      cell: p.cell,
      other: p.otherCell ?? "",
      hint: p.reason === "ambiguous" ? text(locale, "taskpane.warning.dateOrderHint") : "",
    }).trimEnd(),
  ];
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
