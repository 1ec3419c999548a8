/**
 * `npm run demo`: generates the sample into out/ (deterministic), reads the written .xlsx back
 * through the same code as `ka-planner pareto / tiers / concentration`, and prints the 80/20
 * table, the tier counts and the concentration figures, in English and then in Chinese; then
 * writes the generated worksheets of each language's sample through the same code as
 * `ka-planner build` (out/ka-planner-demo.en.xlsx and .zh.xlsx: contribution sheet, portfolio
 * matrix, a plan sheet per first-tier account, the risk register).
 *
 * Writing and reading a 30,000-line workbook costs ExcelJS a second or two each way, so the
 * Chinese half runs in a worker thread while the English half runs here (compiled build only;
 * under ts-jest both run in turn).
 */
import * as nodePath from "path";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import { concentrationOf } from "../engine/concentration";
import { SCHEMES, tierSpecOf } from "../engine/tiers";
import { SAMPLE_DEFAULTS } from "../sample";
import { Locale, text } from "../strings";
import { runConcentration } from "./commands/concentration";
import { BuildResult, runBuild } from "./commands/build";
import { analyseTable } from "./commands/common";
import { runPareto } from "./commands/pareto";
import { writeSamples } from "./commands/sample";
import { runTiers } from "./commands/tiers";
import { describeError } from "./errors";
import { resolvedOf, tableProposal } from "./input/proposal";
import { notDetected } from "./input/sales";
import { readTable } from "./input/read-table";
import { bufferIo, Io, processIo } from "./io";
import { formatInteger } from "./output/format";
import { terminalText } from "./output/terminal";

export interface DemoOptions {
  readonly outDir?: string;
  readonly io?: Io;
  /** Smaller samples for tests. */
  readonly customers?: number;
  readonly lines?: number;
  /** Run the Chinese half in a worker thread (default: when running compiled JavaScript). */
  readonly parallel?: boolean;
  /** How the demo workbooks are written (the LibreOffice test: without cached results, a fixed date). */
  readonly workbook?: DemoWorkbookOptions;
}

export interface DemoWorkbookOptions {
  /** Cache the engine's values as formula results (default true). */
  readonly cacheFormulaResults?: boolean;
  /** Generation date shown on the sheets (default today). */
  readonly today?: string;
}

interface SectionRequest {
  locale: Locale;
  dir: string;
  customers: number;
  lines: number;
  workbook?: DemoWorkbookOptions;
}

interface Section {
  text: string;
  /** The sample files written. */
  files: string[];
  /** The demo workbook written. */
  workbook: string;
  /** The build of the demo workbook (sections run in this thread only). */
  build?: BuildResult;
}

/** The demo workbook of a language: out/ka-planner-demo.<lang>.xlsx. */
export const demoWorkbookName = (locale: Locale): string => `ka-planner-demo.${locale}.xlsx`;

const TOP = 15;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One language: write its sample, read the .xlsx back, print the three results. */
export async function demoSection(req: SectionRequest): Promise<Section> {
  const { locale: loc, dir, customers, lines } = req;
  const seed = SAMPLE_DEFAULTS.seed;
  // out/ is the demo's own folder and the README runs it again and again: like its workbook
  // (build --force below), the sample files of the previous run are replaced.
  const [w] = await writeSamples({ out: dir, locale: loc, seed, customers, lines, quiet: true, messy: false, force: true }, bufferIo());
  const io = bufferIo();
  const say = (s = "") => io.stdout.write(`${s}\n`);
  const rel = nodePath.relative(process.cwd(), w.xlsx) || w.xlsx;
  const table = await readTable(rel);

  say(`=== ${text(loc, "cli.demo.title", { file: rel })} ===`);
  say(text(loc, "cli.demo.sample", { customers: formatInteger(customers), lines: formatInteger(lines), seed }));
  const notes = bufferIo();
  const options = { locale: loc, format: "table" };
  const thresholds = (SCHEMES.ABC.thresholds ?? []).map(pct).join(" / ");
  const out = bufferIo();
  const section = (title: string, run: () => void) => {
    out.stdout.write(`\n${title}\n`);
    run();
  };
  section(text(loc, "cli.demo.pareto", { top: TOP, command: `ka-planner pareto ${rel} --top ${TOP} --locale ${loc}` }), () =>
    runPareto(table, { ...options, top: TOP }, { stdout: out.stdout, stderr: notes.stderr }),
  );
  section(text(loc, "cli.demo.tiers", { thresholds, command: `ka-planner tiers ${rel} --summary --locale ${loc}` }), () =>
    runTiers(table, { ...options, summary: true }, { stdout: out.stdout, stderr: bufferIo().stderr }),
  );
  section(text(loc, "cli.demo.concentration", { command: `ka-planner concentration ${rel} --locale ${loc}` }), () =>
    runConcentration(table, options, { stdout: out.stdout, stderr: bufferIo().stderr }),
  );
  // The columns found by header (printed once), then the results.
  io.stdout.write(notes.err());
  io.stdout.write(out.out());
  // The same table by profit: how many customers lose money.
  const profit = resolvedOf(table, tableProposal(table), "profit");
  if (!profit) throw notDetected(table, "--value");
  const { analysis } = analyseTable(
    table,
    { locale: loc, value: String(profit.index + 1) },
    tierSpecOf(null, null, null, loc),
    loc,
    bufferIo(),
  );
  const f = concentrationOf(analysis);
  say();
  say(
    text(loc, "cli.demo.lossMaking", {
      count: f.lossCount,
      pct: `${((f.customers ? f.lossCount / f.customers : 0) * 100).toFixed(1)}%`,
      command: `ka-planner tiers ${rel} --value ${profit.header} --locale ${loc}`,
    }),
  );
  say();

  // The generated worksheets, exactly as `ka-planner build <sample> --out <workbook> --force` writes them.
  const book = nodePath.relative(process.cwd(), nodePath.join(dir, demoWorkbookName(loc))) || demoWorkbookName(loc);
  say(text(loc, "cli.demo.workbook", { file: book, command: `ka-planner build ${rel} --out ${book} --locale ${loc} --force` }));
  const buildIo = bufferIo();
  const build = await runBuild(
    table,
    { out: book, locale: loc, force: true },
    { stdout: buildIo.stdout, stderr: bufferIo().stderr },
    {
      cacheFormulaResults: req.workbook?.cacheFormulaResults,
      today: req.workbook?.today,
      progress: false,
    },
  );
  io.stdout.write(buildIo.out());
  say();
  return { text: io.out(), files: [w.xlsx, w.csv].filter((p): p is string => Boolean(p)), workbook: build.file, build };
}

function inWorker(req: SectionRequest): Promise<Section> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { kaPlannerDemo: req } });
    worker.once("message", (m: { ok?: Section; error?: string }) => (m.ok ? resolve(m.ok) : reject(new Error(m.error))));
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`demo worker exited with code ${code}`)));
  });
}

export async function runDemo(
  options: DemoOptions = {},
): Promise<{ seconds: number; files: string[]; workbooks: string[]; builds: BuildResult[] }> {
  const io = options.io ?? processIo;
  const started = Date.now();
  const dir = options.outDir ?? nodePath.resolve(__dirname, "..", "..", "out");
  const base = {
    dir,
    customers: options.customers ?? SAMPLE_DEFAULTS.customers,
    lines: options.lines ?? SAMPLE_DEFAULTS.lines,
    workbook: options.workbook,
  };
  const parallel = options.parallel ?? __filename.endsWith(".js");
  const zhPending = parallel ? inWorker({ ...base, locale: "zh" }) : null;
  // Keep a rejected worker from surfacing as unhandled while the English half runs.
  zhPending?.catch(() => undefined);
  const en = await demoSection({ ...base, locale: "en" });
  io.stdout.write(en.text);
  const zh = zhPending ? await zhPending : await demoSection({ ...base, locale: "zh" });
  io.stdout.write(zh.text);
  const files = [...en.files, ...zh.files];
  const seconds = (Date.now() - started) / 1000;
  io.stdout.write(`${text("en", "cli.demo.files", { dir })}\n`);
  const workbooks = [en.workbook, zh.workbook];
  for (const p of [...files, ...workbooks]) io.stdout.write(`  ${nodePath.basename(p)}\n`);
  io.stdout.write(`${text("en", "cli.demo.done", { seconds: seconds.toFixed(1) })}\n`);
  const builds = [en.build, zh.build].filter((b): b is BuildResult => b !== undefined);
  return { seconds, files, workbooks, builds };
}

if (!isMainThread && parentPort && workerData && (workerData as { kaPlannerDemo?: SectionRequest }).kaPlannerDemo) {
  // A worker thread always has its parent's port.
  const port = parentPort;
  demoSection((workerData as { kaPlannerDemo: SectionRequest }).kaPlannerDemo).then(
    (ok) => port.postMessage({ ok: { text: ok.text, files: ok.files, workbook: ok.workbook } }),
    (e: unknown) => port.postMessage({ error: describeError(e, "en").message }),
  );
} else if (require.main === module) {
  // `node dist-cli/cli/demo.js [outDir]` (default: out/ at the package root).
  runDemo({ outDir: process.argv[2] }).catch((e: unknown) => {
    const { message, exitCode } = describeError(e, "en");
    process.stderr.write(terminalText(`ka-planner demo: ${message}\n`));
    if (exitCode === 1 && e instanceof Error && e.stack) process.stderr.write(terminalText(`${e.stack}\n`));
    process.exitCode = exitCode;
  });
}
