/**
 * The built add-in, as it is deployed: webpack's production build (into a temporary folder,
 * once) must not evaluate strings as code — the task pane's Content-Security-Policy has no
 * 'unsafe-eval', so such code would fail in Excel, and it is what an injected string would
 * need. Source maps are not scanned (they hold the sources, not code that runs).
 *
 * No exception: webpack's `global` shim (`try{return this||new Function("return this")()}…`),
 * which @griffel/core (Fluent UI's CSS-in-JS) pulled in, is replaced by globalThis in
 * webpack.config.js (node.global false, `global` defined as globalThis).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { foreignLibraries } from "../bench/bundles";

const ROOT = path.resolve(__dirname, "../..");
let out = "";

/** Code that runs a string: eval(…), new Function(…), Function("…"), setTimeout/setInterval("…"). */
const DYNAMIC_CODE = [
  /(^|[^\w$.])eval\s*\(/g,
  /\bnew\s+Function\s*\(/g,
  /(^|[^\w$.])Function\s*\(\s*["'`]/g,
  /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g,
];

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "ka-planner-bundle-"));
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--output-path", out],
    {
      cwd: ROOT,
      stdio: "pipe",
      env: { ...process.env, KA_PLANNER_URL_PROD: "" },
    },
  );
}, 600000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const bundles = () => fs.readdirSync(out).filter((f) => f.endsWith(".js"));

describe("the production bundles", () => {
  test("are there: task pane and custom functions", () => {
    expect(bundles()).toEqual(expect.arrayContaining(["taskpane.js", "functions.js"]));
  });

  test("hold no eval, new Function or string timers", () => {
    const found: string[] = [];
    for (const file of bundles()) {
      const code = fs.readFileSync(path.join(out, file), "utf8");
      for (const pattern of DYNAMIC_CODE) {
        for (const m of code.matchAll(pattern)) found.push(`${file}: …${code.slice(Math.max(0, m.index - 60), m.index + 60)}…`);
      }
    }
    expect(found).toEqual([]);
  });

  test("hold neither HyperFormula (GPL-3.0) nor Arquero: benchmark-only development dependencies", () => {
    expect(foreignLibraries(out)).toEqual([]);
  });

  test("the custom functions bundle (loaded by Excel's runtime, also without the page) has no exception at all", () => {
    const code = fs.readFileSync(path.join(out, "functions.js"), "utf8");
    for (const pattern of DYNAMIC_CODE) expect(code.match(pattern)).toBeNull();
  });
});

describe("the function list", () => {
  test("the task pane lists the functions of the generated functions.json, in its order", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8")) as { functions: { id: string }[] };
    const ids = metadata.functions.map((f) => f.id);
    expect(ids).toContain("TIER");
    expect(fs.readFileSync(path.join(out, "taskpane.js"), "utf8")).toContain(JSON.stringify(ids));
  });
});

describe("the built page and manifest", () => {
  test("taskpane.html keeps the source's Content-Security-Policy, and its scripts are this origin's or office.js", () => {
    const built = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    const source = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
    const policy = (html: string) => /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(policy(built)).toBeDefined();
    expect(policy(built)).toBe(policy(source));
    const scripts = [...built.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    for (const [, , body] of scripts) expect(body.trim()).toBe("");
    // office.js first (the bundles use it as they load), then the shared runtime's two bundles.
    const sources = scripts.map(([, attrs]) => /\bsrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1]);
    expect(sources).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "taskpane.js", "functions.js"]);
    expect(built.search(/<meta[^>]*Content-Security-Policy/i)).toBeLessThan(built.search(/<script\b/i));
  });

  test("the production manifest points to HTTPS only, with no AppDomains and at most ReadWriteDocument", () => {
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    const urls = [
      ...manifest
        .replace(/\sxmlns(:\w+)?="[^"]*"/g, "")
        .replace(/<!--[\s\S]*?-->/g, "")
        .matchAll(/[a-z][a-z0-9+.-]*:\/\/[^"'<\s]*/gi),
    ].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      expect(new URL(url).hostname).not.toBe("localhost"); // rewritten to the production URL
    }
    expect(manifest).not.toMatch(/<AppDomains?\b/);
    expect(manifest).toMatch(/<Permissions>\s*(Restricted|ReadDocument|ReadAllDocument|WriteDocument|ReadWriteDocument)\s*<\/Permissions>/);
  });
});
