/**
 * The engine's SalesColumns of a column mapping (mapping.ts), and where an engine error about
 * one cell points in the table: for the add-in, which reads the sheet's columns itself.
 */
import { KaError } from "../engine/errors";
import { Cell, cellText, describeCell } from "../engine/input/cells";
import { columnLetter } from "../excel/column-letters";
import { NamedColumn, SalesColumns } from "../engine/portfolio";
import { ColumnMapping, CriteriaAxis, Measure } from "./mapping";

export interface MappedSalesColumns {
  readonly columns: SalesColumns;
  /** NamedColumn.name (as the engine's messages name it) → column index in the table. */
  readonly indexOf: ReadonlyMap<string, number>;
}

/**
 * The engine's SalesColumns of a mapping. `columns[i]` holds the data cells (header row
 * excluded) of table column i; columns not mapped may be absent. The column names are the
 * headers (blank ones "Column C", by the column's letter within the table), made unique among
 * the mapped columns so that an engine error always leads back to one column.
 * Throws when the customer or the measure's column is not mapped (validateMapping first).
 */
export function salesColumnsOf(
  headers: readonly unknown[],
  columns: readonly (readonly Cell[] | undefined)[],
  mapping: ColumnMapping,
  measure: Measure = "revenue",
): SalesColumns {
  return mappedSalesColumns(headers, columns, mapping, measure).columns;
}

export function mappedSalesColumns(
  headers: readonly unknown[],
  columns: readonly (readonly Cell[] | undefined)[],
  mapping: ColumnMapping,
  measure: Measure = "revenue",
): MappedSalesColumns {
  const single = (role: string): number | undefined => {
    const v = mapping[role];
    return typeof v === "number" ? v : undefined;
  };
  const customerIndex = single("customer");
  const measureIndex = single(measure);
  if (customerIndex === undefined) throw new Error("salesColumnsOf: the customer column is not mapped");
  if (measureIndex === undefined) throw new Error(`salesColumnsOf: the ${measure} column is not mapped`);
  const rows = columns[customerIndex]?.length ?? 0;
  const indexOf = new Map<string, number>();
  const byIndex = new Map<number, NamedColumn>();
  const named = (index: number): NamedColumn => {
    const existing = byIndex.get(index);
    if (existing) return existing;
    const header = cellText(headers[index]).trim();
    let name = header !== "" ? header : `Column ${columnLetter(index)}`;
    if (indexOf.has(name)) name = `${name} (${columnLetter(index)})`;
    const c: NamedColumn = { name, cells: columns[index] ?? new Array<Cell>(rows).fill(null) };
    indexOf.set(name, index);
    byIndex.set(index, c);
    return c;
  };
  const opt = (role: string): NamedColumn | undefined => {
    const i = single(role);
    return i === undefined ? undefined : named(i);
  };
  const list = (axis: CriteriaAxis): NamedColumn[] | undefined => {
    const v = mapping[axis];
    return Array.isArray(v) && v.length > 0 ? [...new Set(v)].map(named) : undefined;
  };
  const customer = named(customerIndex);
  const revenue = opt("revenue");
  const profit = opt("profit");
  const sales: SalesColumns = {
    customer,
    measure: named(measureIndex),
    revenue,
    profit,
    date: opt("date"),
    satisfaction: opt("satisfaction"),
    effort: opt("effort"),
    credit: opt("credit"),
    region: opt("region"),
    manager: opt("manager"),
    attractiveness: list("attractiveness"),
    strength: list("strength"),
  };
  return { columns: sales, indexOf };
}

/* ------------------------------------------------------------------ locating engine errors */

export interface CellErrorLocation {
  /** Column index in the table. */
  readonly column: number;
  /** The column's name as the engine used it. */
  readonly name: string;
  /** 0-based data row (header excluded). */
  readonly row: number;
  /** The cell as shown in the message. */
  readonly cell: string;
}

/**
 * Where an engine error about one cell of a mapped column points, or null when it is not about
 * a cell of a mapped column (sizes, totals). The engine reports positions within the vector it
 * read; where it re-read a single cell on its own (satisfaction levels) the position says 1,
 * so the position is checked against the cell and recovered as the first cell reading as it.
 */
export function locateCellError(
  e: KaError,
  indexOf: ReadonlyMap<string, number>,
  columns: readonly (readonly Cell[] | undefined)[],
): CellErrorLocation | null {
  const name = e.args.arg;
  if (typeof name !== "string") return null;
  const column = indexOf.get(name);
  if (column === undefined) return null;
  if (e.args.posKey !== "position.row" || typeof e.args.posN !== "number") return null;
  const cells = columns[column] ?? [];
  const cell = typeof e.args.cell === "string" ? e.args.cell : undefined;
  let row = e.args.posN - 1;
  if (cell !== undefined && !(row >= 0 && row < cells.length && describeCell(cells[row]) === cell)) {
    const i = cells.findIndex((c) => describeCell(c) === cell);
    if (i >= 0) row = i;
  }
  return { column, name, row, cell: cell ?? describeCell(cells[row]) };
}
