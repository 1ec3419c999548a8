/**
 * Bounds on what an .xlsx may make the reader inflate and keep: a workbook is a zip archive, and
 * a 1 KB archive can inflate to gigabytes (a zip bomb) or list millions of shared strings. Each
 * zip entry is counted as it inflates, against the size its header declares, a compression
 * ratio and a total; the shared strings against a count and a total length. Past a bound the
 * read stops with a message naming the entry and the bound (exit code 2).
 *
 * The ratio bound is Apache POI's (100:1 once an entry passes 1 MiB): real sheets compress
 * 5–30:1, while a bomb needs ratios near deflate's maximum of about 1,000:1.
 */
import { Duplex, Readable } from "stream";
import { CliError } from "../errors";

export interface XlsxBounds {
  /** Bytes all entries may inflate to, together (also bounds the reader's temporary files). */
  readonly totalBytes: number;
  /** Inflated bytes per compressed byte, checked once an entry is past `ratioGraceBytes`. */
  readonly ratio: number;
  readonly ratioGraceBytes: number;
  /** Shared strings: how many, and their characters together. */
  readonly sharedStrings: number;
  readonly sharedStringChars: number;
}

export const XLSX_BOUNDS: XlsxBounds = {
  totalBytes: 2 * 1024 ** 3,
  ratio: 100,
  ratioGraceBytes: 1024 ** 2,
  sharedStrings: 16 * 1024 ** 2,
  sharedStringChars: 256 * 1024 ** 2,
};

/** What unzipper 0.10 hands over for each entry (a PassThrough the inflater writes into). */
interface ZipEntry extends Duplex {
  path: string;
  vars?: { flags: number; compressedSize: number; uncompressedSize: number };
}

const MiB = (n: number): string => `${Math.round((n / 1024 ** 2) * 10) / 10} MB`;

/**
 * Counts the inflated bytes of every entry the zip parser emits. On the first bound passed it
 * records the error, stops the file stream and fails every stream ExcelJS may be waiting on
 * (the entry, the temporary file it is piped into, the parser), so that the read ends with that
 * error instead of waiting for entries that will never come.
 */
export class ZipGuard {
  private total = 0;
  private failure: CliError | null = null;
  private rejectFailed: (e: CliError) => void = () => undefined;
  /** Rejects with the first bound passed (never resolves otherwise). */
  readonly failed: Promise<never>;

  constructor(
    private readonly file: string,
    private readonly fileSize: number,
    private readonly bounds: XlsxBounds,
    private readonly source: Readable,
  ) {
    this.failed = new Promise<never>((_, reject) => (this.rejectFailed = reject));
    this.failed.catch(() => undefined); // a read that is not racing it leaves it unhandled
  }

  /** The bound passed, if any: reported instead of whatever error the stopped streams caused. */
  get error(): CliError | null {
    return this.failure;
  }

  /** Hooks the parser's output (entries pushed as objects) before ExcelJS reads it. */
  watch(parser: Readable): void {
    parser.on("error", () => undefined); // reported through the reader's own listener
    const push = parser.push.bind(parser);
    parser.push = ((chunk: unknown, encoding?: BufferEncoding): boolean => {
      if (chunk && typeof chunk === "object" && "path" in chunk) this.watchEntry(chunk as ZipEntry, parser);
      return push(chunk, encoding);
    }) as typeof parser.push;
  }

  private watchEntry(entry: ZipEntry, parser: Readable): void {
    entry.on("error", () => undefined); // a stopped entry's error reaches its reader, or no one
    const vars = entry.vars;
    // Sizes in the local header, unless they follow the data (flag bit 3).
    const declared = vars && !(vars.flags & 0x08) ? vars.uncompressedSize : null;
    const compressed = vars && vars.compressedSize > 0 ? vars.compressedSize : this.fileSize;
    const targets: NodeJS.WritableStream[] = [];
    const pipe = entry.pipe.bind(entry);
    entry.pipe = <T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T => {
      targets.push(dest);
      const failure = this.failure;
      if (failure) process.nextTick(() => (dest as unknown as Readable).destroy?.(failure));
      return pipe(dest, options);
    };
    const stop = (key: string, args: Record<string, string | number>): boolean => {
      this.fail(new CliError(key, { file: this.file, entry: entry.path, ...args }), entry, targets, parser);
      return false;
    };
    if (declared !== null && declared > this.bounds.totalBytes)
      stop("cli.error.xlsxTooLarge", { size: MiB(declared), max: MiB(this.bounds.totalBytes) });
    let inflated = 0;
    const write = entry.write.bind(entry);
    entry.write = ((chunk: Buffer | string, ...rest: unknown[]): boolean => {
      if (this.failure) return false;
      const n = typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      inflated += n;
      this.total += n;
      if (declared !== null && inflated > declared) return stop("cli.error.xlsxSizeLie", { size: declared });
      if (inflated > this.bounds.ratioGraceBytes && inflated > this.bounds.ratio * compressed) {
        return stop("cli.error.xlsxRatio", { ratio: this.bounds.ratio, compressed });
      }
      if (this.total > this.bounds.totalBytes)
        return stop("cli.error.xlsxTooLarge", { size: MiB(this.total), max: MiB(this.bounds.totalBytes) });
      return (write as (c: Buffer | string, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof entry.write;
  }

  private fail(error: CliError, entry: ZipEntry, targets: NodeJS.WritableStream[], parser: Readable): void {
    if (this.failure) return;
    this.failure = error;
    this.rejectFailed(error);
    this.source.unpipe();
    this.source.destroy();
    for (const t of targets) (t as unknown as Readable).destroy?.(error);
    entry.destroy(error);
    parser.emit("error", error);
  }

  /**
   * Shared strings kept by ExcelJS's reader (it assigns `sharedStrings = []` and pushes each
   * string): each push is counted, and past a bound the push throws, ending the read.
   */
  watchSharedStrings(reader: object): void {
    let kept: unknown[] | undefined;
    let chars = 0;
    const { file, bounds } = this;
    Object.defineProperty(reader, "sharedStrings", {
      configurable: true,
      get: () => kept,
      set: (strings: unknown[]) => {
        kept = strings;
        chars = 0;
        strings.push = (...items: unknown[]): number => {
          for (const s of items) chars += textLength(s);
          const count = strings.length + items.length;
          if (count > bounds.sharedStrings) throw new CliError("cli.error.xlsxSharedStrings", { file, count: bounds.sharedStrings });
          if (chars > bounds.sharedStringChars)
            throw new CliError("cli.error.xlsxSharedStringChars", { file, chars: bounds.sharedStringChars });
          return Array.prototype.push.apply(strings, items);
        };
      },
    });
  }
}

/** Characters of a shared string: plain text, or rich text's runs. */
function textLength(s: unknown): number {
  if (typeof s === "string") return s.length;
  const runs = (s as { richText?: { text?: unknown }[] } | null)?.richText;
  if (!Array.isArray(runs)) return 0;
  let n = 0;
  for (const r of runs) if (typeof r.text === "string") n += r.text.length;
  return n;
}
