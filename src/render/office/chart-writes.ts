/**
 * A model chart as Office.js chart writes: its type, series and reference lines, within the
 * requirement sets the host supports (series need ExcelApi 1.7; secondary axes and reference
 * lines 1.8), with a warning for whatever is left out. Reference lines are series over hidden
 * helper cells (helper-cells.ts).
 */
import { extentOf, type Cell, type ChartDef, type ChartSeries, type RangeRef } from "../../sheets/model";
import { DOT_AREA, DOTS } from "../../excel/charts";
import { HelperArea, lineValue, type LinkedValue } from "./helper-cells";
import { hexColor } from "./styles";
import type { ChartWrite, SeriesWrite } from "./write-ops";

const REFERENCE_COLOR = "#7F7F7F";

type ReferenceLine = NonNullable<ChartDef["referenceLines"]>[number];

/** What planning a chart needs from the sheet's plan. */
export interface ChartWriteContext {
  supports: (version: string) => boolean;
  warn: (feature: string, message: string) => void;
  readonly helpers: HelperArea;
  /** The model's value at a sheet cell. */
  readonly valueAt: (row: number, col: number) => Cell;
}

interface Extent {
  readonly min: number;
  readonly max: number;
}

function numericExtent(valueAt: ChartWriteContext["valueAt"], ranges: readonly RangeRef[]): Extent | null {
  let min = Infinity;
  let max = -Infinity;
  for (const range of ranges) {
    for (let row = range.row; row < range.row + range.rows; row++) {
      for (let col = range.col; col < range.col + range.cols; col++) {
        const value = valueAt(row, col);
        if (typeof value === "number" && Number.isFinite(value)) {
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
      }
    }
  }
  return min <= max ? { min, max } : null;
}

function widen(extent: Extent | null, values: readonly number[]): Extent | null {
  return extentOf([...(extent ? [extent.min, extent.max] : []), ...values.filter((value) => Number.isFinite(value))]) ?? null;
}

function seriesColorMode(type: ChartWrite["type"], series: ChartSeries): SeriesWrite["colorMode"] {
  if (type === "ColumnClustered") return series.type === "line" ? "line" : "fill";
  if (type === "Bubble") return "fill";
  return "marker";
}

function chartType(def: ChartDef): ChartWrite["type"] {
  if (def.kind === "pareto") return "ColumnClustered";
  return def.series.some((series) => series.type === "bubble") ? "Bubble" : "XYScatter";
}

/** The model's series the host can draw, as writes. */
function dataSeries(def: ChartDef, type: ChartWrite["type"], ctx: ChartWriteContext, label: string): SeriesWrite[] {
  const out: SeriesWrite[] = [];
  for (const series of def.series) {
    const secondary = series.axis === "secondary";
    if (secondary && !ctx.supports("1.8")) {
      ctx.warn("chart.secondaryAxis", `${label}: series "${series.name}" left out: a secondary axis needs ExcelApi 1.8`);
      continue;
    }
    if (type === "Bubble" && !series.sizes) {
      ctx.warn("chart.bubble", `${label}: series "${series.name}" left out: a bubble chart series needs sizes`);
      continue;
    }
    out.push({
      name: series.name,
      values: series.values,
      categories: series.categories,
      sizes: type === "Bubble" ? series.sizes : undefined,
      chartType: type === "ColumnClustered" && series.type === "line" ? "Line" : undefined,
      secondary,
      color: series.color ? hexColor(series.color) : undefined,
      colorMode: seriesColorMode(type, series),
    });
  }
  return out;
}

/** A horizontal reference line on a column chart: a dashed line series of constants. */
function columnLine(line: ReferenceLine, at: number | LinkedValue, series: readonly SeriesWrite[], helpers: HelperArea): SeriesWrite {
  const categories = series[0].categories;
  const values = helpers.constant(at, categories.rows * categories.cols);
  return {
    name: line.label,
    values,
    categories,
    chartType: "Line",
    secondary: line.axis === "y2",
    color: REFERENCE_COLOR,
    colorMode: "line",
    dashed: true,
  };
}

/** A cut on a scatter chart: a two-point dashed line across the data. */
function scatterLine(line: ReferenceLine, at: number | LinkedValue, xs: Extent, ys: Extent, helpers: HelperArea): SeriesWrite {
  const points =
    line.axis === "x"
      ? [
          [at, ys.min],
          [at, ys.max],
        ]
      : [
          [xs.min, at],
          [xs.max, at],
        ];
  const rect = helpers.cells(points);
  return {
    name: line.label,
    categories: { row: rect.row, col: rect.col, rows: 2, cols: 1 },
    values: { row: rect.row, col: rect.col + 1, rows: 2, cols: 1 },
    chartType: "XYScatterLinesNoMarkers",
    secondary: false,
    color: REFERENCE_COLOR,
    colorMode: "line",
    dashed: true,
  };
}

/** A cut on a bubble chart: a series of small dots along the line, as the .xlsx renderer draws it. */
function bubbleLine(line: ReferenceLine, at: number | LinkedValue, xs: Extent, ys: Extent, dot: number, helpers: HelperArea): SeriesWrite {
  const along = (extent: Extent, step: number): number => extent.min + (step / (DOTS - 1)) * (extent.max - extent.min);
  const points = Array.from({ length: DOTS }, (_, step) => (line.axis === "x" ? [at, along(ys, step), dot] : [along(xs, step), at, dot]));
  const rect = helpers.cells(points);
  return {
    name: line.label,
    categories: { row: rect.row, col: rect.col, rows: DOTS, cols: 1 },
    values: { row: rect.row, col: rect.col + 1, rows: DOTS, cols: 1 },
    sizes: { row: rect.row, col: rect.col + 2, rows: DOTS, cols: 1 },
    secondary: false,
    color: REFERENCE_COLOR,
    colorMode: "fill",
  };
}

/** The values of the vertical (x) or the horizontal cuts. */
function cutsOn(lines: readonly ReferenceLine[], vertical: boolean): number[] {
  return lines.filter((line) => (line.axis === "x") === vertical).map((line) => line.value);
}

/** The reference line series the host can draw; `series` holds the data series. */
function referenceLines(
  def: ChartDef,
  type: ChartWrite["type"],
  series: readonly SeriesWrite[],
  ctx: ChartWriteContext,
  label: string,
): SeriesWrite[] {
  const lines = def.referenceLines ?? [];
  const out: SeriesWrite[] = [];
  for (const [index, line] of lines.entries()) {
    const what = `${label}: reference line "${line.label}"`;
    const at = lineValue(def, index, line.value);
    if (!ctx.supports("1.8")) {
      ctx.warn("chart.referenceLine", `${what} left out: it needs ExcelApi 1.8`);
      continue;
    }
    if (type === "ColumnClustered") {
      if (line.axis === "x") ctx.warn("chart.referenceLine", `${what} left out: vertical lines are not drawn on column charts`);
      else out.push(columnLine(line, at, series, ctx.helpers));
      continue;
    }
    // Portfolio: each cut spans the data (and the other cuts).
    const xs = widen(
      numericExtent(
        ctx.valueAt,
        series.map((data) => data.categories),
      ),
      cutsOn(lines, true),
    );
    const ys = widen(
      numericExtent(
        ctx.valueAt,
        series.map((data) => data.values),
      ),
      cutsOn(lines, false),
    );
    if (!xs || !ys) {
      ctx.warn("chart.referenceLine", `${what} left out: no numeric data to span`);
      continue;
    }
    if (type === "XYScatter") out.push(scatterLine(line, at, xs, ys, ctx.helpers));
    else {
      const sizes = numericExtent(
        ctx.valueAt,
        series.flatMap((data) => (data.sizes ? [data.sizes] : [])),
      );
      const dot = (sizes && sizes.max > 0 ? sizes.max : 1) * DOT_AREA;
      out.push(bubbleLine(line, at, xs, ys, dot, ctx.helpers));
    }
  }
  return out;
}

/** The chart's writes, or null (with a warning) when the host cannot draw it. */
export function chartWrite(def: ChartDef, ctx: ChartWriteContext): ChartWrite | null {
  const label = `chart "${def.title}"`;
  if (!ctx.supports("1.7")) {
    ctx.warn("chart", `${label} not drawn: it needs ExcelApi 1.7 (chart series)`);
    return null;
  }
  const type = chartType(def);
  const data = dataSeries(def, type, ctx, label);
  if (data.length === 0) {
    ctx.warn("chart", `${label} not drawn: no series left`);
    return null;
  }
  const lines = referenceLines(def, type, data, ctx, label);
  const series = [...data, ...lines];
  const anySecondary = series.some((one) => one.secondary);
  return {
    title: def.title,
    anchor: def.anchor,
    type,
    series,
    xAxisTitle: def.xAxisTitle,
    yAxisTitle: def.yAxisTitle,
    ...(def.yAxisFormat !== undefined && ctx.supports("1.8") ? { yAxisFormat: def.yAxisFormat } : {}),
    y2AxisTitle: anySecondary ? def.y2AxisTitle : undefined,
    y2: anySecondary
      ? { max: def.y2Max, min: def.y2Max !== undefined ? 0 : undefined, numberFormat: def.y2Max === 1 ? "0%" : undefined }
      : undefined,
    plotHidden: lines.length > 0,
  };
}
