/*
 * The custom functions' help pages (dist/help/<id>.html, dist/help/zh-cn/<id>.html and an index
 * per language): the page Excel opens from a function's "Help on this function" link (its
 * `@helpurl`). Nothing on them is written twice: names, descriptions and parameters come from
 * the generated metadata (functions.json from the JSDoc, functions.zh-cn.json from the
 * translations), the page's own words from the string resources, and the examples from the
 * README's function reference (the code block under each `### \`KA.X(…)\`` heading).
 *
 * Static pages: no script, a Content-Security-Policy that allows nothing but their inline style.
 */
"use strict";

/** Languages of the pages: folder under help/, metadata and strings to use. */
const LANGUAGES = [
  { tag: "en", folder: "", htmlLang: "en" },
  { tag: "zh", folder: "zh-cn/", htmlLang: "zh-CN" },
];

const STYLE = [
  "body{font-family:'Segoe UI',system-ui,sans-serif;max-width:46rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}",
  "code,pre{font-family:Consolas,'Courier New',monospace;background:#f3f3f3}",
  "pre{padding:.6rem;white-space:pre-wrap;overflow-wrap:anywhere}",
  "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}",
  "nav{display:flex;gap:1rem;font-size:.9rem}",
].join("");

/** The page name of a function id: `TIER` → `tier.html`. */
function pageOf(id) {
  return `${id.toLowerCase()}.html`;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/**
 * Examples per function id from the README: the lines of the first code block after the
 * heading `### \`KA.<ID>(`; none when the section has no code block.
 */
function readmeExamples(readme) {
  const out = new Map();
  const sections = readme.split(/^### /m).slice(1);
  for (const section of sections) {
    const heading = /^`KA\.([A-Z]+)\(/.exec(section);
    if (!heading) continue;
    const body = section.split(/^#{2,3} /m)[0];
    const block = /^```\n([\s\S]*?)^```/m.exec(body);
    out.set(heading[1], block ? block[1].split("\n").filter((line) => line.trim() !== "") : []);
  }
  return out;
}

/** An example line as `{ formula, note }`: the README puts the note after two or more spaces. */
function splitExample(line) {
  const m = /^(\S.*?)(?:\s{2,}(.*))?$/.exec(line.trim());
  return { formula: m[1], note: m[2] || "" };
}

function syntaxOf(namespace, fn) {
  const params = (fn.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=${namespace}.${fn.name}(${params.join(", ")})`;
}

function page({ lang, title, body, strings, otherHref, indexHref }) {
  return [
    "<!doctype html>",
    `<html lang="${lang.htmlLang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<nav><a href="${indexHref}">${escapeHtml(strings["help.allFunctions"])}</a><a href="${otherHref}" hreflang="${lang.tag === "en" ? "zh-CN" : "en"}">${escapeHtml(strings["help.otherLanguage"])}</a></nav>`,
    "<main>",
    body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function functionBody(namespace, fn, examples, strings, lang) {
  const rows = (fn.parameters || []).map(
    (p) =>
      `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.description || "")}</td><td>${p.optional ? escapeHtml(strings["help.optional"]) : escapeHtml(strings["help.required"])}</td></tr>`,
  );
  const parts = [
    `<h1>${escapeHtml(`${namespace}.${fn.name}`)}</h1>`,
    `<p>${escapeHtml(fn.description || "")}</p>`,
    `<h2>${escapeHtml(strings["help.syntax"])}</h2>`,
    `<pre><code>${escapeHtml(syntaxOf(namespace, fn))}</code></pre>`,
  ];
  if (rows.length > 0) {
    parts.push(
      `<h2>${escapeHtml(strings["help.parameters"])}</h2>`,
      `<table><thead><tr><th>${escapeHtml(strings["help.parameter"])}</th><th>${escapeHtml(strings["help.description"])}</th><th></th></tr></thead>`,
      `<tbody>${rows.join("")}</tbody></table>`,
    );
  }
  if (examples.length > 0) {
    // The README's notes are English: the Chinese page shows the formulas alone.
    const lines = examples.map(splitExample).map(({ formula, note }) => (lang.tag === "en" && note ? `${formula}    ${note}` : formula));
    parts.push(`<h2>${escapeHtml(strings["help.examples"])}</h2>`, `<pre><code>${escapeHtml(lines.join("\n"))}</code></pre>`);
  }
  return parts.join("\n");
}

function indexBody(namespace, functions, strings) {
  const items = functions.map(
    (fn) =>
      `<li><a href="${pageOf(fn.id)}"><code>${escapeHtml(`${namespace}.${fn.name}`)}</code></a> — ${escapeHtml(fn.description || "")}</li>`,
  );
  return [`<h1>${escapeHtml(strings["help.title"])}</h1>`, `<ul>${items.join("\n")}</ul>`].join("\n");
}

/**
 * Every help page: file name under dist/ → HTML.
 * metadata: { en: functions.json, zh: functions.zh-cn.json } (parsed); strings: { en, zh }
 * (the string resources); readme: README.md's text; namespace: "KA".
 */
function helpPages({ metadata, strings, readme, namespace }) {
  const examples = readmeExamples(readme);
  const files = {};
  for (const lang of LANGUAGES) {
    const other = LANGUAGES.find((l) => l !== lang);
    const functions = metadata[lang.tag].functions;
    const text = strings[lang.tag];
    const up = lang.folder ? "../" : "";
    files[`help/${lang.folder}index.html`] = page({
      lang,
      title: text["help.title"],
      body: indexBody(namespace, functions, text),
      strings: text,
      otherHref: `${up}${other.folder}index.html`,
      indexHref: "index.html",
    });
    for (const fn of functions) {
      files[`help/${lang.folder}${pageOf(fn.id)}`] = page({
        lang,
        title: `${namespace}.${fn.name} – ${text["help.title"]}`,
        body: functionBody(namespace, fn, examples.get(fn.id) || [], text, lang),
        strings: text,
        otherHref: `${up}${other.folder}${pageOf(fn.id)}`,
        indexHref: "index.html",
      });
    }
  }
  return files;
}

/** The help URL of a function in a language, below the add-in's base URL (ends with "/"). */
function helpUrlOf(baseUrl, id, tag) {
  const lang = LANGUAGES.find((l) => l.tag === tag);
  return `${baseUrl}help/${lang.folder}${pageOf(id)}`;
}

module.exports = { helpPages, helpUrlOf, readmeExamples, splitExample, pageOf };
