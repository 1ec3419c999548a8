/**
 * The mapping as the pane uses it: the proposal for a detected table, the preview of what will be
 * read, and the mapping's problems as ActionErrors. Pure (the rules are in
 * app/mapping.ts).
 */
import { ColumnMapping, CRITERIA_AXES, proposeMapping as proposeFor, SINGLE_ROLES, validateMapping } from "../app/mapping";
import { ActionError } from "./errors";
import { geometryOf } from "./read";
import { sampleTotalRows } from "./total-rows";
import type { DetectedTable, PreviewColumn } from "./types";

/** The proposed mapping of a detected table: header words, then content sniffing over its sample rows. */
export function proposeMapping(table: DetectedTable): ColumnMapping {
  return proposeFor(table.headers, table.sample ?? table.preview);
}

/** Roles in the order the preview lists them: single roles, then the criteria of both axes. */
const ORDER: readonly string[] = [...SINGLE_ROLES, ...CRITERIA_AXES];

/**
 * What will be read, per mapped column: role, header and the first `rows` values (default 5;
 * from the detection's sample, so at most 200). Unknown roles are listed last; columns outside
 * the table are left out.
 */
export function readPreview(table: DetectedTable, mapping: ColumnMapping, rows = 5): PreviewColumn[] {
  const source = table.sample && table.sample.length >= table.preview.length ? table.sample : table.preview;
  const n = Math.max(0, Math.min(Math.floor(rows), source.length));
  const roles = Object.keys(mapping).sort((a, b) => rank(a) - rank(b));
  const out: PreviewColumn[] = [];
  for (const role of roles) {
    const v = mapping[role];
    const cols = Array.isArray(v) ? v : v === undefined ? [] : [v];
    for (const c of cols) {
      if (!(Number.isInteger(c) && c >= 0 && c < table.columnCount)) continue;
      out.push({ role, header: table.headers[c] ?? "", values: source.slice(0, n).map((r) => r[c] ?? "") });
    }
  }
  markTotalRows(out, table, mapping, source);
  return out;
}

/** The customer column's total rows in the sample, by the value column the run would read (revenue, else profit). */
function markTotalRows(out: PreviewColumn[], table: DetectedTable, mapping: ColumnMapping, source: readonly unknown[][]): void {
  const customer = out.find((c) => c.role === "customer");
  const value = [mapping.revenue, mapping.profit].find((c): c is number => typeof c === "number" && c >= 0 && c < table.columnCount);
  const c = mapping.customer;
  if (!customer || value === undefined || typeof c !== "number") return;
  const firstDataRow = geometryOf(table).rect.row + 2;
  const rows = sampleTotalRows(source, source.length >= table.rowCount, c, value, firstDataRow);
  if (rows.length > 0) customer.totalRows = rows;
}

const rank = (role: string): number => {
  const i = ORDER.indexOf(role);
  return i < 0 ? ORDER.length : i;
};

/** Throws "missingColumn" when the mapping cannot be used for this measure on this table. */
export function requireUsableMapping(table: DetectedTable, mapping: ColumnMapping, measure: "revenue" | "profit"): void {
  const problems = validateMapping(mapping, { measure, columnCount: table.columnCount });
  const p = problems[0];
  if (!p) return;
  if (p.kind === "missing") {
    throw new ActionError(
      "missingColumn",
      p.role === "customer"
        ? "taskpane.error.customerNotMapped"
        : p.role === "profit"
          ? "taskpane.error.profitNotMapped"
          : "taskpane.error.revenueNotMapped",
      { address: table.address },
    );
  }
  if (p.kind === "duplicate") {
    throw new ActionError("missingColumn", "taskpane.error.columnTwice", {
      header: table.headers[p.column] ?? "",
      roles: p.roles.join(", "),
    });
  }
  throw new ActionError("missingColumn", "taskpane.error.columnInvalid", { role: p.role, value: JSON.stringify(p.value) ?? "" });
}
