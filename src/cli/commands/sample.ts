/**
 * `ka-planner sample --out DIR [--locale en|zh|both] [--seed N]`: writes the deterministic
 * sample sales table per language: sample-sales.<lang>.xlsx and .csv (clean), and
 * sample-sales-messy.<lang>.xlsx and .csv (numbers stored as text, a line without customer,
 * extra spelling variants).
 */
import * as fs from "fs";
import * as nodePath from "path";
import { generateSalesSample, SAMPLE_DEFAULTS, SampleLocale } from "../../sample";
import { text } from "../../strings";
import { CliError } from "../errors";
import { Io } from "../io";
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
}

export interface WrittenSample {
  locale: SampleLocale;
  xlsx: string;
  csv?: string;
  messyXlsx?: string;
  messyCsv?: string;
}

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

export async function writeSamples(options: SampleCommandOptions, io: Io): Promise<WrittenSample[]> {
  if (!options.out) throw new CliError("cli.error.outRequired", {});
  const locales = localesOf(options.locale);
  const seed = wholeNumber(options.seed, "--seed", SAMPLE_DEFAULTS.seed, 0, 4294967295);
  const customers = wholeNumber(options.customers, "--customers", SAMPLE_DEFAULTS.customers, 5, 100000);
  const lines = wholeNumber(options.lines, "--lines", SAMPLE_DEFAULTS.lines, 1, 2000000);
  const dir = nodePath.resolve(options.out);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError("cli.error.outDir", { dir: options.out, detail: (e as Error).message });
  }
  const written: WrittenSample[] = [];
  for (const locale of locales) {
    const base = { seed, customers, lines, locale };
    const rows = generateSalesSample(base);
    const file = (name: string) => nodePath.join(dir, name);
    const w: WrittenSample = { locale, xlsx: file(`sample-sales.${locale}.xlsx`) };
    await writeSampleXlsx(w.xlsx, rows, locale);
    w.csv = file(`sample-sales.${locale}.csv`);
    await writeSampleCsv(w.csv, rows, locale);
    if (options.messy !== false) {
      const messy = generateSalesSample({ ...base, messy: true });
      w.messyXlsx = file(`sample-sales-messy.${locale}.xlsx`);
      w.messyCsv = file(`sample-sales-messy.${locale}.csv`);
      await writeSampleXlsx(w.messyXlsx, messy, locale);
      await writeSampleCsv(w.messyCsv, messy, locale);
    }
    written.push(w);
  }
  if (!options.quiet) {
    const loc = locales.length === 1 ? locales[0] : "en";
    io.stdout.write(`${text(loc, "cli.sample.written", { seed, customers, lines })}\n`);
    for (const w of written) for (const p of [w.xlsx, w.csv, w.messyXlsx, w.messyCsv]) if (p) io.stdout.write(`  ${terminalText(p)}\n`);
  }
  return written;
}

export function sampleCommand(options: SampleCommandOptions, io: Io): Promise<number> {
  const loc = options.locale && !/^(both|all)$/i.test(options.locale.trim()) ? options.locale : undefined;
  return guarded(loc, io, async () => {
    await writeSamples(options, io);
  });
}
