/**
 * The public signatures: the README's function reference heads each function with its signature
 * (`### \`KA.TIER(values, [customers], …)\``), which users copy into cells. The metadata generated
 * from functions.ts must give the same parameters in the same order, optional where the README
 * brackets them: reordering or renaming a parameter breaks every workbook that uses it.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import type { FunctionsMetadata } from "../../src/functions/localize-metadata";

const ROOT = path.resolve(__dirname, "../..");

/** "KA.TIER(values, [customers])" headings → id → [name, optional][]. */
function readmeSignatures(readme: string): Map<string, [string, boolean][]> {
  const out = new Map<string, [string, boolean][]>();
  for (const m of readme.matchAll(/^### `KA\.([A-Z]+)\(([^)]*)\)`$/gm)) {
    const params = m[2]
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    out.set(
      m[1],
      params.map((p): [string, boolean] => (p.startsWith("[") ? [p.slice(1, -1), true] : [p, false])),
    );
  }
  return out;
}

test("every function's parameters, their order and which are optional are the README's", async () => {
  const generated = await generateCustomFunctionsMetadata(path.join(ROOT, "src/functions/functions.ts"));
  const metadata = JSON.parse(generated.metadataJson) as FunctionsMetadata;
  const readme = readmeSignatures(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
  expect([...readme.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  for (const fn of metadata.functions) {
    const params = (fn.parameters ?? []).map((p): [string, boolean] => [p.name, p.optional === true]);
    expect([fn.id, params]).toEqual([fn.id, readme.get(fn.id)]);
  }
}, 60_000);
