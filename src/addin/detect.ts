/**
 * findSalesTable: the sales table around the selection.
 *
 * 1. The Excel table (ListObject) containing the active cell: Range.getTables (ExcelApi 1.9), or
 *    below 1.9 the sheet's tables compared with the active cell (one more sync).
 * 2. Otherwise the current region around the active cell (Range.getSurroundingRegion, ExcelApi
 *    1.7, what Ctrl+* selects: bounded by blank rows and columns); below 1.7 the sheet's used
 *    range (values only), if it contains the active cell.
 * The header row is the first row; a table's totals row is left out. At least one data row is
 * needed. Syncs: 2 for a region, 3 for a table (name, range, header + sample).
 */
import { SAMPLE_ROWS } from "../app/mapping";
import { ActionError, toActionError } from "./errors";
import { a1Of, Rect } from "./address";
import { excelRun, supportsExcel } from "./host";
import { headerTexts, sheetAddress } from "./read";
import type { DetectedTable } from "./types";

const PREVIEW_ROWS = 5;
/** Data rows read for content sniffing (proposeMapping). */
export { SAMPLE_ROWS };

export function findSalesTable(): Promise<DetectedTable> {
  return excelRun(async (context) => {
    try {
      return await detect(context);
    } catch (e) {
      throw toActionError(e, { during: "reading" });
    }
  });
}

interface Found {
  sheet: string;
  rect: Rect;
  source: "table" | "region";
  tableName?: string;
}

const within = (r: number, c: number, rect: Rect): boolean =>
  r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols;

const rectOfRange = (r: Excel.Range): Rect => ({ row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount });

async function detect(context: Excel.RequestContext): Promise<DetectedTable> {
  const wb = context.workbook;
  const has17 = supportsExcel("1.7");
  const has19 = supportsExcel("1.9");
  const cell = has17 ? wb.getActiveCell() : wb.getSelectedRange().getCell(0, 0);
  cell.load("address,rowIndex,columnIndex");
  const ws = cell.worksheet;
  ws.load("name");
  const tablesAt = has19 ? cell.getTables(false) : null;
  tablesAt?.load("items/name,items/showTotals");
  const sheetTables = has19 ? null : ws.tables;
  sheetTables?.load("items/name,items/showTotals");
  const region = has17 ? cell.getSurroundingRegion() : ws.getUsedRangeOrNullObject(true);
  region.load("address,rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();

  const sheet = ws.name;
  const at = { row: cell.rowIndex, col: cell.columnIndex };
  let found: Found | null = null;

  // 1. An Excel table at the active cell.
  let table: { name: string; showTotals: boolean; rect?: Rect } | undefined;
  if (tablesAt) table = tablesAt.items[0];
  else if (sheetTables && sheetTables.items.length > 0) {
    const ranges = sheetTables.items.map((t) => {
      const r = wb.tables.getItem(t.name).getRange();
      r.load("rowIndex,columnIndex,rowCount,columnCount");
      return { t, r };
    });
    await context.sync();
    const hit = ranges.find(({ r }) => within(at.row, at.col, rectOfRange(r)));
    if (hit) table = { name: hit.t.name, showTotals: hit.t.showTotals, rect: rectOfRange(hit.r) };
  }
  if (table) {
    let rect = table.rect;
    if (!rect) {
      const r = wb.tables.getItem(table.name).getRange();
      r.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      rect = rectOfRange(r);
    }
    found = { sheet, rect: { ...rect, rows: rect.rows - (table.showTotals ? 1 : 0) }, source: "table", tableName: table.name };
  } else if (!region.isNullObject) {
    // 2. The current region (or the used range below ExcelApi 1.7).
    const rect = rectOfRange(region);
    if (within(at.row, at.col, rect)) found = { sheet, rect, source: "region" };
  }
  if (!found || (found.rect.rows === 1 && found.rect.cols === 1)) {
    throw new ActionError("noTable", "taskpane.error.noTableAtSelection", { cell: cell.address });
  }
  if (found.rect.rows < 2) {
    throw new ActionError("noTable", "taskpane.error.tableTooSmall", { address: sheetAddress(found.sheet, found.rect) });
  }

  // 3. Header row and the first data rows.
  const dataRows = found.rect.rows - 1;
  const head = wb.worksheets.getItem(found.sheet).getRange(a1Of({ ...found.rect, rows: 1 + Math.min(SAMPLE_ROWS, dataRows) }));
  head.load("values");
  await context.sync();
  const values = head.values;
  const sample = values.slice(1);
  return {
    sheetName: found.sheet,
    address: sheetAddress(found.sheet, found.rect),
    source: found.source,
    ...(found.tableName ? { tableName: found.tableName } : {}),
    rowCount: dataRows,
    columnCount: found.rect.cols,
    headers: headerTexts(values[0], found.rect.col),
    preview: sample.slice(0, PREVIEW_ROWS),
    sample,
  };
}
