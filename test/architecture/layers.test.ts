/**
 * The layering, checked on the source: every import points down, and Office.js is called from
 * the add-in's layers only.
 *   excel (Excel's own rules) ← engine ← sheets ← app (pure application: mapping, build choice)
 *   sheets, excel ← render/{office,xlsx} (renderers: the sheet model and Excel's rules only)
 *   app, render/office ← addin (the add-in's Office application) ← taskpane, commands
 *   app, render/xlsx ← cli
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
  const rel = path
    .relative(SRC, file)
    .replace(/\.tsx?$/, "")
    .split(path.sep);
  return rel[0] === "render" ? `render/${rel[1]}` : rel[0];
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)|import\(\s*["']([^"']+)["']\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Which layers each layer may import from (besides itself). */
const ALLOWED: Record<string, string[]> = {
  strings: [],
  // Excel's own rules (names, limits, column letters): facts about Excel, below everything.
  excel: [],
  engine: ["excel", "strings"],
  sample: ["engine", "strings"],
  functions: ["engine", "strings"],
  sheets: ["excel", "engine", "strings"],
  app: ["sheets", "excel", "engine", "strings"],
  // Renderers turn sheet models into Excel: the model and Excel's own rules, no domain.
  "render/xlsx": ["sheets", "excel", "strings"],
  "render/office": ["sheets", "excel", "strings"],
  addin: ["render/office", "app", "sheets", "excel", "engine", "strings"],
  taskpane: ["addin", "app", "sheets", "excel", "engine", "strings"],
  commands: ["addin", "app", "sheets", "engine", "strings", "taskpane"],
  cli: ["render/xlsx", "app", "sheets", "excel", "engine", "strings", "sample"],
};

/** Single files a layer may import from a layer it may not otherwise use (none today). */
const ALLOWED_FILES: Record<string, string[]> = {};

/** Packages a layer may use (Node built-ins are allowed only where listed as "node:"). */
const PACKAGES: Record<string, RegExp> = {
  strings: /^$/,
  engine: /^$/,
  sample: /^$/,
  functions: /^$/,
  excel: /^$/,
  sheets: /^$/,
  app: /^$/,
  "render/xlsx": /^(exceljs|jszip|fs|path|os|zlib|node:.*)$/,
  "render/office": /^$/,
  addin: /^$/,
  taskpane: /^(react|react-dom(\/.*)?|react\/jsx-runtime|@fluentui\/.*)$/,
  commands: /^$/,
  cli: /^.+$/,
};

const OFFICE_GLOBALS = /\b(Excel|Office|OfficeExtension)\.[A-Za-z]/;

/** A file's code without its comments. */
const codeOf = (file: string): string => fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");

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
          const targetFile = path
            .relative(SRC, target)
            .split(path.sep)
            .join("/")
            .replace(/\.tsx?$/, "");
          const allowed = to === layer || ALLOWED[layer].includes(to) || (ALLOWED_FILES[layer] ?? []).includes(targetFile);
          if (!allowed) bad.push(`${path.relative(SRC, file)} → ${spec} (${layer} → ${to})`);
        } else if (!PACKAGES[layer].test(spec)) {
          bad.push(`${path.relative(SRC, file)} → package ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test("Office.js is called only from render/office, the add-in, the task pane and the ribbon commands", () => {
    const callers = files.filter((f) => OFFICE_GLOBALS.test(codeOf(f))).map((f) => layerOf(f));
    expect([...new Set(callers)].filter((l) => !["render/office", "addin", "taskpane", "commands"].includes(l))).toEqual([]);
  });

  test("the application layer knows no Office: no Office.js globals, no Office renderer, no add-in", () => {
    const bad = files
      .filter((f) => layerOf(f) === "app")
      .filter((f) => OFFICE_GLOBALS.test(codeOf(f)) || importsOf(f).some((spec) => /render\/office|addin|office-js/.test(spec)));
    expect(bad.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  test("only the task pane and the ribbon commands import the add-in", () => {
    const bad: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      if (layer === "addin" || layer === "taskpane" || layer === "commands") continue;
      for (const spec of importsOf(file)) {
        if (spec.startsWith(".") && layerOf(path.resolve(path.dirname(file), spec)) === "addin")
          bad.push(`${path.relative(SRC, file)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
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
      expect({ name, body: body.trim() }).toEqual({ name, body: expect.stringMatching(/^return evaluate\([^;]*\);$/) as unknown });
    }
  });
});
