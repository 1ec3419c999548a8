/**
 * Contract test of the custom functions' metadata, generated in-process with the same generator
 * the webpack plugin uses (custom-functions-metadata), from src/functions/functions.ts; and of
 * its zh-CN localisation (src/functions/localize-metadata.js + functions.zh-CN.json), which the
 * build writes to functions.zh-cn.json.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateCustomFunctionsMetadata, type IGenerateResult } from "custom-functions-metadata";
import { localizeMetadata, type FunctionsMetadata, type MetadataTranslations } from "../../src/functions/localize-metadata";
import { FUNCTIONS_SOURCE as SOURCE, kaFunctionIds } from "../support/ka-functions";

const ROOT = path.resolve(__dirname, "../..");
const ZH_FILE = path.join(ROOT, "src/functions/functions.zh-CN.json");

const CJK = /[\u3400-\u9fff]/;

const IDS = kaFunctionIds();

let generated: IGenerateResult;
let metadata: FunctionsMetadata;

function translations(): MetadataTranslations {
  return JSON.parse(fs.readFileSync(ZH_FILE, "utf8")) as MetadataTranslations;
}

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(SOURCE);
  metadata = JSON.parse(generated.metadataJson) as FunctionsMetadata;
});

describe("generated functions.json", () => {
  test("the generator reports no errors", () => {
    expect(generated.errors).toEqual([]);
  });

  test("every exported function of functions.ts is a KA function, in its order; ids and names uppercase", async () => {
    const KA = await import("../../src/functions/functions");
    const exported = Object.keys(KA).filter((name) => typeof (KA as Record<string, unknown>)[name] === "function");
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(exported.map((name) => name.toUpperCase()).sort());
    expect(metadata.functions.map((f) => f.id)).toEqual(IDS);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  test("every function, parameter has an English description", () => {
    for (const f of metadata.functions) {
      expect(f.description?.trim()).toBeTruthy();
      for (const p of f.parameters ?? []) expect(p.description?.trim()).toBeTruthy();
    }
  });

  test("every parameter is of type any: the engine reads the cells and reports bad input itself", () => {
    for (const f of metadata.functions) for (const p of f.parameters ?? []) expect([f.id, p.name, p.type]).toEqual([f.id, p.name, "any"]);
  });

  test("every function returns a matrix (spilled range)", () => {
    for (const f of metadata.functions) expect(f.result).toEqual({ dimensionality: "matrix" });
  });

  test("the plugin gets one CustomFunctions.associate per function, on the exported function", () => {
    expect(generated.associate.map((a) => [a.id, a.functionName])).toEqual(IDS.map((id) => [id, id.toLowerCase()]));
  });

  test("the generator does report errors for an invalid declaration (so the build fails on them)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-metadata-"));
    try {
      const broken = path.join(dir, "broken.ts");
      fs.writeFileSync(
        broken,
        [
          "/**",
          " * Uses a type custom functions cannot take.",
          " * @customfunction BROKEN",
          " * @param {Map<string, number>} values x",
          " * @returns {number} y",
          " */",
          "export function broken(values: Map<string, number>): number { return values.size; }",
          "",
        ].join("\n"),
      );
      const result = await generateCustomFunctionsMetadata(broken);
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.metadataJson).toBe("");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("zh-CN metadata (functions.zh-cn.json)", () => {
  test("the translation is complete and every text is Chinese", () => {
    const zh = localizeMetadata(metadata, translations(), "zh-CN");
    expect(zh.functions).toHaveLength(IDS.length);
    for (const f of zh.functions) {
      expect(f.description).toMatch(CJK);
      for (const p of f.parameters ?? []) {
        expect(p.description?.trim()).toBeTruthy();
        expect(p.description).toMatch(CJK);
      }
    }
  });

  test("only descriptions change: ids, names, parameter names and types stay as generated", () => {
    const zh = localizeMetadata(metadata, translations(), "zh-CN");
    const strip = (m: FunctionsMetadata) =>
      JSON.parse(JSON.stringify(m), (key, value: unknown) => (key === "description" ? undefined : value)) as unknown;
    expect(strip(zh)).toEqual(strip(metadata));
    for (const [i, f] of zh.functions.entries()) {
      expect(f.description).not.toBe(metadata.functions[i].description);
      expect(f.name).toBe(metadata.functions[i].name);
    }
  });

  test("does not modify its input", () => {
    const before = JSON.stringify(metadata);
    localizeMetadata(metadata, translations(), "zh-CN");
    expect(JSON.stringify(metadata)).toBe(before);
  });

  test("throws on a missing function translation", () => {
    const t = translations();
    delete t.RISK;
    expect(() => localizeMetadata(metadata, t, "zh-CN")).toThrow(/RISK: no zh-CN entry/);
  });

  test("throws on a missing or empty parameter translation", () => {
    const t = translations();
    delete t.TIER.parameters!.thresholds;
    expect(() => localizeMetadata(metadata, t, "zh-CN")).toThrow(/TIER: parameter "thresholds"/);
    const u = translations();
    u.PARETO.parameters!.top_n = "  ";
    expect(() => localizeMetadata(metadata, u, "zh-CN")).toThrow(/PARETO: parameter "top_n"/);
  });

  test("throws on an empty function description", () => {
    const t = translations();
    t.CHURN.description = "";
    expect(() => localizeMetadata(metadata, t, "zh-CN")).toThrow(/CHURN: description/);
  });

  test("throws when a translation names a function or parameter that does not exist", () => {
    const t = translations();
    t.TIERS = { description: "多余的函数" };
    expect(() => localizeMetadata(metadata, t, "zh-CN")).toThrow(/TIERS: translated function does not exist/);
    const u = translations();
    u.MATRIX.parameters!.strenght = "拼错的参数";
    expect(() => localizeMetadata(metadata, u, "zh-CN")).toThrow(/MATRIX: translated parameter "strenght" does not exist/);
  });

  test("throws when a result description is translated but the metadata has none", () => {
    const t = translations();
    t.SCORE.result = "每行一个得分";
    expect(() => localizeMetadata(metadata, t, "zh-CN")).toThrow(/SCORE: translated result description/);
  });

  test("translates a result description when the metadata has one, and requires it", () => {
    const withResult = JSON.parse(JSON.stringify(metadata)) as FunctionsMetadata;
    withResult.functions[0].result = { dimensionality: "matrix", description: "One tier per row." };
    expect(() => localizeMetadata(withResult, translations(), "zh-CN")).toThrow(/TIER: result description/);
    const t = translations();
    t.TIER.result = "每行一个等级。";
    expect(localizeMetadata(withResult, t, "zh-CN").functions[0].result?.description).toBe("每行一个等级。");
  });
});
