/**
 * One description of a result (columns with a key, a header and a kind; rows of raw values)
 * rendered three ways: an aligned text table for people (numbers formatted, CJK counted
 * double width, controls shown as escapes), RFC 4180 CSV and JSON for programs (raw numbers,
 * full precision, text exactly as read).
 */
import { maxOf } from "../../engine/arrays";
import { csvLine } from "./csv";
import { displayWidth, formatAmount, formatInteger, formatPercent, formatRatio, padEnd, padStart } from "./format";
import { terminalText } from "./terminal";
import { valueText } from "../value-text";

export type ColumnKind = "text" | "integer" | "amount" | "percent" | "ratio";
export type Format = "table" | "csv" | "json";
export const FORMATS: readonly Format[] = ["table", "csv", "json"];

interface OutputColumn {
  /** JSON key. */
  readonly key: string;
  /** Header in the output language (table and CSV). */
  readonly header: string;
  /** How numbers are shown in the table; a function when it varies by row. */
  readonly kind: ColumnKind | ((row: number) => ColumnKind);
}

export interface Result {
  readonly columns: readonly OutputColumn[];
  readonly rows: readonly (readonly unknown[])[];
}

const kindAt = (c: OutputColumn, row: number): ColumnKind => (typeof c.kind === "function" ? c.kind(row) : c.kind);

/** A cell as the table shows it. */
function formatCell(v: unknown, kind: ColumnKind): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    switch (kind) {
      case "integer":
        return formatInteger(v);
      case "amount":
        return formatAmount(v);
      case "percent":
        return formatPercent(v);
      case "ratio":
        return formatRatio(v);
      default:
        return String(v);
    }
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return tableText(valueText(v));
}

/** Text in a table cell: on one line, and safe for a terminal (see terminal.ts). */
const tableText = (s: string): string => terminalText(s.replace(/[\r\n\t]+/g, " "));

export function renderTable(result: Result): string {
  const { columns, rows } = result;
  const headers = columns.map((c) => tableText(c.header));
  const cells = rows.map((r, i) => columns.map((c, j) => formatCell(r[j], kindAt(c, i))));
  const right = columns.map((c, j) => rows.some((r) => typeof r[j] === "number") && c.kind !== "text");
  const widths = headers.map((h, j) =>
    maxOf(
      cells.map((r) => displayWidth(r[j])),
      displayWidth(h),
    ),
  );
  const line = (vals: string[]) =>
    vals
      .map((v, j) => (right[j] ? padStart(v, widths[j]) : padEnd(v, widths[j])))
      .join("  ")
      .replace(/\s+$/, "");
  const out = [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)];
  return out.join("\n") + "\n";
}

function renderCsv(result: Result): string {
  const lines = [csvLine(result.columns.map((c) => c.header)), ...result.rows.map((r) => csvLine(r))];
  return lines.join("\r\n") + "\r\n";
}

/** An array of objects keyed by column key; blank cells ("") are null. */
function renderJson(result: Result): string {
  const objects = result.rows.map((r) => {
    const o: Record<string, unknown> = {};
    result.columns.forEach((c, j) => {
      const v = r[j];
      o[c.key] = v === "" || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : v;
    });
    return o;
  });
  return JSON.stringify(objects, null, 2) + "\n";
}

export function render(result: Result, format: Format): string {
  return format === "csv" ? renderCsv(result) : format === "json" ? renderJson(result) : renderTable(result);
}
