/**
 * Hand-made .xlsx packages for the reader's bounds: the parts a workbook needs, with the sheet
 * XML, shared strings and part order a test chooses (what no spreadsheet program would write).
 */
import JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One cell: text inline, numbers as values. */
function cell(ref: string, v: string | number): string {
  return typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
}

/** A row numbered `r` with the given cells ([column letters, value]). */
export function row(r: number, cells: [string, string | number][]): string {
  return `<row r="${r}">${cells.map(([col, v]) => cell(`${col}${r}`, v)).join("")}</row>`;
}

export function sheetXml(rows: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${extra}<sheetData>${rows}</sheetData></worksheet>`;
}

export function sharedStringsXml(strings: readonly string[]): string {
  const items = strings.map((s) => `<si><t>${escape(s)}</t></si>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${items}</sst>`;
}

export interface PackageOptions {
  /** Shared strings part (omitted when undefined). */
  readonly sharedStrings?: string;
  /**
   * "sheet-first": the sheet is stored before the workbook and the strings, so ExcelJS parks
   * it in a temporary file until the rest is read; "sheet-last": it is streamed directly.
   */
  readonly order?: "sheet-first" | "sheet-last";
}

/** The package's bytes, deflated at the highest level. */
export async function xlsxPackage(sheet: string, options: PackageOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ];
  if (options.sharedStrings !== undefined) {
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    );
  }
  const sheetFirst = options.order === "sheet-first";
  if (sheetFirst) zip.file("xl/worksheets/sheet1.xml", sheet);
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (options.sharedStrings !== undefined) rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`,
  );
  if (options.sharedStrings !== undefined) zip.file("xl/sharedStrings.xml", options.sharedStrings);
  if (!sheetFirst) zip.file("xl/worksheets/sheet1.xml", sheet);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** The package with the uncompressed size in the local header of `entry` replaced (a lie). */
export function withDeclaredSize(bytes: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(bytes);
  const name = Buffer.from(entry, "utf8");
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  for (let at = out.indexOf(signature); at >= 0; at = out.indexOf(signature, at + 4)) {
    const nameLength = out.readUInt16LE(at + 26);
    if (nameLength === name.length && out.subarray(at + 30, at + 30 + nameLength).equals(name)) {
      out.writeUInt32LE(size, at + 22);
      return out;
    }
  }
  throw new Error(`no local header for ${entry}`);
}
