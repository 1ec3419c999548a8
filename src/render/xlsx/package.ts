/**
 * Editing the OPC package ExcelJS produced: finding worksheet parts, adding parts with their
 * relationships and content types, and inserting elements into a part's root at the position
 * its schema requires.
 */
import type JSZip from "jszip";
import { xmlEscape } from "./text";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

export const REL = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
  table: `${NS.r}/table`,
  sheetMetadata: `${NS.r}/sheetMetadata`,
} as const;

export const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
} as const;

/** Element order of CT_Worksheet (ECMA-376 Part 1, 18.3.1.99). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Element order of CT_Workbook (ECMA-376 Part 1, 18.2.27). */
export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

interface Child {
  name: string; // local name
  start: number;
  end: number;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;

/** The direct children of the document element, with their extents in `xml`. */
export function rootChildren(xml: string): { children: Child[]; rootClose: number } {
  const children: Child[] = [];
  let depth = 0;
  let current: Child | undefined;
  let rootClose = -1;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (m[2] === undefined) continue; // declaration, comment, CDATA
    const local = m[2].includes(":") ? m[2].slice(m[2].indexOf(":") + 1) : m[2];
    if (m[1] === "/") {
      depth--;
      if (depth === 1 && current) {
        current.end = m.index + m[0].length;
        children.push(current);
        current = undefined;
      } else if (depth === 0) rootClose = m.index;
    } else if (m[4] === "/") {
      if (depth === 1) children.push({ name: local, start: m.index, end: m.index + m[0].length });
    } else {
      if (depth === 1) current = { name: local, start: m.index, end: -1 };
      depth++;
    }
  }
  if (rootClose < 0) throw new Error("xlsx post-processing: malformed part (no closing root tag)");
  return { children, rootClose };
}

/** Inserts `snippet` as a child of the root element at the position `order` prescribes for `name`. */
export function insertRootChild(xml: string, order: readonly string[], name: string, snippet: string): string {
  const rank = order.indexOf(name);
  if (rank < 0) throw new Error(`xlsx post-processing: unknown element ${name}`);
  const { children, rootClose } = rootChildren(xml);
  const after = children.find((c) => order.indexOf(c.name) > rank);
  const at = after ? after.start : rootClose;
  return xml.slice(0, at) + snippet + xml.slice(at);
}

/** The first direct child of the root called `name`, if any. */
export function findRootChild(xml: string, name: string): Child | undefined {
  return rootChildren(xml).children.find((c) => c.name === name);
}

function decodeXmlAttr(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_m, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXmlAttr(m[2] ?? m[3] ?? "") : undefined;
}

/** Reads and writes parts of the package, keeping relationships and content types consistent. */
export class PackageEditor {
  private contentTypes: string | undefined;

  constructor(readonly zip: JSZip) {}

  async read(path: string): Promise<string> {
    const f = this.zip.file(path);
    if (!f) throw new Error(`xlsx post-processing: part ${path} is missing`);
    return f.async("string");
  }

  async readOptional(path: string): Promise<string | undefined> {
    const f = this.zip.file(path);
    return f ? f.async("string") : undefined;
  }

  write(path: string, xml: string): void {
    this.zip.file(path, xml);
  }

  /** Worksheet part paths ("xl/worksheets/sheet1.xml") by sheet name, from workbook.xml and its rels. */
  async worksheetPaths(): Promise<Map<string, string>> {
    const wb = await this.read("xl/workbook.xml");
    const rels = await this.read("xl/_rels/workbook.xml.rels");
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], "Id");
      const target = attr(m[0], "Target");
      if (id && target) targets.set(id, resolveTarget("xl/workbook.xml", target));
    }
    const out = new Map<string, string>();
    for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
      const name = attr(m[0], "name");
      const id = attr(m[0], "r:id");
      const path = id ? targets.get(id) : undefined;
      if (name !== undefined && path) out.set(name, path);
    }
    return out;
  }

  /** Next free number N for parts named `${prefix}N.xml` (e.g. "xl/charts/chart"). */
  nextPartNumber(prefix: string): number {
    let max = 0;
    const re = new RegExp(`^${prefix.replace(/[/.]/g, "\\$&")}(\\d+)\\.xml$`);
    this.zip.forEach((path) => {
      const m = re.exec(path);
      if (m) max = Math.max(max, Number(m[1]));
    });
    return max + 1;
  }

  /** Adds a relationship from `source` to `target` (absolute part path) and returns its Id. */
  async addRelationship(source: string, type: string, target: string): Promise<string> {
    const relsPath = relsPathOf(source);
    let rels =
      (await this.readOptional(relsPath)) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRels}"></Relationships>`;
    const ids = new Set([...rels.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${xmlEscape(type)}" Target="${xmlEscape(relativeTarget(source, target))}"/>`;
    if (/<Relationships\b[^>]*\/>/.test(rels)) {
      rels = rels.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
    } else {
      rels = rels.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`);
    }
    this.write(relsPath, rels);
    return id;
  }

  /** Declares the content type of a part (an Override in [Content_Types].xml). */
  async addOverride(partPath: string, contentType: string): Promise<void> {
    this.contentTypes ??= await this.read("[Content_Types].xml");
    const partName = "/" + partPath;
    if (this.contentTypes.includes(`PartName="${partName}"`)) return;
    this.contentTypes = this.contentTypes.replace(
      /<\/Types>\s*$/,
      `<Override PartName="${xmlEscape(partName)}" ContentType="${contentType}"/></Types>`,
    );
  }

  /** Writes pending [Content_Types].xml changes. */
  flush(): void {
    if (this.contentTypes !== undefined) this.write("[Content_Types].xml", this.contentTypes);
  }
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function dirOf(part: string): string[] {
  const segs = part.split("/");
  segs.pop();
  return segs;
}

/** Resolves a relationship target relative to its source part. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segs = dirOf(source);
  for (const s of target.split("/")) {
    if (s === "..") segs.pop();
    else if (s !== "." && s !== "") segs.push(s);
  }
  return segs.join("/");
}

/** The relative target from `source`'s folder to the absolute part path `target`. */
function relativeTarget(source: string, target: string): string {
  const from = dirOf(source);
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}
