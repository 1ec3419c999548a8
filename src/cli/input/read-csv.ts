/**
 * CSV and text exports, streamed: the file is read in chunks, decoded, parsed by csv-parse and
 * appended to the columns; only the columns are kept.
 *
 * Encodings: UTF-8 with or without BOM; UTF-16LE/BE with BOM (Excel's "Unicode text"); and,
 * when the bytes are not valid UTF-8, GB18030 (a superset of GBK/GB2312: what Excel writes for
 * Chinese users when saving "CSV") or Windows-1252 (the same for Western European users), told
 * apart by legacy-encoding.ts. UTF-8 is validated as the file streams; at the first invalid
 * byte the file is read again from the start in the legacy encoding.
 * Delimiter: sniffed among comma, semicolon and tab from the first lines (quote-aware), unless
 * the file starts with Excel's "sep=;" line.
 */
import * as fs from "fs";
import { parse, Parser } from "csv-parse";
import * as iconv from "iconv-lite";
import { CliError } from "../errors";
import { legacyEncodingOfFile } from "./legacy-encoding";
import { TableBuilder, TableParts } from "./table";
import { valueText } from "../value-text";

export interface CsvParts extends TableParts {
  encoding: string;
  delimiter: string;
}

const CHUNK = 1 << 16;
const SNIFF_BYTES = 1 << 16;
const SNIFF_LINES = 30;
const DELIMITERS = [",", "\t", ";"] as const;

class InvalidUtf8 extends Error {}

interface Decoder {
  write(b: Buffer): string;
  end(): string;
}

function utf8Decoder(): Decoder {
  const d = new TextDecoder("utf-8", { fatal: true });
  return {
    write: (b) => {
      try {
        return d.decode(b, { stream: true });
      } catch {
        throw new InvalidUtf8();
      }
    },
    end: () => {
      try {
        return d.decode();
      } catch {
        throw new InvalidUtf8();
      }
    },
  };
}

function iconvDecoder(encoding: string): Decoder {
  const d = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (b) => d.write(b), end: () => d.end() ?? "" };
}

/** Encoding from the first bytes: a BOM, or NUL bytes of BOM-less UTF-16; null: try UTF-8. */
function sniffEncoding(head: Buffer, file: string): { encoding: string; bomLength: number } | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new CliError("cli.error.zipNotCsv", { file });
  }
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new CliError("cli.error.xlsNotCsv", { file });
  }
  const n = Math.min(head.length, 4096);
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) nulEven++;
    else nulOdd++;
  }
  if (nulEven + nulOdd === 0) return null;
  const half = n / 2;
  if (nulOdd > half * 0.3 && nulEven === 0) return { encoding: "utf-16le", bomLength: 0 };
  if (nulEven > half * 0.3 && nulOdd === 0) return { encoding: "utf-16be", bomLength: 0 };
  throw new CliError("cli.error.binary", { file });
}

/** The delimiter whose per-line count is most consistent over the first lines (quote-aware). */
export function sniffDelimiter(text: string): string {
  const counts: Record<string, number[]> = { ",": [], "\t": [], ";": [] };
  const cur: Record<string, number> = { ",": 0, "\t": 0, ";": 0 };
  let inQuotes = false;
  let lines = 0;
  let lineHasContent = false;
  const endLine = () => {
    if (lineHasContent) {
      for (const d of DELIMITERS) counts[d].push(cur[d]);
      lines++;
    }
    for (const d of DELIMITERS) cur[d] = 0;
    lineHasContent = false;
  };
  for (let i = 0; i < text.length && lines < SNIFF_LINES; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endLine();
      continue;
    } else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) cur[ch]++;
    if (ch !== " ") lineHasContent = true;
  }
  let best = ",";
  let bestScore = -1;
  let bestMode = 0;
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const c of counts[d]) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let score = 0;
    for (const [c, f] of freq) if (f > score || (f === score && c > mode)) [mode, score] = [c, f];
    if (score > bestScore || (score === bestScore && mode > bestMode)) {
      best = d;
      bestScore = score;
      bestMode = mode;
    }
  }
  return bestScore > 0 ? best : ",";
}

export async function readCsv(path: string, file: string): Promise<CsvParts> {
  try {
    return await readWith(path, file, null);
  } catch (e) {
    if (e instanceof InvalidUtf8) return readWith(path, file, await legacyEncodingOfFile(path));
    throw e;
  }
}

async function readWith(path: string, file: string, forced: string | null): Promise<CsvParts> {
  const stream = fs.createReadStream(path, { highWaterMark: CHUNK });
  const builder = new TableBuilder();
  let decoder: Decoder | null = null;
  let encoding = forced ?? "utf-8";
  let parser: Parser | null = null;
  let delimiter = ",";
  let sniffText = "";
  let lineBase = 0; // lines before the parsed text (Excel's "sep=" line)
  let prevEnd = 0; // physical line where the previous record ended
  let parseError: unknown = null;
  let done: Promise<void> = Promise.resolve();

  const startParser = (text: string) => {
    const sep = /^sep=(.)[ \t]*(\r\n|\n|\r)/i.exec(text);
    if (sep) {
      delimiter = sep[1];
      text = text.slice(sep[0].length);
      lineBase = 1;
    } else delimiter = sniffDelimiter(text);
    prevEnd = lineBase;
    const p = parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: false,
    });
    p.on("data", (record: string[]) => {
      const startLine = prevEnd + 1;
      // Lines the record spans: one, plus the line breaks inside its quoted fields (counted
      // here: csv-parse's info.lines counts a quoted CRLF as two lines).
      prevEnd = startLine + lineBreaksIn(record);
      const cells = record.length === 1 && record[0] === "" ? [] : record;
      builder.addRow(cells, startLine);
    });
    done = new Promise<void>((resolve) => {
      p.on("end", () => resolve());
      p.on("error", (err) => {
        parseError = err;
        resolve();
      });
    });
    parser = p;
    if (text) p.write(text);
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let buf = chunk;
      if (!decoder) {
        if (!forced) {
          const sniffed = sniffEncoding(buf, file);
          if (sniffed) {
            encoding = sniffed.encoding;
            buf = buf.subarray(sniffed.bomLength);
          }
        } else if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
          buf = buf.subarray(3);
        }
        decoder = encoding === "utf-8" ? utf8Decoder() : iconvDecoder(encoding);
      }
      const text = decoder.write(buf);
      if (parseError) break;
      if (parser) {
        if (text) (parser as Parser).write(text);
      } else {
        sniffText += text;
        if (sniffText.length >= SNIFF_BYTES || countLines(sniffText) > SNIFF_LINES) {
          startParser(sniffText);
          sniffText = "";
        }
      }
    }
  } finally {
    stream.destroy();
  }
  if (!decoder) throw new CliError("cli.error.emptyFile", { file });
  const tail = decoder.end();
  if (!parser) startParser(sniffText + tail);
  else if (tail) (parser as Parser).write(tail);
  (parser as unknown as Parser).end();
  await done;
  if (parseError) {
    const detail = parseError instanceof Error ? parseError.message : valueText(parseError);
    throw new CliError("cli.error.csvParse", { file, line: prevEnd + 1, detail });
  }
  const parts = builder.finish();
  if (!parts) throw new CliError("cli.error.emptyFile", { file });
  return { ...parts, encoding, delimiter };
}

function lineBreaksIn(record: string[]): number {
  let n = 0;
  for (const f of record) {
    if (!f.includes("\n") && !f.includes("\r")) continue;
    const m = f.match(/\r\n|\r|\n/g);
    if (m) n += m.length;
  }
  return n;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
