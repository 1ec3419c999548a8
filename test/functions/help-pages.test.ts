/**
 * The help page of every custom function, in English and Chinese (src/help/help-pages.js, as
 * webpack emits them into dist/help/): made from the metadata the JSDoc generates, the
 * translations, the string resources and the README's examples, with nothing written twice.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeMetadata, type FunctionsMetadata, type MetadataTranslations } from "../../src/functions/localize-metadata";
import { helpPages, helpUrlOf, pageOf, readmeExamples, splitExample } from "../../src/help/help-pages";

const ROOT = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const README = read("README.md");
const STRINGS = {
  en: JSON.parse(read("src/strings/en-US.json")) as Record<string, string>,
  zh: JSON.parse(read("src/strings/zh-CN.json")) as Record<string, string>,
};

let en: FunctionsMetadata;
let zh: FunctionsMetadata;
let pages: Record<string, string>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(path.join(ROOT, "src/functions/functions.ts"));
  expect(generated.errors).toEqual([]);
  en = JSON.parse(generated.metadataJson) as FunctionsMetadata;
  zh = localizeMetadata(
    JSON.parse(generated.metadataJson) as FunctionsMetadata,
    JSON.parse(read("src/functions/functions.zh-CN.json")) as MetadataTranslations,
    "zh-CN",
  );
  pages = helpPages({ metadata: { en, zh }, strings: STRINGS, readme: README, namespace: "KA" });
}, 60_000);

/** Text of a page without its tags and entities, for "the page says …" checks. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("help pages", () => {
  test("every function's @helpurl is its English page on the dev server", () => {
    expect(en.functions.length).toBeGreaterThan(0);
    for (const fn of en.functions) expect(fn.helpUrl).toBe(helpUrlOf("https://localhost:3000/", fn.id, "en"));
  });

  test("one page per function and language, and an index per language", () => {
    const expected = ["help/index.html", "help/zh-cn/index.html"];
    for (const fn of en.functions) expected.push(`help/${pageOf(fn.id)}`, `help/zh-cn/${pageOf(fn.id)}`);
    expect(Object.keys(pages).sort()).toEqual(expected.sort());
  });

  test("each page says what the metadata says: name, description, every parameter, the syntax", () => {
    for (const [tag, metadata, folder] of [
      ["en", en, ""],
      ["zh", zh, "zh-cn/"],
    ] as const) {
      for (const fn of metadata.functions) {
        const text = textOf(pages[`help/${folder}${pageOf(fn.id)}`]);
        expect(text).toContain(`KA.${fn.name}`);
        expect(text).toContain(fn.description);
        const params = fn.parameters ?? [];
        for (const p of params) expect(text).toContain(p.description);
        const syntax = `=KA.${fn.name}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
        expect(text).toContain(syntax);
        expect(text).toContain(STRINGS[tag]["help.syntax"]);
      }
    }
    // The Chinese pages are in Chinese: the translated descriptions differ from the English ones.
    expect(zh.functions.map((f) => f.description)).not.toEqual(en.functions.map((f) => f.description));
  });

  test("the examples are the README's: every function has some, the English page shows their notes", () => {
    const examples = readmeExamples(README);
    for (const fn of en.functions) {
      const lines = examples.get(fn.id) ?? [];
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const { formula, note } = splitExample(line);
        expect(formula.startsWith(`=KA.${fn.name}(`)).toBe(true);
        expect(textOf(pages[`help/${pageOf(fn.id)}`])).toContain(note ? `${formula}    ${note}` : formula);
        expect(textOf(pages[`help/zh-cn/${pageOf(fn.id)}`])).toContain(formula);
        if (note && !/[\u3400-\u9fff]/.test(note)) expect(textOf(pages[`help/zh-cn/${pageOf(fn.id)}`])).not.toContain(note);
      }
    }
  });

  test("static and closed: no script, a CSP that allows only the inline style, links only to the other pages", () => {
    for (const [file, html] of Object.entries(pages)) {
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
      for (const m of html.matchAll(/href="([^"]+)"/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]));
        expect(Object.keys(pages)).toContain(target);
      }
    }
  });

  test("metadata text is escaped, never markup", () => {
    const hostile = JSON.parse(JSON.stringify(en)) as FunctionsMetadata;
    hostile.functions[0].description = '<img src=x onerror="alert(1)">';
    const html = helpPages({ metadata: { en: hostile, zh }, strings: STRINGS, readme: README, namespace: "KA" })[
      `help/${pageOf(hostile.functions[0].id)}`
    ];
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});
