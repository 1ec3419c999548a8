/**
 * insertTierColumn: a "Tier" (等级) column to the right of the table, as one KA.TIER formula that
 * spills a label per data row, or (asValues) the labels themselves as text.
 *
 * Never overwrites: the columns to the right (header row to last data row) are checked with
 * getUsedRangeOrNullObject(valuesOnly) and the first empty one is used; an Excel table's adjacent
 * column is skipped for the formula (a value typed beside a table can make Excel grow the table
 * over it, and a spilling formula inside a table is #SPILL!). No empty column among the next
 * MAX_SCAN_COLUMNS: an error, nothing written. A protected sheet: an error, nothing written.
 *
 * One run at a time (run-lock.ts): refused with "busy" while another run is in progress.
 *
 * Syncs: 1 check (+ the value reads, in row chunks, for asValues) + 1 write per ~3.8 MB.
 */
import { isKaError } from "../engine/errors";
import { ColumnMapping } from "../app/mapping";
import { mappedSalesColumns } from "../app/sales-columns";
import { buildPortfolio } from "../engine/portfolio";
import { TIER_LOSS, TIER_NONE } from "../engine/tiers";
import { list, text } from "../strings";
import { DEFAULT_MAX_REQUEST_BYTES, encodeLiteral, jsonBytes, OP_OVERHEAD, REQUEST_OVERHEAD } from "../render/office/encode";
import { MAX_COLS } from "../render/office/r1c1";
import { a1Of } from "./address";
import { engineError, tierSpecFor } from "./compute";
import { ActionError, toActionError } from "./errors";
import { excelRun } from "./host";
import { requireUsableMapping } from "./mapping";
import { exclusiveRun } from "./run-lock";
import { checkLocation, geometryOf, isGone, queueFingerprint, queueLocation, readColumns, sheetAddress } from "./read";
import type { DetectedTable, PlannerSettings } from "./types";

/** How many columns to the right of the table are looked at for an empty one. */
export const MAX_SCAN_COLUMNS = 16;

export async function insertTierColumn(
  table: DetectedTable,
  mapping: ColumnMapping,
  settings: PlannerSettings,
  options: { asValues?: boolean } = {},
): Promise<{ address: string }> {
  // Refused (a rejected promise) before the run starts.
  requireUsableMapping(table, mapping, settings.measure);
  const spec = tierSpecFor(settings);
  const geo = geometryOf(table);
  const customer = mapping.customer as number;
  const measure = mapping[settings.measure] as number;
  const asValues = options.asValues === true;

  return await exclusiveRun(() =>
    excelRun(async (context) => {
      let protectedSeen = false;
      try {
        const ws = context.workbook.worksheets.getItem(geo.sheet);
        const right = geo.rect.col + geo.rect.cols;
        const scan = Math.min(MAX_SCAN_COLUMNS, MAX_COLS - right);
        let empty: boolean[] = [];
        const first = (ctx: Excel.RequestContext) => {
          const location = queueLocation(ctx, table, geo);
          const protection = ws.protection;
          protection.load("protected");
          const used = Array.from({ length: scan }, (_, k) => {
            const r = ws.getRange(a1Of({ row: geo.rect.row, col: right + k, rows: geo.rect.rows, cols: 1 })).getUsedRangeOrNullObject(true);
            r.load("address");
            return r;
          });
          return () => {
            checkLocation(location, table, geo);
            if (protection.protected) {
              protectedSeen = true;
              throw new ActionError("protected", "taskpane.error.sheetProtected", { sheet: geo.sheet });
            }
            empty = used.map((r) => r.isNullObject);
          };
        };

        let labels: string[] | null = null;
        if (asValues) {
          const read = await readColumns(context, geo, [customer, measure], { first });
          if (read.chunks > 1) {
            const check = queueFingerprint(context, table, geo, [customer, measure], read);
            await context.sync();
            check();
          }
          const { columns: sales, indexOf } = mappedSalesColumns(
            table.headers,
            read.columns,
            { customer, [settings.measure]: measure },
            settings.measure,
          );
          let portfolio;
          try {
            portfolio = buildPortfolio({ customer: sales.customer, measure: sales.measure }, spec);
          } catch (e) {
            if (isKaError(e)) throw engineError(e, table, geo, indexOf, read.columns, settings.locale);
            throw e;
          }
          const { rowCustomer } = portfolio.analysis.customers;
          const { tiers } = portfolio.analysis.tiers;
          const loss = list(settings.locale, "tier.loss")[0];
          labels = Array.from(rowCustomer, (id) => {
            if (id < 0) return "";
            const t = tiers[id];
            return t === TIER_NONE ? "" : t === TIER_LOSS ? loss : spec.labels[t];
          });
        } else {
          const after = first(context);
          await context.sync();
          after();
        }

        // The first empty column (for a table's formula, not the one right beside it).
        const from = table.source === "table" && !asValues ? 1 : 0;
        let k = -1;
        for (let i = from; i < empty.length; i++) {
          if (empty[i]) {
            k = i;
            break;
          }
        }
        if (k < 0) throw new ActionError("unknown", "taskpane.error.noEmptyColumn", { address: table.address, columns: scan });
        const col = right + k;
        const header = text(settings.locale, "taskpane.tierHeader");
        const headerCell = ws.getRange(a1Of({ row: geo.rect.row, col, rows: 1, cols: 1 }));
        headerCell.values = [[encodeLiteral(header)]];
        headerCell.format.font.bold = true;
        if (!labels) {
          ws.getRange(a1Of({ row: geo.rect.row + 1, col, rows: 1, cols: 1 })).formulas = [
            [tierFormula(geo.rect, customer, measure, settings, spec.scheme)],
          ];
          await context.sync();
        } else {
          await writeColumn(context, ws, geo.rect.row + 1, col, labels);
        }
        return { address: sheetAddress(geo.sheet, { row: geo.rect.row, col, rows: geo.rect.rows, cols: 1 }) };
      } catch (e) {
        if (isGone(e)) throw new ActionError("tableChanged", "taskpane.error.tableGone", { address: table.address }, e);
        throw toActionError(e, { during: "writing", sheet: geo.sheet, protectedSeen });
      }
    }),
  );
}

/** =KA.TIER($C$2:$C$3001,$A$2:$A$3001,"ABC",{0.8,0.95},,"en") */
function tierFormula(
  rect: { row: number; col: number; rows: number },
  customer: number,
  measure: number,
  settings: PlannerSettings,
  scheme: string,
): string {
  const column = (c: number) => a1Of({ row: rect.row + 1, col: rect.col + c, rows: rect.rows - 1, cols: 1 }, true);
  const thresholds =
    settings.thresholds && settings.thresholds.length > 0 ? `{${settings.thresholds.map((x) => String(x)).join(",")}}` : "";
  return `=KA.TIER(${column(measure)},${column(customer)},"${scheme}",${thresholds},,"${settings.locale}")`;
}

/** Writes text labels down a column (with whatever is queued), one sync per request budget. */
async function writeColumn(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  row: number,
  col: number,
  labels: readonly string[],
): Promise<void> {
  const budget = DEFAULT_MAX_REQUEST_BYTES - REQUEST_OVERHEAD - 3 * OP_OVERHEAD;
  const cells = labels.map((l) => [encodeLiteral(l)]);
  const put = (from: number, to: number) => {
    ws.getRange(a1Of({ row: row + from, col, rows: to - from, cols: 1 })).values =
      from === 0 && to === cells.length ? cells : cells.slice(from, to);
  };
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < cells.length; i++) {
    const size = jsonBytes(cells[i]) + 1;
    if (bytes + size > budget && i > start) {
      put(start, i);
      await context.sync();
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (cells.length > start) put(start, cells.length);
  await context.sync();
}
