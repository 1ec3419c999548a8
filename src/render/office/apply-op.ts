/**
 * Applies one planned write operation (write-ops.ts) to a worksheet through Office.js, reserving
 * its bytes in the sheet's requests first; per-cell arrays are cut into row chunks that fill
 * each request.
 */
import {
  a1,
  a1Range,
  type ConditionalFormat,
  type ListValidation,
  type PrintSetup,
  type RangeRef,
  type TableDef,
} from "../../sheets/model";
import { truncateUnits } from "../../excel/well-formed";
import { OP_OVERHEAD } from "./encode";
import { columnLetters } from "./r1c1";
import type { Requests } from "./requests";
import { hexColor as hex } from "./styles";
import type { CellsOp, ChartWrite, SeriesWrite, WriteOp } from "./write-ops";

const rangeOf = (sheet: Excel.Worksheet, range: RangeRef): Excel.Range => sheet.getRange(a1Range(range));
const columnsOf = (sheet: Excel.Worksheet, first: number, last: number): Excel.Range =>
  sheet.getRange(`${columnLetters(first + 1)}:${columnLetters(last + 1)}`);

/** Sets a value Office.js accepts as a single value applied to every cell (typed as any[][]). */
function setScalar(range: Excel.Range, prop: "values" | "formulas" | "formulasR1C1" | "numberFormat", value: unknown): void {
  (range as unknown as Record<string, unknown>)[prop] = value;
}

/** Sets a property under range.format by path: "font.bold", "fill.color", "borders.EdgeTop.style". */
function setPath(format: Excel.RangeFormat, path: string, value: unknown): void {
  const parts = path.split(".");
  let target: unknown = format;
  let depth = 0;
  if (parts[0] === "borders") {
    target = format.borders.getItem(parts[1] as `${Excel.BorderIndex}`);
    depth = 2;
  }
  for (; depth < parts.length - 1; depth++) target = (target as Record<string, unknown>)[parts[depth]];
  (target as Record<string, unknown>)[parts[parts.length - 1]] = value;
}

/** Writes a per-cell rectangle in row chunks that fill the current request, syncing between them. */
async function writeCells(sheet: Excel.Worksheet, op: CellsOp, requests: Requests): Promise<void> {
  const total = op.rows.length;
  let start = 0;
  while (start < total) {
    const room = requests.room - OP_OVERHEAD - 2;
    let end = start;
    let size = 0;
    while (end < total && size + op.rowBytes[end] <= room) {
      size += op.rowBytes[end];
      end++;
    }
    if (end === start) {
      if (requests.ops > 0) {
        await requests.flush();
        continue;
      }
      size = op.rowBytes[start]; // a single row larger than the budget goes alone
      end = start + 1;
    }
    const rect = { row: op.rect.row + start, col: op.rect.col, rows: end - start, cols: op.rect.cols };
    requests.take(OP_OVERHEAD + 2 + size);
    const range = rangeOf(sheet, rect);
    const rows = start === 0 && end === total ? op.rows : op.rows.slice(start, end);
    if (op.prop === "formulas") range.formulas = rows as unknown[][];
    else range.values = rows as unknown[][];
    start = end;
  }
}

function applySeriesLook(series: Excel.ChartSeries, write: SeriesWrite): void {
  if (write.chartType) series.chartType = write.chartType;
  if (write.secondary) series.axisGroup = "Secondary";
  if (write.color) {
    if (write.colorMode === "fill") series.format.fill.setSolidColor(write.color);
    else if (write.colorMode === "line") series.format.line.color = write.color;
    else {
      series.markerBackgroundColor = write.color;
      series.markerForegroundColor = write.color;
    }
  }
  if (write.dashed) series.format.line.lineStyle = "Dash";
  if (write.chartType === "Line" || write.chartType === "XYScatterLinesNoMarkers") series.markerStyle = "None";
}

function applyAxes(chart: Excel.Chart, write: ChartWrite): void {
  if (write.xAxisTitle) chart.axes.categoryAxis.title.text = write.xAxisTitle;
  if (write.yAxisTitle) chart.axes.valueAxis.title.text = write.yAxisTitle;
  if (write.yAxisFormat) chart.axes.valueAxis.numberFormat = write.yAxisFormat;
  if (write.y2) {
    const y2 = chart.axes.getItem("Value", "Secondary");
    if (write.y2AxisTitle) y2.title.text = write.y2AxisTitle;
    if (write.y2.min !== undefined) y2.minimum = write.y2.min;
    if (write.y2.max !== undefined) y2.maximum = write.y2.max;
    if (write.y2.numberFormat) y2.numberFormat = write.y2.numberFormat;
  }
}

function applyChart(sheet: Excel.Worksheet, write: ChartWrite): void {
  const chart = sheet.charts.add(write.type, rangeOf(sheet, write.series[0].values), "Columns");
  chart.title.text = write.title;
  const anchor = write.anchor;
  chart.setPosition(a1(anchor.row, anchor.col), a1(anchor.row + Math.max(1, anchor.rows) - 1, anchor.col + Math.max(1, anchor.cols) - 1));
  chart.legend.position = "Bottom";
  if (write.plotHidden) chart.plotVisibleOnly = false;
  write.series.forEach((seriesWrite, index) => {
    const series = index === 0 ? chart.series.getItemAt(0) : chart.series.add(seriesWrite.name);
    series.name = seriesWrite.name;
    if (index > 0) series.setValues(rangeOf(sheet, seriesWrite.values));
    series.setXAxisValues(rangeOf(sheet, seriesWrite.categories));
    if (seriesWrite.sizes) series.setBubbleSizes(rangeOf(sheet, seriesWrite.sizes));
    applySeriesLook(series, seriesWrite);
  });
  applyAxes(chart, write);
}

function applyConditionalFormat(range: Excel.Range, def: ConditionalFormat): void {
  if (def.kind === "colorScale") {
    const format = range.conditionalFormats.add("ColorScale");
    format.colorScale.criteria = {
      minimum: { type: "LowestValue", color: hex(def.min) },
      ...(def.mid !== undefined ? { midpoint: { type: "Percentile", formula: "50", color: hex(def.mid) } } : {}),
      maximum: { type: "HighestValue", color: hex(def.max) },
    };
  } else if (def.kind === "dataBar") {
    range.conditionalFormats.add("DataBar").dataBar.positiveFormat.fillColor = hex(def.color);
  } else {
    // Exact (case-insensitive) equality, as Excel's "Cell Value equal to": the text is a string literal.
    const format = range.conditionalFormats.add("CellValue");
    format.cellValue.format.fill.color = hex(def.fill);
    if (def.font) format.cellValue.format.font.color = hex(def.font);
    format.cellValue.rule = { formula1: `="${def.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
  }
}

function applyTable(sheet: Excel.Worksheet, def: TableDef, name: string): void {
  const table = sheet.tables.add(rangeOf(sheet, def.range), true);
  table.name = name;
  if (def.style) table.style = def.style;
  if (def.showTotals) table.showTotals = true;
}

function applyValidation(sheet: Excel.Worksheet, def: ListValidation, source: string): void {
  const validation = rangeOf(sheet, def.range).dataValidation;
  validation.rule = { list: { inCellDropDown: true, source } };
  if (def.prompt) validation.prompt = { showPrompt: true, title: "", message: truncateUnits(def.prompt, 255) };
}

function applyFreeze(sheet: Excel.Worksheet, rows: number, cols: number): void {
  if (rows > 0 && cols > 0) sheet.freezePanes.freezeAt(rangeOf(sheet, { row: 0, col: 0, rows, cols }));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else sheet.freezePanes.freezeColumns(cols);
}

/** The print setup through worksheet.pageLayout (ExcelApi 1.9); fit 0 = as many pages as needed. */
function applyPrint(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  if (print.landscape !== undefined) layout.orientation = print.landscape ? "Landscape" : "Portrait";
  if (print.fitToWidth !== undefined || print.fitToHeight !== undefined) {
    layout.zoom = {
      horizontalFitToPages: Math.max(0, Math.floor(print.fitToWidth ?? 0)),
      verticalFitToPages: Math.max(0, Math.floor(print.fitToHeight ?? 0)),
    };
  }
  const areas = [...(print.area ? [print.area] : []), ...(print.areas ?? [])];
  if (areas.length > 0) layout.setPrintArea(areas.map((area) => a1Range(area)).join(","));
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.from + 1}:$${print.repeatRows.to + 1}`);
}

/** Queues one operation, syncing first when it would not fit in the current request. */
export async function applyOp(context: Excel.RequestContext, sheet: Excel.Worksheet, op: WriteOp, requests: Requests): Promise<void> {
  if (op.kind === "cells") return writeCells(sheet, op, requests);
  await requests.reserve(op.bytes);
  switch (op.kind) {
    case "scalar": {
      setScalar(rangeOf(sheet, op.rect), op.prop, op.value);
      return;
    }
    case "format": {
      const format = rangeOf(sheet, op.rect).format;
      for (const [path, value] of op.settings) setPath(format, path, value);
      return;
    }
    case "columnWidth":
      columnsOf(sheet, op.firstCol, op.lastCol).format.columnWidth = op.points;
      return;
    case "hideColumns":
      columnsOf(sheet, op.firstCol, op.lastCol).columnHidden = true;
      return;
    case "merge": {
      rangeOf(sheet, op.rect).merge(false);
      return;
    }
    case "table": {
      applyTable(sheet, op.def, op.name);
      return;
    }
    case "conditionalFormat": {
      applyConditionalFormat(rangeOf(sheet, op.def.range), op.def);
      return;
    }
    case "validation": {
      applyValidation(sheet, op.def, op.source);
      return;
    }
    case "name":
      context.workbook.names.add(op.name, rangeOf(sheet, op.def.range), op.comment);
      return;
    case "chart": {
      applyChart(sheet, op.chart);
      return;
    }
    case "freeze": {
      applyFreeze(sheet, op.rows, op.cols);
      return;
    }
    case "tabColor":
      sheet.tabColor = op.color;
      return;
    case "autofitRows": {
      rangeOf(sheet, op.rect).format.autofitRows();
      return;
    }
    case "rowHeight":
      rangeOf(sheet, { row: op.row, col: 0, rows: 1, cols: 1 }).format.rowHeight = op.points;
      return;
    case "pageLayout": {
      applyPrint(sheet, op.print);
      return;
    }
  }
}
