/** DrawingML building blocks shared by the chart parts: fills, lines, markers, titles, axes and the chart space. */
import type { ChartDef } from "../../sheets/model";
import { NS } from "./package";
import { xmlEscape } from "./text";

export const esc = xmlEscape;
export const num = (value: number): string => (Number.isFinite(value) ? String(value) : "0");

export const tx = (name: string) => `<c:tx><c:v>${esc(name)}</c:v></c:tx>`;
export const solidFill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
export const lineSpPr = (rgb: string, width = 28575, dash?: string) =>
  `<c:spPr><a:ln w="${width}" cap="rnd">${solidFill(rgb)}${dash ? `<a:prstDash val="${dash}"/>` : ""}<a:round/></a:ln></c:spPr>`;
export const noMarker = `<c:marker><c:symbol val="none"/></c:marker>`;
export const marker = (rgb: string, symbol = "circle", size = 5) =>
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

export interface AxisOptions {
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

function scaling(axis: AxisOptions): string {
  return (
    `<c:scaling><c:orientation val="minMax"/>` +
    (axis.max !== undefined ? `<c:max val="${num(axis.max)}"/>` : "") +
    (axis.min !== undefined ? `<c:min val="${num(axis.min)}"/>` : "") +
    `</c:scaling>`
  );
}

function axisCommon(axis: AxisOptions): string {
  return (
    `<c:axId val="${axis.id}"/>${scaling(axis)}<c:delete val="${axis.deleted ? 1 : 0}"/><c:axPos val="${axis.pos}"/>` +
    (axis.gridlines ? `<c:majorGridlines><c:spPr><a:ln w="6350">${solidFill("D9D9D9")}</a:ln></c:spPr></c:majorGridlines>` : "") +
    titleXml(axis.title) +
    `<c:numFmt formatCode="${esc(axis.formatCode ?? "General")}" sourceLinked="${axis.formatCode ? 0 : 1}"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="9525">${solidFill("BFBFBF")}</a:ln></c:spPr>` +
    (axis.smallLabels
      ? `<c:txPr><a:bodyPr rot="-2700000" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${axis.smallLabels}"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`
      : "") +
    `<c:crossAx val="${axis.cross}"/><c:crosses val="${axis.crosses ?? "autoZero"}"/>`
  );
}

export const catAx = (axis: AxisOptions) =>
  `<c:catAx>${axisCommon(axis)}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
export const valAx = (axis: AxisOptions, between: "between" | "midCat") =>
  `<c:valAx>${axisCommon(axis)}<c:crossBetween val="${between}"/></c:valAx>`;

export function chartSpace(def: ChartDef, plotArea: string, legend: boolean): string {
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

export class SeriesCounter {
  private issued = 0;
  next(): string {
    const index = this.issued++;
    return `<c:idx val="${index}"/><c:order val="${index}"/>`;
  }
  get count(): number {
    return this.issued;
  }
}
