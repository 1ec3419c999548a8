/**
 * Editing the column mapping in the pane: one role per column, chosen from a dropdown on each
 * column. Pure functions over `ColumnMapping` (role → column index, criteria roles → indices).
 *
 * - A single-valued role (customer, revenue, …) holds at most one column: giving it to another
 *   column takes it from the first one (which becomes "not used").
 * - Criteria roles (attractiveness, strength) hold any number of columns, in column order.
 * - A column holds at most one role: choosing a role for it removes it from any other, including
 *   roles the pane does not offer (kept untouched otherwise, so nothing the proposal found is lost).
 */
import type { ColumnMapping } from "./contract";
import { READ_ROLES } from "../app/mapping";

/**
 * Roles offered in the dropdowns, in this order: what the sheets read, then the criteria of the
 * portfolio matrix, then columns the proposal may recognise that no sheet reads (order number,
 * quantity, product, industry), so that the list can show what was found.
 */
export const PANE_ROLES = [...READ_ROLES, "orderId", "quantity", "product", "industry"] as const;
export type PaneRole = (typeof PANE_ROLES)[number];

/** Roles that take several columns (the criteria of the portfolio matrix). */
const MULTI_ROLES: ReadonlySet<string> = new Set(["attractiveness", "strength"]);

export function isPaneRole(role: string): role is PaneRole {
  return (PANE_ROLES as readonly string[]).includes(role);
}

function columnsOf(value: number | number[] | undefined): number[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The role of a column ("" when none). Roles the pane offers win over others. */
export function roleOfColumn(mapping: ColumnMapping, column: number): string {
  let other = "";
  for (const [role, value] of Object.entries(mapping)) {
    if (!columnsOf(value).includes(column)) continue;
    if (isPaneRole(role)) return role;
    other ||= role;
  }
  return other;
}

/** The mapping with `column` given to `role` ("" = not used). Never mutates its argument. */
export function assignColumn(mapping: ColumnMapping, column: number, role: string): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [r, value] of Object.entries(mapping)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const rest = value.filter((c) => c !== column);
      if (rest.length > 0 || MULTI_ROLES.has(r)) out[r] = rest;
    } else if (value !== column && !(r === role && !MULTI_ROLES.has(role))) {
      out[r] = value;
    }
  }
  if (role === "") return out;
  if (MULTI_ROLES.has(role)) {
    out[role] = [...columnsOf(out[role]), column].sort((a, b) => a - b);
  } else {
    out[role] = column;
  }
  return out;
}

/** The columns of a role (criteria roles: several). */
export function columnsOfRole(mapping: ColumnMapping, role: string): number[] {
  return columnsOf(mapping[role]);
}

/** Keeps only columns that exist in a table of `columnCount` columns. */
export function clampMapping(mapping: ColumnMapping, columnCount: number): ColumnMapping {
  const ok = (c: number) => Number.isInteger(c) && c >= 0 && c < columnCount;
  const out: ColumnMapping = {};
  for (const [role, value] of Object.entries(mapping)) {
    if (Array.isArray(value)) out[role] = value.filter(ok);
    else if (value !== undefined && ok(value)) out[role] = value;
  }
  return out;
}

/** What stops the actions from running: resource keys of the problems, in display order. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  if (columnsOf(mapping.customer).length === 0) problems.push("taskpane.mapping.needCustomer");
  if (columnsOf(mapping.revenue).length === 0 && columnsOf(mapping.profit).length === 0) problems.push("taskpane.mapping.needValue");
  return problems;
}

/** True when both mappings give every role the same columns. */
export function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  const roles = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const role of roles) {
    const x = columnsOf(a[role]);
    const y = columnsOf(b[role]);
    if (x.length !== y.length || x.some((c, i) => c !== y[i])) return false;
  }
  return true;
}

/** True when the saved headers are those of the table (same texts, same order, spaces ignored). */
export function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h.trim() === b[i].trim());
}
