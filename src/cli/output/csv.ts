/** RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, CRLF. */

export function csvField(v: unknown): string {
  let s: string;
  if (v === null || v === undefined) s = "";
  else if (typeof v === "number") s = Number.isFinite(v) ? String(v) : "";
  else if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(",");
}
