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
import { a1, a1Range, extentOf, maxOf, type ChartDef, type ChartSeries, type Literal, type RangeRef } from "../../sheets/model";
import { DOT_AREA, DOTS } from "../../excel/charts";
import { quoteSheetName } from "../../excel/sheet-names";
import { NS } from "./package";
import { OFFICE_GREEN, toRgb } from "./styles";
import { xmlEscape } from "./text";

export interface ChartContext {
  /** Final sheet name the series refer to. */
  readonly sheetName: string;
  /** The model's value at a cell (formula cells: their expected value), undefined if empty. */
  readonly valueAt: (row: number, col: number) => Literal | undefined;
  /** The model's number format at a cell, if any. */
  readonly formatAt?: (row: number, col: number) => string | null | undefined;
  /** Write value caches into the series references. */
  readonly cache: boolean;
  /**
   * Stores constant values (reference lines, helper points) in cells and returns their absolute,
   * sheet-qualified reference. LibreOffice drops series made of literal values (`c:numLit`), so
   * constants live in cells of a hidden helper sheet.
   */
  readonly constants: (values: readonly ChartConstant[]) => string;
}

/** A constant of a chart's helper data: a number, or a formula over a cell (`ref`, sheet-qualified) with its current value. */
export type ChartConstant = number | { readonly ref: string; readonly value: number };

const constantValue = (c: ChartConstant): number => (typeof c === "number" ? c : c.value);

const PALETTE = [OFFICE_GREEN, "ED7D31", "4472C4", "FFC000", "7F6084", "5B9BD5", "A5A5A5", "264478"];
const REFERENCE_COLORS = { pareto: "C00000", portfolio: "7F7F7F" } as const;

const AX = { cat: 1001, val: 1002, cat2: 1003, val2: 1004, x: 2001, y: 2002 } as const;

const esc = xmlEscape;
const num = (n: number) => (Number.isFinite(n) ? String(n) : "0");

function cellsOf(r: RangeRef): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) out.push({ row: r.row + i, col: r.col + j });
  return out;
}

function rangeFormula(ctx: ChartContext, r: RangeRef): string {
  return `${quoteSheetName(ctx.sheetName)}!${a1Range(r, true)}`;
}

function numbersOf(ctx: ChartContext, r: RangeRef): (number | undefined)[] {
  return cellsOf(r).map(({ row, col }) => {
    const v = ctx.valueAt(row, col);
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  });
}

/** The number format of a range's first cell (axes show it; LibreOffice ignores sourceLinked). */
function formatOf(ctx: ChartContext, r: RangeRef | undefined): string | undefined {
  return (r && ctx.formatAt?.(r.row, r.col)) || undefined;
}

function numRef(ctx: ChartContext, r: RangeRef, formatCode = formatOf(ctx, r) ?? "General"): string {
  let xml = `<c:numRef><c:f>${esc(rangeFormula(ctx, r))}</c:f>`;
  if (ctx.cache) {
    const values = numbersOf(ctx, r);
    xml += `<c:numCache><c:formatCode>${esc(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>`;
    values.forEach((v, i) => {
      if (v !== undefined) xml += `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`;
    });
    xml += `</c:numCache>`;
  }
  return xml + `</c:numRef>`;
}

function strRef(ctx: ChartContext, r: RangeRef): string {
  let xml = `<c:strRef><c:f>${esc(rangeFormula(ctx, r))}</c:f>`;
  if (ctx.cache) {
    const cells = cellsOf(r);
    xml += `<c:strCache><c:ptCount val="${cells.length}"/>`;
    cells.forEach(({ row, col }, i) => {
      const v = ctx.valueAt(row, col);
      if (v !== undefined && v !== null) xml += `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`;
    });
    xml += `</c:strCache>`;
  }
  return xml + `</c:strRef>`;
}

/**
 * A reference to constant values stored by the context, always with its cache (they are
 * literals, or formulas over one cell cached at its current value).
 */
function constRef(ctx: ChartContext, values: readonly ChartConstant[]): string {
  return (
    `<c:numRef><c:f>${esc(ctx.constants(values))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${num(constantValue(v))}</c:v></c:pt>`).join("") +
    `</c:numCache></c:numRef>`
  );
}

/** A reference line's value: linked to its model cell when it has one, else the number. */
function lineValue(ctx: ChartContext, def: ChartDef, index: number, value: number): ChartConstant {
  const cell = def.referenceCells?.[index];
  if (!cell) return value;
  const ref = `${quoteSheetName(ctx.sheetName)}!${a1(cell.row, cell.col, true)}`;
  const v = ctx.valueAt(cell.row, cell.col);
  return { ref, value: typeof v === "number" && Number.isFinite(v) ? v : value };
}

/** Category data: text categories as a string reference, numeric ones as a number reference. */
function categoryRef(ctx: ChartContext, r: RangeRef): string {
  const textual = cellsOf(r).some(({ row, col }) => {
    const v = ctx.valueAt(row, col);
    return v !== undefined && v !== null && typeof v !== "number";
  });
  return textual ? strRef(ctx, r) : numRef(ctx, r);
}

const tx = (name: string) => `<c:tx><c:v>${esc(name)}</c:v></c:tx>`;
const solidFill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
const lineSpPr = (rgb: string, width = 28575, dash?: string) =>
  `<c:spPr><a:ln w="${width}" cap="rnd">${solidFill(rgb)}${dash ? `<a:prstDash val="${dash}"/>` : ""}<a:round/></a:ln></c:spPr>`;
const noMarker = `<c:marker><c:symbol val="none"/></c:marker>`;
const marker = (rgb: string, symbol = "circle", size = 5) =>
  `<c:marker><c:symbol val="${symbol}"/><c:size val="${size}"/><c:spPr>${solidFill(rgb)}<a:ln w="9525">${solidFill(rgb)}</a:ln></c:spPr></c:marker>`;

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function titleXml(text: string | undefined, size = 1000, bold = false): string {
  if (!text) return "";
  return `<c:title>${richText(text, size, bold)}<c:overlay val="0"/></c:title>`;
}

interface AxisOptions {
  id: number;
  cross: number;
  pos: "b" | "l" | "r" | "t";
  title?: string;
  deleted?: boolean;
  min?: number;
  max?: number;
  formatCode?: string;
  crosses?: "autoZero" | "max";
  gridlines?: boolean;
  /** Small tick labels turned 45° (hundredths of a point), for many long category names. */
  smallLabels?: number;
}

function scaling(o: AxisOptions): string {
  return (
    `<c:scaling><c:orientation val="minMax"/>` +
    (o.max !== undefined ? `<c:max val="${num(o.max)}"/>` : "") +
    (o.min !== undefined ? `<c:min val="${num(o.min)}"/>` : "") +
    `</c:scaling>`
  );
}

function axisCommon(o: AxisOptions): string {
  return (
    `<c:axId val="${o.id}"/>${scaling(o)}<c:delete val="${o.deleted ? 1 : 0}"/><c:axPos val="${o.pos}"/>` +
    (o.gridlines ? `<c:majorGridlines><c:spPr><a:ln w="6350">${solidFill("D9D9D9")}</a:ln></c:spPr></c:majorGridlines>` : "") +
    titleXml(o.title) +
    `<c:numFmt formatCode="${esc(o.formatCode ?? "General")}" sourceLinked="${o.formatCode ? 0 : 1}"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="9525">${solidFill("BFBFBF")}</a:ln></c:spPr>` +
    (o.smallLabels
      ? `<c:txPr><a:bodyPr rot="-2700000" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${o.smallLabels}"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`
      : "") +
    `<c:crossAx val="${o.cross}"/><c:crosses val="${o.crosses ?? "autoZero"}"/>`
  );
}

const catAx = (o: AxisOptions) =>
  `<c:catAx>${axisCommon(o)}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
const valAx = (o: AxisOptions, between: "between" | "midCat") =>
  `<c:valAx>${axisCommon(o)}<c:crossBetween val="${between}"/></c:valAx>`;

function chartSpace(def: ChartDef, plotArea: string, legend: boolean): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="0"/><c:roundedCorners val="0"/>` +
    `<c:chart>` +
    (def.title ? titleXml(def.title, 1400, true) + `<c:autoTitleDeleted val="0"/>` : `<c:autoTitleDeleted val="1"/>`) +
    `<c:plotArea><c:layout/>${plotArea}</c:plotArea>` +
    (legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr>${solidFill("FFFFFF")}<a:ln w="9525">${solidFill("D9D9D9")}</a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

class SeriesCounter {
  private n = 0;
  next(): string {
    const i = this.n++;
    return `<c:idx val="${i}"/><c:order val="${i}"/>`;
  }
  get count(): number {
    return this.n;
  }
}

function color(s: ChartSeries, i: number): string {
  return toRgb(s.color) ?? PALETTE[i % PALETTE.length];
}

/** The Pareto chart: columns on primary axes, cumulative share line(s) on secondary axes. */
function paretoXml(def: ChartDef, ctx: ChartContext): string {
  const ids = new SeriesCounter();
  const groups = { barPrimary: "", barSecondary: "", linePrimary: "", lineSecondary: "" };
  def.series.forEach((s, i) => {
    const secondary = s.axis === "secondary";
    if (s.type === "column" || s.type === "bubble") {
      const ser =
        `<c:ser>${ids.next()}${tx(s.name)}<c:spPr>${solidFill(color(s, i))}</c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat>${categoryRef(ctx, s.categories)}</c:cat><c:val>${numRef(ctx, s.values)}</c:val></c:ser>`;
      if (secondary) groups.barSecondary += ser;
      else groups.barPrimary += ser;
    } else {
      const rgb = color(s, i);
      const ser =
        `<c:ser>${ids.next()}${tx(s.name)}${lineSpPr(rgb)}${marker(rgb)}` +
        `<c:cat>${categoryRef(ctx, s.categories)}</c:cat><c:val>${numRef(ctx, s.values)}</c:val><c:smooth val="0"/></c:ser>`;
      if (secondary) groups.lineSecondary += ser;
      else groups.linePrimary += ser;
    }
  });

  const first = def.series[0];
  for (const line of def.referenceLines ?? []) {
    if (line.axis === "x" || !first) continue;
    const n = first.categories.rows * first.categories.cols;
    const ser =
      `<c:ser>${ids.next()}${tx(line.label)}${lineSpPr(REFERENCE_COLORS.pareto, 19050, "dash")}${noMarker}` +
      `<c:cat>${categoryRef(ctx, first.categories)}</c:cat><c:val>${constRef(ctx, new Array<number>(n).fill(line.value))}</c:val>` +
      `<c:smooth val="0"/></c:ser>`;
    if (line.axis === "y2") groups.lineSecondary += ser;
    else groups.linePrimary += ser;
  }

  const primaryAxes = `<c:axId val="${AX.cat}"/><c:axId val="${AX.val}"/>`;
  const secondaryAxes = `<c:axId val="${AX.cat2}"/><c:axId val="${AX.val2}"/>`;
  const bar = (series: string, axes: string) =>
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/>${axes}</c:barChart>`;
  const line = (series: string, axes: string) =>
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;

  let plot = "";
  // Excel needs a chart group on the primary axes; an empty bar group is valid if there are no columns.
  if (groups.barPrimary || !groups.linePrimary) plot += bar(groups.barPrimary, primaryAxes);
  if (groups.linePrimary) plot += line(groups.linePrimary, primaryAxes);
  const hasSecondary = Boolean(groups.barSecondary || groups.lineSecondary);
  if (groups.barSecondary) plot += bar(groups.barSecondary, secondaryAxes);
  if (groups.lineSecondary) plot += line(groups.lineSecondary, secondaryAxes);

  // Many categories (the top 50 customers): smaller names at 45°, leaving the plot its height.
  const categories = first ? first.categories.rows * first.categories.cols : 0;
  plot += catAx({ id: AX.cat, cross: AX.val, pos: "b", title: def.xAxisTitle, smallLabels: categories > 15 ? 700 : undefined });
  const primary = def.series.find((s) => s.axis !== "secondary");
  plot += valAx({ id: AX.val, cross: AX.cat, pos: "l", title: def.yAxisTitle, min: 0, gridlines: true, formatCode: def.yAxisFormat ?? formatOf(ctx, primary?.values) }, "between");
  if (hasSecondary) {
    plot += catAx({ id: AX.cat2, cross: AX.val2, pos: "b", deleted: true });
    plot += valAx(
      { id: AX.val2, cross: AX.cat2, pos: "r", title: def.y2AxisTitle, min: 0, max: def.y2Max ?? 1, formatCode: "0%", crosses: "max" },
      "between",
    );
  }
  return chartSpace(def, plot, true);
}

interface Extent {
  min: number;
  max: number;
}

function axisExtent(values: readonly (number | undefined)[], extra: readonly number[]): Extent | undefined {
  return extentOf([...values.filter((v): v is number => v !== undefined), ...extra]);
}

/** The portfolio chart: scatter (or bubble) points with the two cuts as reference lines. */
function portfolioXml(def: ChartDef, ctx: ChartContext): string {
  const ids = new SeriesCounter();
  const bubbles = def.series.some((s) => s.type === "bubble");
  const lines = def.referenceLines ?? [];
  const xCuts = lines.filter((l) => l.axis === "x").map((l) => l.value);
  const yCuts = lines.filter((l) => l.axis !== "x").map((l) => l.value);
  const xs = def.series.flatMap((s) => numbersOf(ctx, s.categories));
  const ys = def.series.flatMap((s) => numbersOf(ctx, s.values));
  const xExt = axisExtent(xs, xCuts) ?? { min: 0, max: 1 };
  const yExt = axisExtent(ys, yCuts) ?? { min: 0, max: 1 };

  let series = "";
  def.series.forEach((s, i) => {
    const rgb = color(s, i);
    if (bubbles) {
      const size = s.sizes ?? s.values;
      series +=
        `<c:ser>${ids.next()}${tx(s.name)}<c:spPr><a:solidFill><a:srgbClr val="${rgb}"><a:alpha val="70000"/></a:srgbClr></a:solidFill>` +
        `<a:ln w="9525">${solidFill(rgb)}</a:ln></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:xVal>${numRef(ctx, s.categories)}</c:xVal><c:yVal>${numRef(ctx, s.values)}</c:yVal>` +
        `<c:bubbleSize>${numRef(ctx, size)}</c:bubbleSize><c:bubble3D val="0"/></c:ser>`;
    } else {
      series +=
        `<c:ser>${ids.next()}${tx(s.name)}<c:spPr><a:ln w="25400"><a:noFill/></a:ln></c:spPr>${marker(rgb, "circle", 7)}` +
        `<c:xVal>${numRef(ctx, s.categories)}</c:xVal><c:yVal>${numRef(ctx, s.values)}</c:yVal><c:smooth val="0"/></c:ser>`;
    }
  });

  const refColor = REFERENCE_COLORS.portfolio;
  if (!bubbles) {
    for (const [k, l] of lines.entries()) {
      const vertical = l.axis === "x";
      const at = lineValue(ctx, def, k, l.value);
      const x: ChartConstant[] = vertical ? [at, at] : [xExt.min, xExt.max];
      const y: ChartConstant[] = vertical ? [yExt.min, yExt.max] : [at, at];
      series +=
        `<c:ser>${ids.next()}${tx(l.label)}${lineSpPr(refColor, 19050, "dash")}${noMarker}` +
        `<c:xVal>${constRef(ctx, x)}</c:xVal><c:yVal>${constRef(ctx, y)}</c:yVal><c:smooth val="0"/></c:ser>`;
    }
  } else if (lines.length > 0) {
    // Excel cannot combine bubble and scatter groups, and LibreOffice draws no error bars on
    // bubble charts: each cut is a bubble series of small dots along the line.
    const sizes = def.series.flatMap((s) => numbersOf(ctx, s.sizes ?? s.values)).filter((v): v is number => v !== undefined && v > 0);
    const dotSize = (sizes.length ? maxOf(sizes) : 1) * DOT_AREA;
    for (const [k, l] of lines.entries()) {
      const vertical = l.axis === "x";
      const at = lineValue(ctx, def, k, l.value);
      const t = Array.from({ length: DOTS }, (_, i) => i / (DOTS - 1));
      const along = (e: Extent) => t.map((f) => e.min + f * (e.max - e.min));
      const x: ChartConstant[] = vertical ? new Array<ChartConstant>(DOTS).fill(at) : along(xExt);
      const y: ChartConstant[] = vertical ? along(yExt) : new Array<ChartConstant>(DOTS).fill(at);
      series +=
        `<c:ser>${ids.next()}${tx(l.label)}<c:spPr>${solidFill(refColor)}<a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:xVal>${constRef(ctx, x)}</c:xVal><c:yVal>${constRef(ctx, y)}</c:yVal>` +
        `<c:bubbleSize>${constRef(ctx, new Array<number>(DOTS).fill(dotSize))}</c:bubbleSize><c:bubble3D val="0"/></c:ser>`;
    }
  }

  const axes = `<c:axId val="${AX.x}"/><c:axId val="${AX.y}"/>`;
  let plot = bubbles
    ? `<c:bubbleChart><c:varyColors val="0"/>${series}<c:bubbleScale val="60"/><c:showNegBubbles val="0"/>${axes}</c:bubbleChart>`
    : `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}${axes}</c:scatterChart>`;
  const first = def.series[0];
  plot += valAx({ id: AX.x, cross: AX.y, pos: "b", title: def.xAxisTitle, formatCode: formatOf(ctx, first?.categories) }, "midCat");
  plot += valAx({ id: AX.y, cross: AX.x, pos: "l", title: def.yAxisTitle, gridlines: true, formatCode: formatOf(ctx, first?.values) }, "midCat");
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
