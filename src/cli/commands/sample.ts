/**
 * `ka-planner sample --out DIR [--locale en|zh|both] [--seed N]`: writes the deterministic
 * sample sales table per language: sample-sales.<lang>.xlsx and .csv (clean), and
 * sample-sales-messy.<lang>.xlsx and .csv (numbers stored as text, a line without customer,
 * extra spelling variants). An existing file is never replaced without --force (checked for
 * every file before the first is written); each file is written atomically.
 */
import * as fs from "fs";
import * as nodePath from "path";
import { generateSalesSample, SAMPLE_DEFAULTS, SampleLocale } from "../../sample";
import { text } from "../../strings";
import { CliError } from "../errors";
import { Io } from "../io";
import { checkTarget, writeAtomicWith } from "../output/atomic-file";
import { writeSampleCsv, writeSampleXlsx } from "../output/sample-writer";
import { terminalText } from "../output/terminal";
import { guarded, localeOption } from "./common";

export interface SampleCommandOptions {
  out?: string;
  locale?: string;
  seed?: string | number;
  customers?: string | number;
  lines?: string | number;
  /** Also write the messy variant (default true; the demo skips it to stay fast). */
  messy?: boolean;
  /** Print the written paths (default true). */
  quiet?: boolean;
  /** Replace existing files (each atomically; a link at a target is replaced, not followed). */
  force?: boolean;
}

export interface WrittenSample {
  locale: SampleLocale;
  xlsx: string;
  csv: string;
  messyXlsx?: string;
  messyCsv?: string;
}

const EXISTS = "cli.sample.error.exists";

function localesOf(v: string | undefined): SampleLocale[] {
  if (v === undefined || v.trim().toLowerCase() === "both" || v.trim().toLowerCase() === "all") return ["en", "zh"];
  return [localeOption(v)];
}

function wholeNumber(v: string | number | undefined, option: string, fallback: number, min: number, max: number): number {
  if (v === undefined) return fallback;
  const s = String(v).trim();
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < min || n > max) throw new CliError("cli.error.wholeNumber", { option, value: String(v), min, max });
  return n;
}

/** The files of one language, in writing order. */
function targetsOf(dir: string, locale: SampleLocale, messy: boolean): WrittenSample {
  const file = (name: string) => nodePath.join(dir, name);
  const w: WrittenSample = { locale, xlsx: file(`sample-sales.${locale}.xlsx`), csv: file(`sample-sales.${locale}.csv`) };
  if (messy) {
    w.messyXlsx = file(`sample-sales-messy.${locale}.xlsx`);
    w.messyCsv = file(`sample-sales-messy.${locale}.csv`);
  }
  return w;
}

export async function writeSamples(options: SampleCommandOptions, io: Io): Promise<WrittenSample[]> {
  if (!options.out) throw new CliError("cli.error.outRequired", {});
  const locales = localesOf(options.locale);
  const seed = wholeNumber(options.seed, "--seed", SAMPLE_DEFAULTS.seed, 0, 4294967295);
  const customers = wholeNumber(options.customers, "--customers", SAMPLE_DEFAULTS.customers, 5, 100000);
  const lines = wholeNumber(options.lines, "--lines", SAMPLE_DEFAULTS.lines, 1, 2000000);
  const force = options.force === true;
  const dir = nodePath.resolve(options.out);
  const targets = locales.map((locale) => targetsOf(dir, locale, options.messy !== false));
  // Every target is checked before anything is written: an existing file (or link) without
  // --force stops the command with nothing written.
  for (const w of targets) for (const p of [w.xlsx, w.csv, w.messyXlsx, w.messyCsv]) if (p) checkTarget(p, p, force, EXISTS);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError("cli.error.outDir", { dir: options.out, detail: (e as Error).message });
  }
  const write = (target: string, writer: (temp: string) => Promise<void>) => writeAtomicWith(target, writer, { force, display: target });
  for (const w of targets) {
    const base = { seed, customers, lines, locale: w.locale };
    const rows = generateSalesSample(base);
    await write(w.xlsx, (temp) => writeSampleXlsx(temp, rows, w.locale));
    await write(w.csv, (temp) => writeSampleCsv(temp, rows, w.locale));
    if (w.messyXlsx && w.messyCsv) {
      const messy = generateSalesSample({ ...base, messy: true });
      await write(w.messyXlsx, (temp) => writeSampleXlsx(temp, messy, w.locale));
      await write(w.messyCsv, (temp) => writeSampleCsv(temp, messy, w.locale));
    }
  }
  if (!options.quiet) {
    const loc = locales.length === 1 ? locales[0] : "en";
    io.stdout.write(`${text(loc, "cli.sample.written", { seed, customers, lines })}\n`);
    for (const w of targets) for (const p of [w.xlsx, w.csv, w.messyXlsx, w.messyCsv]) if (p) io.stdout.write(`  ${terminalText(p)}\n`);
  }
  return targets;
}

export function sampleCommand(options: SampleCommandOptions, io: Io): Promise<number> {
  const loc = options.locale && !/^(both|all)$/i.test(options.locale.trim()) ? options.locale : undefined;
  return guarded(loc, io, async () => {
    await writeSamples(options, io);
  });
}
