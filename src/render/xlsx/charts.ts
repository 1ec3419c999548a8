/**
 * DrawingML charts (ECMA-376 Part 1, 21.2) for the model's two chart kinds, written by hand
 * because ExcelJS does not write charts:
 *
 * - "pareto": a clustered `c:barChart` on the primary axes plus a `c:lineChart` on secondary
 *   axes (value axis 0–`y2Max` (default 1) formatted 0%, crossing at max, its category axis
 *   hidden); a "y2" reference line (the 80% line) is one more line series of constant values
 *   over the same categories; "y" lines go to a line group on the primary
 *   axes. "x" reference lines cannot be drawn on a category axis and are ignored.
 * - "portfolio": a `c:scatterChart` (markers only) with each "x"/"y" reference line (the
 *   matrix cuts) as an extra two-point scatter series spanning the data; when the model names
 *   the cell a line's value comes from (referenceCells), the line's coordinates on that axis
 *   are formulas over that cell, so the line follows edits of the cut; for
 *   bubble series a `c:bubbleChart`, where each cut is a series of small dots along the line
 *   (Excel does not combine bubble and scatter groups; LibreOffice draws no error bars on
 *   bubble charts).
 *
 * Series refer to ranges of the same sheet by its final (unique) name, always quoted:
 * `'Plan – ACME'!$B$5:$B$20`. Constant data (reference lines, the helper bubble) is not written
 * as `c:numLit` — LibreOffice drops such series — but into cells of a hidden helper sheet
 * (see ChartContext.constants). Caches (`c:strCache`/`c:numCache`) hold the model's values when
 * formula results are cached, so Excel draws the chart before recalculating.
 */
import { extentOf, maxOf, type ChartDef, type ChartSeries } from "../../sheets/model";
import { DOT_AREA, DOTS } from "../../excel/charts";
import { categoryRef, constRef, formatOf, lineValue, numbersOf, numRef, type ChartConstant, type ChartContext } from "./chart-refs";
import { catAx, chartSpace, esc, lineSpPr, marker, noMarker, SeriesCounter, solidFill, tx, valAx } from "./chart-xml";
import { NS } from "./package";
import { OFFICE_GREEN, toRgb } from "./styles";

export type { ChartConstant, ChartContext } from "./chart-refs";

const PALETTE = [OFFICE_GREEN, "ED7D31", "4472C4", "FFC000", "7F6084", "5B9BD5", "A5A5A5", "264478"];
const REFERENCE_COLORS = { pareto: "C00000", portfolio: "7F7F7F" } as const;

const AX = { cat: 1001, val: 1002, cat2: 1003, val2: 1004, x: 2001, y: 2002 } as const;

function color(series: ChartSeries, index: number): string {
  return toRgb(series.color) ?? PALETTE[index % PALETTE.length];
}

/** Series XML of a Pareto chart, by chart group. */
interface ParetoGroups {
  barPrimary: string;
  barSecondary: string;
  linePrimary: string;
  lineSecondary: string;
}

/** The model's series: columns to a bar group, the others to a line group, on their axis. */
function paretoSeries(def: ChartDef, ctx: ChartContext, ids: SeriesCounter, groups: ParetoGroups): void {
  def.series.forEach((series, index) => {
    const secondary = series.axis === "secondary";
    const data = `<c:cat>${categoryRef(ctx, series.categories)}</c:cat><c:val>${numRef(ctx, series.values)}</c:val>`;
    const rgb = color(series, index);
    if (series.type === "column" || series.type === "bubble") {
      const xml = `<c:ser>${ids.next()}${tx(series.name)}<c:spPr>${solidFill(rgb)}</c:spPr><c:invertIfNegative val="0"/>${data}</c:ser>`;
      if (secondary) groups.barSecondary += xml;
      else groups.barPrimary += xml;
    } else {
      const xml = `<c:ser>${ids.next()}${tx(series.name)}${lineSpPr(rgb)}${marker(rgb)}${data}<c:smooth val="0"/></c:ser>`;
      if (secondary) groups.lineSecondary += xml;
      else groups.linePrimary += xml;
    }
  });
}

/** Reference lines ("y", "y2"; "x" cannot be drawn on a category axis): dashed lines of constants over the categories. */
function paretoLines(def: ChartDef, ctx: ChartContext, ids: SeriesCounter, groups: ParetoGroups): void {
  const first = def.series[0];
  for (const line of def.referenceLines ?? []) {
    if (line.axis === "x" || !first) continue;
    const count = first.categories.rows * first.categories.cols;
    const xml =
      `<c:ser>${ids.next()}${tx(line.label)}${lineSpPr(REFERENCE_COLORS.pareto, 19050, "dash")}${noMarker}` +
      `<c:cat>${categoryRef(ctx, first.categories)}</c:cat><c:val>${constRef(ctx, new Array<number>(count).fill(line.value))}</c:val>` +
      `<c:smooth val="0"/></c:ser>`;
    if (line.axis === "y2") groups.lineSecondary += xml;
    else groups.linePrimary += xml;
  }
}

const barChart = (series: string, axes: string): string =>
  `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/>${axes}</c:barChart>`;
const lineChart = (series: string, axes: string): string =>
  `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;

/** The axes of a Pareto chart: categories and values, and the secondary 0–y2Max (0%) axis when used. */
function paretoAxes(def: ChartDef, ctx: ChartContext, hasSecondary: boolean): string {
  const first = def.series[0];
  // Many categories (the top 50 customers): smaller names at 45°, leaving the plot its height.
  const categories = first ? first.categories.rows * first.categories.cols : 0;
  let xml = catAx({ id: AX.cat, cross: AX.val, pos: "b", title: def.xAxisTitle, smallLabels: categories > 15 ? 700 : undefined });
  const primary = def.series.find((series) => series.axis !== "secondary");
  const formatCode = def.yAxisFormat ?? formatOf(ctx, primary?.values);
  xml += valAx({ id: AX.val, cross: AX.cat, pos: "l", title: def.yAxisTitle, min: 0, gridlines: true, formatCode }, "between");
  if (!hasSecondary) return xml;
  xml += catAx({ id: AX.cat2, cross: AX.val2, pos: "b", deleted: true });
  const max = def.y2Max ?? 1;
  return (
    xml + valAx({ id: AX.val2, cross: AX.cat2, pos: "r", title: def.y2AxisTitle, min: 0, max, formatCode: "0%", crosses: "max" }, "between")
  );
}

/** The Pareto chart: columns on primary axes, cumulative share line(s) on secondary axes. */
function paretoXml(def: ChartDef, ctx: ChartContext): string {
  const ids = new SeriesCounter();
  const groups: ParetoGroups = { barPrimary: "", barSecondary: "", linePrimary: "", lineSecondary: "" };
  paretoSeries(def, ctx, ids, groups);
  paretoLines(def, ctx, ids, groups);
  const primaryAxes = `<c:axId val="${AX.cat}"/><c:axId val="${AX.val}"/>`;
  const secondaryAxes = `<c:axId val="${AX.cat2}"/><c:axId val="${AX.val2}"/>`;
  let plot = "";
  // Excel needs a chart group on the primary axes; an empty bar group is valid if there are no columns.
  if (groups.barPrimary || !groups.linePrimary) plot += barChart(groups.barPrimary, primaryAxes);
  if (groups.linePrimary) plot += lineChart(groups.linePrimary, primaryAxes);
  if (groups.barSecondary) plot += barChart(groups.barSecondary, secondaryAxes);
  if (groups.lineSecondary) plot += lineChart(groups.lineSecondary, secondaryAxes);
  return chartSpace(def, plot + paretoAxes(def, ctx, Boolean(groups.barSecondary || groups.lineSecondary)), true);
}

interface Extent {
  min: number;
  max: number;
}

function axisExtent(values: readonly (number | undefined)[], extra: readonly number[]): Extent | undefined {
  return extentOf([...values.filter((value): value is number => value !== undefined), ...extra]);
}

/** The points of a portfolio chart: scatter markers, or translucent bubbles. */
function portfolioSeries(def: ChartDef, ctx: ChartContext, ids: SeriesCounter, bubbles: boolean): string {
  return def.series
    .map((series, index) => {
      const rgb = color(series, index);
      const points = `<c:xVal>${numRef(ctx, series.categories)}</c:xVal><c:yVal>${numRef(ctx, series.values)}</c:yVal>`;
      if (!bubbles) {
        const look = `<c:spPr><a:ln w="25400"><a:noFill/></a:ln></c:spPr>${marker(rgb, "circle", 7)}`;
        return `<c:ser>${ids.next()}${tx(series.name)}${look}${points}<c:smooth val="0"/></c:ser>`;
      }
      return (
        `<c:ser>${ids.next()}${tx(series.name)}<c:spPr><a:solidFill><a:srgbClr val="${rgb}"><a:alpha val="70000"/></a:srgbClr></a:solidFill>` +
        `<a:ln w="9525">${solidFill(rgb)}</a:ln></c:spPr><c:invertIfNegative val="0"/>${points}` +
        `<c:bubbleSize>${numRef(ctx, series.sizes ?? series.values)}</c:bubbleSize><c:bubble3D val="0"/></c:ser>`
      );
    })
    .join("");
}

/** The extents the cuts span: the data and the other cuts, per axis. */
function cutExtents(def: ChartDef, ctx: ChartContext): { x: Extent; y: Extent } {
  const lines = def.referenceLines ?? [];
  const xCuts = lines.filter((line) => line.axis === "x").map((line) => line.value);
  const yCuts = lines.filter((line) => line.axis !== "x").map((line) => line.value);
  const xs = def.series.flatMap((series) => numbersOf(ctx, series.categories));
  const ys = def.series.flatMap((series) => numbersOf(ctx, series.values));
  return { x: axisExtent(xs, xCuts) ?? { min: 0, max: 1 }, y: axisExtent(ys, yCuts) ?? { min: 0, max: 1 } };
}

/** Each cut on a scatter chart: a two-point dashed line across the data. */
function scatterCuts(def: ChartDef, ctx: ChartContext, ids: SeriesCounter): string {
  const extent = cutExtents(def, ctx);
  return (def.referenceLines ?? [])
    .map((line, index) => {
      const vertical = line.axis === "x";
      const at = lineValue(ctx, def, index, line.value);
      const xs: ChartConstant[] = vertical ? [at, at] : [extent.x.min, extent.x.max];
      const ys: ChartConstant[] = vertical ? [extent.y.min, extent.y.max] : [at, at];
      return (
        `<c:ser>${ids.next()}${tx(line.label)}${lineSpPr(REFERENCE_COLORS.portfolio, 19050, "dash")}${noMarker}` +
        `<c:xVal>${constRef(ctx, xs)}</c:xVal><c:yVal>${constRef(ctx, ys)}</c:yVal><c:smooth val="0"/></c:ser>`
      );
    })
    .join("");
}

/**
 * Each cut on a bubble chart: Excel cannot combine bubble and scatter groups, and LibreOffice
 * draws no error bars on bubble charts, so a cut is a bubble series of small dots along the line.
 */
function bubbleCuts(def: ChartDef, ctx: ChartContext, ids: SeriesCounter): string {
  const lines = def.referenceLines ?? [];
  if (lines.length === 0) return "";
  const extent = cutExtents(def, ctx);
  const sizes = def.series
    .flatMap((series) => numbersOf(ctx, series.sizes ?? series.values))
    .filter((size): size is number => size !== undefined && size > 0);
  const dotSize = (sizes.length ? maxOf(sizes) : 1) * DOT_AREA;
  const steps = Array.from({ length: DOTS }, (_, step) => step / (DOTS - 1));
  const along = (range: Extent): ChartConstant[] => steps.map((share) => range.min + share * (range.max - range.min));
  return lines
    .map((line, index) => {
      const vertical = line.axis === "x";
      const at = lineValue(ctx, def, index, line.value);
      const xs: ChartConstant[] = vertical ? new Array<ChartConstant>(DOTS).fill(at) : along(extent.x);
      const ys: ChartConstant[] = vertical ? along(extent.y) : new Array<ChartConstant>(DOTS).fill(at);
      return (
        `<c:ser>${ids.next()}${tx(line.label)}<c:spPr>${solidFill(REFERENCE_COLORS.portfolio)}<a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:xVal>${constRef(ctx, xs)}</c:xVal><c:yVal>${constRef(ctx, ys)}</c:yVal>` +
        `<c:bubbleSize>${constRef(ctx, new Array<number>(DOTS).fill(dotSize))}</c:bubbleSize><c:bubble3D val="0"/></c:ser>`
      );
    })
    .join("");
}

/** The portfolio chart: scatter (or bubble) points with the two cuts as reference lines. */
function portfolioXml(def: ChartDef, ctx: ChartContext): string {
  const ids = new SeriesCounter();
  const bubbles = def.series.some((series) => series.type === "bubble");
  let series = portfolioSeries(def, ctx, ids, bubbles);
  series += bubbles ? bubbleCuts(def, ctx, ids) : scatterCuts(def, ctx, ids);
  const axes = `<c:axId val="${AX.x}"/><c:axId val="${AX.y}"/>`;
  let plot = bubbles
    ? `<c:bubbleChart><c:varyColors val="0"/>${series}<c:bubbleScale val="60"/><c:showNegBubbles val="0"/>${axes}</c:bubbleChart>`
    : `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}${axes}</c:scatterChart>`;
  const first = def.series[0];
  plot += valAx({ id: AX.x, cross: AX.y, pos: "b", title: def.xAxisTitle, formatCode: formatOf(ctx, first?.categories) }, "midCat");
  plot += valAx(
    { id: AX.y, cross: AX.x, pos: "l", title: def.yAxisTitle, gridlines: true, formatCode: formatOf(ctx, first?.values) },
    "midCat",
  );
  return chartSpace(def, plot, true);
}

/** The chart part (xl/charts/chartN.xml) for a chart definition. */
export function chartXml(def: ChartDef, ctx: ChartContext): string {
  return def.kind === "pareto" ? paretoXml(def, ctx) : portfolioXml(def, ctx);
}

export interface DrawingChart {
  readonly def: ChartDef;
  /** Relationship id of the chart in the drawing's rels. */
  readonly relId: string;
}

/** The drawing part (xl/drawings/drawingN.xml) anchoring charts to their cells. */
export function drawingXml(charts: readonly DrawingChart[]): string {
  const anchors = charts
    .map(({ def, relId }, i) => {
      const { row, col, rows, cols } = def.anchor;
      const name = def.title ? def.title : `Chart ${i + 1}`;
      return (
        `<xdr:twoCellAnchor>` +
        `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${col + Math.max(1, cols)}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + Math.max(1, rows)}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`;
}
