/**
 * The add-in's security surface in its sources: the manifest asks for no more than it needs
 * (at most ReadWriteDocument, no AppDomains, HTTPS only) and the task-pane page restricts its
 * scripts with a Content-Security-Policy. The built bundles and page are checked in
 * test/build/bundle-scan.test.ts.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const page = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");

/** Permissions of task-pane add-ins, least to most; mailbox permissions are not for Excel. */
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];

/** The Content-Security-Policy of a page's <meta http-equiv>, as directive → sources. */
function cspOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((m) => /http-equiv\s*=\s*["']?Content-Security-Policy/i.test(m));
  expect(metas).toHaveLength(1);
  const content = /content\s*=\s*"([^"]*)"/i.exec(metas[0])?.[1] ?? /content\s*=\s*'([^']*)'/i.exec(metas[0])?.[1] ?? "";
  const csp = new Map<string, string[]>();
  for (const part of content.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) csp.set(name.toLowerCase(), sources);
  }
  return csp;
}

/** Office.js's origin: the only script source besides the add-in's own. */
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/** Checks a page against the policy rules (the built page: test/build/bundle-scan.test.ts). */
function checkPage(html: string): void {
  const csp = cspOf(html);
  const scripts = csp.get("script-src") ?? csp.get("default-src");
  expect(scripts).toBeDefined();
  // Only this origin and office.js's: no eval, no inline script, no wildcard or scheme source.
  for (const s of scripts!) expect(["'self'", OFFICE_JS_ORIGIN]).toContain(s);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(["'self'", "'none'"]).toContain(csp.get("base-uri")?.[0]);
  for (const sources of csp.values()) {
    for (const s of sources) expect(s).not.toMatch(/^'unsafe-(eval|inline|hashes)'$|^\*$|^(https?|data|blob):$|^http:\/\//);
  }
  // The policy is in <head> before any script, so it applies to all of them.
  const meta = html.search(/<meta\b[^>]*Content-Security-Policy/i);
  expect(meta).toBeGreaterThan(html.search(/<head\b/i));
  expect(meta).toBeLessThan(html.search(/<script\b/i));
  // Every script is a file the policy allows; none inline, no inline event handlers.
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[1])?.[1];
    expect(src).toBeDefined();
    expect(m[2].trim()).toBe("");
    if (/^[a-z][a-z0-9+.-]*:/i.test(src!) || src!.startsWith("//")) expect(src!.startsWith(`${OFFICE_JS_ORIGIN}/`)).toBe(true);
  }
  expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/\bjavascript:/i);
}

describe("manifest.xml asks for no more than it needs", () => {
  test("permissions: at most ReadWriteDocument (the add-in writes sheets; it never needs mailbox or more)", () => {
    const found = [...manifest.matchAll(/<Permissions>\s*([^<\s]+)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(found).toHaveLength(1);
    expect(PERMISSIONS).toContain(found[0]);
    expect(PERMISSIONS.indexOf(found[0])).toBeLessThanOrEqual(PERMISSIONS.indexOf("ReadWriteDocument"));
  });

  test("no AppDomains: nothing but the add-in's own origin opens inside the pane", () => {
    expect(manifest).not.toMatch(/<AppDomains?\b/);
  });

  test("HTTPS only: every URL in the manifest (other than XML namespace names) is https", () => {
    const withoutNamespaces = manifest.replace(/\sxmlns(:\w+)?="[^"]*"/g, "").replace(/<!--[\s\S]*?-->/g, "");
    const urls = [...withoutNamespaces.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^"'<\s]*/gi)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    // One origin for everything the add-in loads (the dev server; the production build rewrites it).
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set(["https://localhost:3000"]));
  });
});

describe("the task-pane page", () => {
  test("has a Content-Security-Policy: scripts from this origin and office.js only, no objects, no base rewriting", () => {
    checkPage(page);
  });

  test("office.js is loaded over HTTPS from Microsoft's CDN", () => {
    expect(page).toContain(`<script type="text/javascript" src="${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js"></script>`);
  });

  test("the webpack build never uses an eval-based source map (the CSP would block it)", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configOf = require(path.join(ROOT, "webpack.config.js")) as (
      env: unknown,
      argv: { mode: string },
    ) => Promise<{ devtool?: string | false }>;
    for (const mode of ["production", "development"]) {
      const config = await configOf({}, { mode });
      expect(String(config.devtool ?? "")).not.toMatch(/eval/);
    }
  });
});
