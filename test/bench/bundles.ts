/**
 * The add-in's webpack bundles (dist/*.js), when they are built: size raw and gzipped, and the
 * check that none of the benchmark's development-only libraries (HyperFormula, Arquero and its
 * Flechette) made it into them.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

export interface BundleSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Markers each library leaves in any bundle that includes it. */
export const FOREIGN_MARKERS: readonly { readonly library: string; readonly pattern: RegExp }[] = [
  { library: "hyperformula", pattern: /hyperformula|HyperFormula|gpl-v3/ },
  { library: "arquero", pattern: /arquero|@uwdata\/flechette|flechette/i },
];

export function bundleFiles(dist: string): string[] {
  if (!fs.existsSync(dist)) return [];
  return fs
    .readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((f) => path.join(dist, f));
}

export function bundleSizes(dist: string): BundleSize[] | null {
  const files = bundleFiles(dist);
  if (files.length === 0) return null;
  return files.map((f) => {
    const buf = fs.readFileSync(f);
    return { file: path.basename(f), bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length };
  });
}

/** "functions.js: hyperformula" for every bundle holding a foreign library. */
export function foreignLibraries(dist: string): string[] {
  const found: string[] = [];
  for (const f of bundleFiles(dist)) {
    const text = fs.readFileSync(f, "utf8");
    for (const m of FOREIGN_MARKERS) if (m.pattern.test(text)) found.push(`${path.basename(f)}: ${m.library}`);
  }
  return found;
}
