/**
 * Headless LibreOffice for tests: recalculates generated workbooks and renders them.
 *
 * - Runs `soffice --headless --convert-to …` with a fresh private profile
 *   (-env:UserInstallation=file:///tmp/ka-lo-profile-…) whose registrymodifications.xcu sets
 *   /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode = 0 ("always recalculate" on
 *   load; the shipped default is 1 = never, see share/registry/main.xcd and ScRecalcOptions
 *   in LibreOffice's sc/inc/calcconfig.hxx), so values read back are LibreOffice's own results,
 *   not the caches in the file.
 * - One conversion at a time: an in-process queue plus a lock file shared by all jest workers.
 * - Several files per invocation (one soffice start for a batch).
 * - No skipping: a missing soffice/pdftoppm is an error that says how to install it
 *   (`npm run test:deps`, which .ci/run runs before the tests).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

/** Registry modification forcing recalculation of OOXML (and ODF) files on load. */
const RECALC_ON_LOAD_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const INSTALL_HINT =
  "install it with `npm run test:deps` (apt-get install --no-install-recommends libreoffice-calc-nogui poppler-utils; .ci/run does this before the tests)";

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The soffice executable ($SOFFICE, or soffice/libreoffice on PATH); throws if there is none. */
function findSoffice(): string {
  const fromEnv = process.env.SOFFICE;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  const found = onPath("soffice") ?? onPath("libreoffice");
  if (!found) throw new Error(`LibreOffice (soffice) is not installed or not on PATH; ${INSTALL_HINT}`);
  return found;
}

function findPdftoppm(): string {
  const found = onPath("pdftoppm");
  if (!found) throw new Error(`pdftoppm (poppler-utils) is not installed; ${INSTALL_HINT}`);
  return found;
}

let profileDir: string | undefined;

/** A fresh profile for this process, created on first use and removed at exit. */
function profile(): string {
  if (!profileDir) {
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-lo-profile-"));
    fs.mkdirSync(path.join(profileDir, "user"), { recursive: true });
    fs.writeFileSync(path.join(profileDir, "user", "registrymodifications.xcu"), RECALC_ON_LOAD_XCU);
    process.once("exit", cleanupLibreOffice);
  }
  return profileDir;
}

/** Removes this process's LibreOffice profile (call from afterAll; also attempted at exit). */
export function cleanupLibreOffice(): void {
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
  profileDir = undefined;
}

// ---- serialisation -------------------------------------------------------------------------

const LOCK = path.join(os.tmpdir(), "ka-planner-soffice.lock");
let queue: Promise<unknown> = Promise.resolve();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function withFileLock<T>(fn: () => Promise<T>, waitMs: number): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      const fd = fs.openSync(LOCK, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number(fs.readFileSync(LOCK, { encoding: "utf8", flag: "r" }) || "0");
      if (owner && !alive(owner)) {
        fs.rmSync(LOCK, { force: true }); // stale lock of a dead process
        continue;
      }
      if (Date.now() - start > waitMs)
        throw new Error(`timed out after ${waitMs} ms waiting for ${LOCK} (held by pid ${owner})`, { cause: e });
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

/** Runs fn when no other LibreOffice conversion (in this or another jest worker) is running. */
function serialised<T>(fn: () => Promise<T>, waitMs: number): Promise<T> {
  const run = queue.then(() => withFileLock(fn, waitMs));
  queue = run.catch(() => undefined);
  return run;
}

// ---- processes -----------------------------------------------------------------------------

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(cmd: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // Own process group, so a timeout can kill soffice.bin and anything it started.
    const child = spawn(cmd, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      reject(new Error(`${path.basename(cmd)} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export interface ConvertOptions {
  /** Where converted files go (must differ from the inputs' folder for xlsx → xlsx). */
  readonly outDir: string;
  /** Limit for the soffice run (default 120 s). */
  readonly timeoutMs?: number;
}

export interface ConvertResult {
  /** Converted files, in input order. */
  readonly outputs: string[];
  readonly ms: number;
}

const FILTERS = { xlsx: "xlsx:Calc MS Excel 2007 XML", pdf: "pdf:calc_pdf_Export" } as const;

/**
 * Opens each workbook in LibreOffice (recalculating every formula) and saves it as `to`.
 * All inputs go through one soffice invocation.
 */
export async function convertWithLibreOffice(
  inputs: readonly string[],
  to: keyof typeof FILTERS,
  options: ConvertOptions,
): Promise<ConvertResult> {
  const soffice = findSoffice();
  const timeoutMs = options.timeoutMs ?? 120_000;
  fs.mkdirSync(options.outDir, { recursive: true });
  const outputs = inputs.map((f) => path.join(options.outDir, `${path.parse(f).name}.${to}`));
  for (const o of outputs) fs.rmSync(o, { force: true });
  return serialised(async () => {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile()).href}`,
      "--headless",
      "--invisible",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      "--nologo",
      "--convert-to",
      FILTERS[to],
      "--outdir",
      options.outDir,
      ...inputs.map((f) => path.resolve(f)),
    ];
    const r = await run(soffice, args, timeoutMs);
    const missing = outputs.filter((o) => !fs.existsSync(o));
    if (r.code !== 0 || missing.length > 0) {
      throw new Error(
        `soffice --convert-to ${to} failed (exit ${r.code}); missing: ${missing.join(", ") || "none"}\n${r.stdout}\n${r.stderr}`,
      );
    }
    return { outputs, ms: r.ms };
  }, timeoutMs * 2);
}

/** Renders PDF pages to images with pdftoppm; returns the image paths in page order. */
export async function pdfToImages(
  pdf: string,
  outPrefix: string,
  options: { format?: "png" | "ppm"; resolution?: number; firstPage?: number; lastPage?: number; timeoutMs?: number } = {},
): Promise<string[]> {
  const format = options.format ?? "png";
  const args = [`-r`, String(options.resolution ?? 60)];
  if (format === "png") args.push("-png");
  if (options.firstPage) args.push("-f", String(options.firstPage));
  if (options.lastPage) args.push("-l", String(options.lastPage));
  args.push(pdf, outPrefix);
  const r = await run(findPdftoppm(), args, options.timeoutMs ?? 60_000);
  if (r.code !== 0) throw new Error(`pdftoppm failed (exit ${r.code})\n${r.stderr}`);
  const dir = path.dirname(outPrefix);
  const base = path.basename(outPrefix);
  const ext = format === "png" ? ".png" : ".ppm";
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(ext))
    .sort((a, b) => Number(/-(\d+)\./.exec(a)?.[1]) - Number(/-(\d+)\./.exec(b)?.[1]))
    .map((f) => path.join(dir, f));
}

export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** RGB triplets, row by row. */
  readonly data: Buffer;
}

/** Reads a binary PPM (P6, maxval 255) as written by pdftoppm. */
export function readPpm(file: string): RgbImage {
  const buf = fs.readFileSync(file);
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0a) i++; // comment
      continue;
    }
    let tok = "";
    while (!/\s/.test(String.fromCharCode(buf[i]))) tok += String.fromCharCode(buf[i++]);
    fields.push(tok);
  }
  i++; // the single whitespace after maxval
  const [magic, w, h, max] = fields;
  if (magic !== "P6" || max !== "255") throw new Error(`${file}: not an 8-bit binary PPM`);
  return { width: Number(w), height: Number(h), data: buf.subarray(i, i + Number(w) * Number(h) * 3) };
}

/** Number of pixels within `tolerance` (per channel) of the colour "RRGGBB". */
export function countColor(img: RgbImage, rgb: string, tolerance = 40): number {
  const r = parseInt(rgb.slice(0, 2), 16);
  const g = parseInt(rgb.slice(2, 4), 16);
  const b = parseInt(rgb.slice(4, 6), 16);
  let n = 0;
  for (let p = 0; p < img.data.length; p += 3) {
    if (Math.abs(img.data[p] - r) <= tolerance && Math.abs(img.data[p + 1] - g) <= tolerance && Math.abs(img.data[p + 2] - b) <= tolerance)
      n++;
  }
  return n;
}

/**
 * The largest number of pixels of one colour in a single column and in a single row: a
 * vertical or horizontal line (even dashed or dotted) stands out from text, whose glyphs only
 * produce short runs.
 */
export function lineProfile(img: RgbImage, rgb: string, tolerance = 40): { maxColumn: number; maxRow: number } {
  const r = parseInt(rgb.slice(0, 2), 16);
  const g = parseInt(rgb.slice(2, 4), 16);
  const b = parseInt(rgb.slice(4, 6), 16);
  const cols = new Array<number>(img.width).fill(0);
  const rows = new Array<number>(img.height).fill(0);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const p = (y * img.width + x) * 3;
      if (
        Math.abs(img.data[p] - r) <= tolerance &&
        Math.abs(img.data[p + 1] - g) <= tolerance &&
        Math.abs(img.data[p + 2] - b) <= tolerance
      ) {
        cols[x]++;
        rows[y]++;
      }
    }
  }
  return { maxColumn: Math.max(0, ...cols), maxRow: Math.max(0, ...rows) };
}
