/*
 * The Microsoft 365 app package of the unified manifest: a zip with manifest.json at its root,
 * the localization files and the two icons it names (relative paths), which is what the
 * Microsoft 365 admin center (Integrated apps › Upload custom apps) and Teams take.
 *
 * Usage: node src/manifest/app-package.js [DIR]   (default dist/: writes DIR/ka-planner-app.zip
 * from DIR/manifest.json, so after `npm run build` it carries the production URLs)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const JSZip = require("jszip");

/** Names of the files the package holds, read from the manifest itself. */
function packageFilesOf(manifest) {
  const files = ["manifest.json", manifest.icons.color, manifest.icons.outline];
  for (const language of (manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) || []) files.push(language.file);
  return files;
}

/** The zip (Buffer) of the manifest in `dir` and the files it names; a missing file is an error. */
async function appPackage(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
  const zip = new JSZip();
  // A fixed date: the same inputs give the same bytes.
  const date = new Date(Date.UTC(2026, 0, 1));
  for (const name of packageFilesOf(manifest)) zip.file(name, fs.readFileSync(path.join(dir, name)), { date, createFolders: false });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "UNIX" });
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || "dist");
  appPackage(dir).then(
    (zip) => {
      const out = path.join(dir, "ka-planner-app.zip");
      fs.writeFileSync(out, zip);
      console.log(`wrote ${path.relative(process.cwd(), out)} (${zip.length} bytes)`);
    },
    (error) => {
      console.error(`app package not written: ${error.message}`);
      process.exit(1);
    },
  );
}

module.exports = { appPackage, packageFilesOf };
