/**
 * The layering, checked on the source: every import points down, and Office.js is called from
 * one thin layer only. engine ← functions, sheets ← render ← taskpane, cli.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "../../src");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** Top-level layer of a file under src/ ("engine", "render/office", ...). */
function layerOf(file: string): string {
  const rel = path.relative(SRC, file).replace(/\.tsx?$/, "").split(path.sep);
  return rel[0] === "render" ? `render/${rel[1]}` : rel[0];
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)|import\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

/** Which layers each layer may import from (besides itself). */
const ALLOWED: Record<string, string[]> = {
  strings: [],
  excel: [],
  engine: ["strings"],
  sample: ["engine", "strings"],
  functions: ["engine", "strings"],
  sheets: ["engine", "strings"],
  "render/xlsx": ["sheets", "excel", "strings"],
  // The Office.js layer also holds the task pane's actions (read the sales table, build
  // sheets), which need the engine; the renderer files themselves know nothing of it.
  "render/office": ["sheets", "excel", "engine", "strings"],
  taskpane: ["render/office", "sheets", "engine", "strings"],
  commands: ["render/office", "sheets", "engine", "strings", "taskpane"],
  cli: ["render/xlsx", "sheets", "excel", "engine", "strings", "sample"],
};

/** Packages a layer may use (Node built-ins are allowed only where listed as "node:"). */
const PACKAGES: Record<string, RegExp> = {
  strings: /^$/,
  excel: /^$/,
  engine: /^$/,
  sample: /^$/,
  functions: /^$/,
  sheets: /^$/,
  "render/xlsx": /^(exceljs|jszip|fs|path|os|zlib|node:.*)$/,
  "render/office": /^$/,
  taskpane: /^(react|react-dom(\/.*)?|react\/jsx-runtime|@fluentui\/.*)$/,
  commands: /^$/,
  cli: /^.+$/,
};

const OFFICE_GLOBALS = /\b(Excel|Office|OfficeExtension)\.[A-Za-z]/;

describe("layering", () => {
  const files = filesUnder(SRC);

  test("every file belongs to a known layer", () => {
    expect(files.map(layerOf).filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  test("imports point down the layers and use only the packages of their layer", () => {
    const bad: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith(".")) {
          const target = path.resolve(path.dirname(file), spec);
          if (!target.startsWith(SRC)) continue;
          const to = layerOf(target);
          if (to !== layer && !ALLOWED[layer].includes(to)) bad.push(`${path.relative(SRC, file)} → ${spec} (${layer} → ${to})`);
        } else if (!PACKAGES[layer].test(spec)) {
          bad.push(`${path.relative(SRC, file)} → package ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test("Office.js is called only from render/office, the task pane and the ribbon commands", () => {
    const callers = files
      .filter((f) => OFFICE_GLOBALS.test(fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")))
      .map((f) => layerOf(f));
    expect([...new Set(callers)].filter((l) => !["render/office", "taskpane", "commands"].includes(l))).toEqual([]);
  });

  test("CustomFunctions is used only by the custom-function wrappers", () => {
    const users = files.filter((f) => /\bCustomFunctions\./.test(fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")));
    expect(users.map(layerOf).filter((l) => l !== "functions")).toEqual([]);
  });

  test("the custom-function wrappers hold no logic: each exported function only calls evaluate()", () => {
    const text = fs.readFileSync(path.join(SRC, "functions/functions.ts"), "utf8");
    const bodies = [...text.matchAll(/export function (\w+)\([^)]*\)[^{]*\{([\s\S]*?)\n\}/g)];
    expect(bodies.length).toBe(8);
    for (const [, name, body] of bodies) {
      expect({ name, body: body.trim() }).toEqual({ name, body: expect.stringMatching(/^return evaluate\([^;]*\);$/) });
    }
  });
});
