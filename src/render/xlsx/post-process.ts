/**
 * Post-processing of the package ExcelJS wrote: what ExcelJS does not write or writes badly —
 * table parts, drawings with charts, the dynamic-array flag of spilling formulas, and defined
 * names with comments.
 */
import JSZip from "jszip";
import type { ChartDef } from "../../sheets/model";
import { drawingXml, type DrawingChart } from "./charts";
import { CONTENT_TYPE, findRootChild, insertRootChild, PackageEditor, REL, WORKBOOK_ORDER, WORKSHEET_ORDER } from "./package";
import { tableXml, type TablePlan } from "./tables";
import { xmlEscape } from "./text";

/** What one worksheet part still needs. */
export interface SheetPost {
  name: string;
  tables: TablePlan[];
  charts: { def: ChartDef; xml: string }[];
  /** A1 addresses of dynamic-array anchors (their <c> gets cm="1"). */
  spills: string[];
}

/** A defined name as written into workbook.xml (sheet-scoped with localSheetId). */
export interface DefinedNameEntry {
  name: string;
  ref: string;
  comment?: string;
  localSheetId?: number;
}

/** The part flagging dynamic arrays: cell metadata type XLDAPR, cm="1" in the sheets. */
const DYNAMIC_ARRAY_METADATA =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
  `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
  `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>` +
  `</metadata>`;

/** Next free part numbers, shared by all sheets of the package. */
interface PartNumbers {
  table: number;
  drawing: number;
  chart: number;
}

/** Flags each dynamic-array anchor cell with the XLDAPR cell metadata. */
function flagSpills(sheetXml: string, post: SheetPost): string {
  let xml = sheetXml;
  for (const address of post.spills) {
    const at = new RegExp(`<c r="${address}"(?=[\\s/>])`);
    if (!at.test(xml)) throw new Error(`xlsx post-processing: dynamic-array cell ${address} of "${post.name}" not found`);
    xml = xml.replace(at, `<c r="${address}" cm="1"`);
  }
  return xml;
}

/** Writes the sheet's charts into one drawing part and links it from the sheet. */
async function addDrawing(pkg: PackageEditor, sheetPath: string, sheetXml: string, post: SheetPost, parts: PartNumbers): Promise<string> {
  if (findRootChild(sheetXml, "drawing")) throw new Error(`xlsx post-processing: sheet "${post.name}" already has a drawing`);
  const drawingPath = `xl/drawings/drawing${parts.drawing++}.xml`;
  const items: DrawingChart[] = [];
  for (const { def, xml } of post.charts) {
    const chartPath = `xl/charts/chart${parts.chart++}.xml`;
    pkg.write(chartPath, xml);
    await pkg.addOverride(chartPath, CONTENT_TYPE.chart);
    items.push({ def, relId: await pkg.addRelationship(drawingPath, REL.chart, chartPath) });
  }
  pkg.write(drawingPath, drawingXml(items));
  await pkg.addOverride(drawingPath, CONTENT_TYPE.drawing);
  const relId = await pkg.addRelationship(sheetPath, REL.drawing, drawingPath);
  return insertRootChild(sheetXml, WORKSHEET_ORDER, "drawing", `<drawing r:id="${relId}"/>`);
}

/** Writes the sheet's table parts and lists them in the sheet. */
async function addTables(pkg: PackageEditor, sheetPath: string, sheetXml: string, post: SheetPost, parts: PartNumbers): Promise<string> {
  if (findRootChild(sheetXml, "tableParts")) throw new Error(`xlsx post-processing: sheet "${post.name}" already has table parts`);
  const tableParts: string[] = [];
  for (const table of post.tables) {
    const tablePath = `xl/tables/table${parts.table++}.xml`;
    pkg.write(tablePath, tableXml(table));
    await pkg.addOverride(tablePath, CONTENT_TYPE.table);
    tableParts.push(`<tablePart r:id="${await pkg.addRelationship(sheetPath, REL.table, tablePath)}"/>`);
  }
  return insertRootChild(
    sheetXml,
    WORKSHEET_ORDER,
    "tableParts",
    `<tableParts count="${tableParts.length}">${tableParts.join("")}</tableParts>`,
  );
}

async function postProcessSheet(pkg: PackageEditor, sheetPath: string, post: SheetPost, parts: PartNumbers): Promise<void> {
  let sheetXml = flagSpills(await pkg.read(sheetPath), post);
  if (post.charts.length > 0) sheetXml = await addDrawing(pkg, sheetPath, sheetXml, post, parts);
  if (post.tables.length > 0) sheetXml = await addTables(pkg, sheetPath, sheetXml, post, parts);
  if (!/\sxmlns:r="/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet"))))) {
    sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
  }
  pkg.write(sheetPath, sheetXml);
}

function definedNameXml(entry: DefinedNameEntry): string {
  const scope = entry.localSheetId !== undefined ? ` localSheetId="${entry.localSheetId}"` : "";
  const comment = entry.comment ? ` comment="${xmlEscape(entry.comment.slice(0, 255))}"` : "";
  return `<definedName name="${xmlEscape(entry.name)}"${scope}${comment}>${xmlEscape(entry.ref)}</definedName>`;
}

/** Adds the defined names to workbook.xml, after any ExcelJS wrote. */
async function addDefinedNames(pkg: PackageEditor, definedNames: readonly DefinedNameEntry[]): Promise<void> {
  let workbookXml = await pkg.read("xl/workbook.xml");
  const items = definedNames.map(definedNameXml).join("");
  const existing = findRootChild(workbookXml, "definedNames");
  if (existing) {
    const close = workbookXml.lastIndexOf("</definedNames>", existing.end);
    workbookXml =
      close >= existing.start
        ? workbookXml.slice(0, close) + items + workbookXml.slice(close)
        : workbookXml.slice(0, existing.start) + `<definedNames>${items}</definedNames>` + workbookXml.slice(existing.end);
  } else {
    workbookXml = insertRootChild(workbookXml, WORKBOOK_ORDER, "definedNames", `<definedNames>${items}</definedNames>`);
  }
  pkg.write("xl/workbook.xml", workbookXml);
}

/** Adds table parts, drawings with charts, dynamic-array flags and defined names to the package ExcelJS wrote. */
export async function postProcess(xlsx: Buffer, posts: readonly SheetPost[], definedNames: readonly DefinedNameEntry[]): Promise<JSZip> {
  const zip = await JSZip.loadAsync(xlsx);
  const pkg = new PackageEditor(zip);
  const paths = await pkg.worksheetPaths();
  const parts: PartNumbers = {
    table: pkg.nextPartNumber("xl/tables/table"),
    drawing: pkg.nextPartNumber("xl/drawings/drawing"),
    chart: pkg.nextPartNumber("xl/charts/chart"),
  };
  for (const post of posts) {
    if (post.tables.length === 0 && post.charts.length === 0 && post.spills.length === 0) continue;
    const sheetPath = paths.get(post.name);
    if (!sheetPath) throw new Error(`xlsx post-processing: worksheet part for "${post.name}" not found`);
    await postProcessSheet(pkg, sheetPath, post, parts);
  }
  if (posts.some((post) => post.spills.length > 0)) {
    pkg.write("xl/metadata.xml", DYNAMIC_ARRAY_METADATA);
    await pkg.addOverride("xl/metadata.xml", CONTENT_TYPE.sheetMetadata);
    await pkg.addRelationship("xl/workbook.xml", REL.sheetMetadata, "xl/metadata.xml");
  }
  if (definedNames.length > 0) await addDefinedNames(pkg, definedNames);
  pkg.flush();
  return zip;
}
