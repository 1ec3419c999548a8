/**
 * One sheet model, the same names in the open workbook and in the .xlsx file: both renderers
 * follow src/excel. The Office renderer is read back from the recording fake of Excel, the
 * .xlsx renderer from the file's parts.
 */
import JSZip from "jszip";
import { writeWorkbook } from "../../src/render/xlsx";
import type { ListValidation, SheetModel } from "../../src/sheets/model";
import { FakeExcel } from "../support/fake-excel";
import { render } from "../support/office-render";

/** Names and drop-down lists as one renderer wrote them. */
interface Written {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  readonly definedNames: readonly string[];
  /** Per drop-down, in model order: the inline list ("a,b"), or "cells" when it refers to cells. */
  readonly lists: readonly string[];
}

const LISTS: readonly (readonly string[])[] = [
  ["Open", "Done"],
  [" High", "Low"],
  ["Smith, Jane", "Lee, Bo"],
  ["=EVIL()", "Fine"],
  ["'80s", "90s"],
];

function sheet(name: string, tables: readonly string[], names: readonly string[], lists: readonly (readonly string[])[] = []): SheetModel {
  return {
    key: name,
    name,
    blocks: tables.map((_, t) => ({
      row: 0,
      col: t * 3,
      cells: [
        ["Account", "Sales"],
        ["ACME", 1],
      ],
    })),
    tables: tables.map((table, t) => ({ name: table, range: { row: 0, col: t * 3, rows: 2, cols: 2 } })),
    names: names.map((n, i) => ({ name: n, range: { row: 10 + i, col: 0, rows: 1, cols: 1 } })),
    validations: lists.map((values, i): ListValidation => ({ range: { row: 20 + i, col: 1, rows: 1, cols: 1 }, values: [...values] })),
  };
}

const MODELS: readonly SheetModel[] = [
  sheet("Plan – A/S", [" Revenue table ", "A1"], ["KA Owner", "R1C1", "true"], LISTS),
  sheet("Plan [Holding]: *?", ["", "revenue_table"], ["KA owner", "", "XFE1"]),
  sheet("History", [], ["_xlnm.Print_Area"]),
  sheet("plan – a-s", [], []),
  sheet("'Quoted'", [], []),
];

async function fromOffice(models: readonly SheetModel[]): Promise<Written> {
  const fake = new FakeExcel();
  const result = await render(fake, [...models]);
  const created = result.created.map((c) => fake.sheet(c.name));
  const lists = created
    .flatMap((s) => s.validations)
    .map((v) => {
      const source = (v.props.rule as { list: { source: string } }).list.source;
      return source.startsWith("=") ? "cells" : source;
    });
  return {
    sheets: created.map((s) => s.name),
    tables: fake.tables.map((t) => t.name),
    definedNames: fake.names.filter((n) => n.scope === undefined).map((n) => n.name),
    lists,
  };
}

const decode = (s: string): string =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

async function fromXlsx(models: readonly SheetModel[]): Promise<Written> {
  const zip = await JSZip.loadAsync(await writeWorkbook(models));
  const part = (path: string): Promise<string> => zip.file(path)?.async("string") ?? Promise.reject(new Error(`${path} missing`));
  const workbook = await part("xl/workbook.xml");
  const attributes = (xml: string, element: string, attribute: string): string[] =>
    [...xml.matchAll(new RegExp(`<${element}\\b[^>]*?\\s${attribute}="([^"]*)"`, "g"))].map((m) => decode(m[1]));
  const tableParts = Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
  tableParts.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  const tables = (await Promise.all(tableParts.map(part))).flatMap((xml) => attributes(xml, "table", "name"));
  const lists: string[] = [];
  for (let i = 1; i <= models.length; i++) {
    const xml = await part(`xl/worksheets/sheet${i}.xml`);
    for (const m of xml.matchAll(/<formula1>([^<]*)<\/formula1>/g)) {
      const formula = decode(m[1]);
      lists.push(formula.startsWith('"') ? formula.slice(1, -1) : "cells");
    }
  }
  return {
    sheets: attributes(workbook, "sheet", "name").slice(0, models.length),
    tables,
    definedNames: attributes(workbook, "definedName", "name").filter((n) => !n.startsWith("_xlnm.")),
    lists,
  };
}

describe("both renderers name a sheet model alike", () => {
  let office: Written;
  let xlsx: Written;
  beforeAll(async () => {
    [office, xlsx] = await Promise.all([fromOffice(MODELS), fromXlsx(MODELS)]);
  });

  test("sheet names", () => {
    expect(office.sheets).toEqual(xlsx.sheets);
    expect(xlsx.sheets).toEqual(["Plan – A-S", "Plan (Holding)- --", "History (2)", "plan – a-s (2)", "Quoted"]);
  });

  test("table names", () => {
    expect(office.tables).toEqual(xlsx.tables);
    expect(xlsx.tables).toEqual(["Revenue_table", "_A1", "Table", "revenue_table_2"]);
  });

  test("defined names", () => {
    expect(office.definedNames).toEqual(xlsx.definedNames);
    expect(xlsx.definedNames).toEqual(["KA_Owner", "_R1C1", "_true", "KA_owner_2", "Name", "_XFE1", "__xlnm.Print_Area"]);
  });

  test("drop-down lists: the same ones inline, the same ones from cells", () => {
    expect(office.lists).toEqual(xlsx.lists);
    expect(xlsx.lists).toEqual(["Open,Done", "cells", "cells", "cells", "cells"]);
  });
});
