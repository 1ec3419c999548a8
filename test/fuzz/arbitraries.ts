/**
 * Generators of what Excel (and the command line's file readers) can hand a KA function:
 * cells of every kind and ranges of every shape. Kept small (a handful of cells) so that
 * 10,000 runs per property stay fast; test/fuzz/large.test.ts covers big ranges.
 */
import fc from "fast-check";

// ---------------------------------------------------------------------------------------------
// Numbers

/** Numbers Excel or a buggy host may deliver, with the awkward ones spelled out. */
const SPECIAL_NUMBERS: readonly number[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1,
  -1,
  0.1,
  0.7,
  0.2 + 0.1,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  9.99999999999999e307,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  Number.EPSILON,
  1e-12,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 31),
  1e15,
  123456789.123,
];

const anyNumber: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(...SPECIAL_NUMBERS), weight: 3 },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: fc.integer({ min: -1000, max: 1000 }), weight: 3 },
  { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 2 },
);

// ---------------------------------------------------------------------------------------------
// Numbers stored as text (src/engine/input/numbers.ts; README "Numbers stored as text")

export interface NumericText {
  readonly text: string;
  /** What the text means: the decimal read as a double, ÷100 for a percent, sign applied. */
  readonly value: number;
}

const toFullWidth = (s: string) => s.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** A number written in one of the accepted text forms, with the number it means. */
export const numericText: fc.Arbitrary<NumericText> = fc
  .record({
    int: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 2_000_000_000 }), fc.constant(0)),
    frac: fc.oneof(
      fc.constant(""),
      fc.constant("."),
      fc.integer({ min: 0, max: 99 }).map((f) => "." + String(f).padStart(2, "0")),
      fc.constantFrom(".5", ".125", ".1"),
    ),
    leadingDot: fc.boolean(),
    grouped: fc.boolean(),
    exponent: fc.option(fc.integer({ min: -3, max: 3 }), { freq: 6 }),
    negative: fc.boolean(),
    signStyle: fc.constantFrom("minus", "paren", "trailing", "unicodeMinus", "afterCurrency"),
    plus: fc.boolean(),
    currency: fc.constantFrom("", "", "", "¥", "$", "€", "£", "￥", "元"),
    currencySpace: fc.constantFrom("", " "),
    percent: fc.boolean(),
    fullWidth: fc.boolean(),
    pad: fc.constantFrom("", " ", "  ", "\u00a0", "\u3000", "\t"),
  })
  .map((r) => {
    let digits = String(r.int);
    let body = r.grouped && !r.exponent ? group(digits) : digits;
    let frac = r.frac;
    if (r.leadingDot && r.int === 0 && frac.length > 1) {
      body = "";
      digits = "";
    }
    if (body === "" && frac === ".") frac = ".5";
    const exp = r.exponent === null ? "" : `e${r.exponent}`;
    let value = Number(`${digits || "0"}${frac === "." ? "" : frac}${exp}`);
    const pct = r.percent && !exp ? "%" : "";
    if (pct) value /= 100;
    const cur = r.currency;
    const suffixCurrency = cur === "元";
    let core = `${body}${frac}${exp}${pct}`;
    let signed: string;
    if (r.negative) {
      switch (r.signStyle) {
        case "paren":
          signed = suffixCurrency ? `(${core}${cur})` : `(${cur}${r.currencySpace}${core})`;
          break;
        case "trailing":
          signed = suffixCurrency ? `${core}${cur}-` : `${cur}${r.currencySpace}${core}-`;
          break;
        case "unicodeMinus":
          signed = suffixCurrency ? `\u2212${core}${cur}` : `\u2212${cur}${r.currencySpace}${core}`;
          break;
        case "afterCurrency":
          signed = suffixCurrency ? `-${core}${cur}` : `${cur}${r.currencySpace}-${core}`;
          break;
        default:
          signed = suffixCurrency ? `-${core}${cur}` : `-${cur}${r.currencySpace}${core}`;
      }
      value = -value;
    } else {
      core = suffixCurrency ? `${core}${cur}` : `${cur}${r.currencySpace}${core}`;
      signed = r.plus ? `+${core}` : core;
    }
    let text = r.fullWidth ? toFullWidth(signed) : signed;
    text = `${r.pad}${text}${r.pad}`;
    return { text, value: value === 0 ? 0 : value };
  });

/** Texts that look like numbers but are not one of the accepted forms. */
const NEAR_MISSES: readonly string[] = [
  "abc",
  "12abc",
  "1,23",
  "1,2345",
  "1.234,56",
  "1234,5",
  "--12",
  "(-12)",
  "(12",
  "12)",
  "$12€",
  "-12-",
  "+-12",
  "1 2",
  "1 234",
  "0x10",
  "0b101",
  "Infinity",
  "-Infinity",
  "NaN",
  "1e400",
  "-1e400",
  "1e",
  "e5",
  ".",
  "-",
  "+",
  "()",
  "%",
  "12%%",
  "%12",
  "1.2.3",
  "12..5",
  "١٢٣",
  "१२३",
  "1_000",
  "1'000",
  "$-",
  "¥",
  "元",
  "12元元",
  "(12)-",
  "((12))",
  "12e+",
  "1/2",
  "½",
  "²",
  "TRUE",
  "12ｅ",
  "１２.3.4",
  "12 %%",
  "€-",
  "0,5",
  ",5",
  "1,",
];

const nearMissFromValid: fc.Arbitrary<string> = fc
  .tuple(numericText, fc.constantFrom("x", "..", "%%", ",,", "e", "¥¥"))
  .map(([n, junk]) => `${n.text.trim()}${junk}`);

const nearMiss: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...NEAR_MISSES), nearMissFromValid);

// ---------------------------------------------------------------------------------------------
// Text, blanks, errors, booleans

const UNICODE_SAMPLES: readonly string[] = [
  "ＡＢＣ商事",
  "１２３ａ",
  "שלום",
  "مرحبا",
  "\u202eevil\u202c",
  "华东精密机械有限公司",
  "👍",
  "👨‍👩‍👧‍👦",
  "🇨🇳",
  "\ud800",
  "\udfff",
  "x\ud83dy",
  "\u200b",
  "\ufeff",
  "\u0000",
  "a\r\nb",
  "=1+1",
  "@SUM(A1)",
  "+cmd",
  "-x",
  "\t",
  "Ⅻ",
  "ß",
  "İ",
  "ǅ",
  "e\u0301",
  "{arg}",
  "$&",
  "a".repeat(300),
  "#N/A ",
  "#n/a",
  "#VALUE",
  "#",
  "# N/A",
];

const unicodeText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...UNICODE_SAMPLES),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.string({ maxLength: 6 }),
);

/** Blanks as Excel delivers them: null, "", whitespace, and 0 from old desktop builds. */
const BLANKS: readonly unknown[] = [null, undefined, "", " ", "\u3000", 0];
export const blank: fc.Arbitrary<unknown> = fc.constantFrom(...BLANKS);

const ERROR_CODES = ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#NAME?", "#REF!"] as const;
const ERROR_LITERALS: readonly string[] = [
  ...ERROR_CODES,
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#PYTHON!",
  " #n/a ",
  "#value!",
];

/** An error cell: the runtime's CustomFunctions.Error, an Excel.ErrorCellValue-like object or the literal text. */
const errorCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(fc.constantFrom(...ERROR_CODES), fc.option(fc.constantFrom("boom", "", "a message"))).map(
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the runtime's ErrorCode values are these very strings ("#VALUE!" …)
    ([code, message]) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode, message ?? undefined),
  ),
  fc.constantFrom(...ERROR_LITERALS),
  fc.constantFrom(
    { type: "Error", errorType: "NotAvailable", basicValue: "#N/A" },
    { type: "Error", errorType: "Div0" },
    { type: "Error" },
  ),
);

/** Objects only the command line's xlsx reader produces (dates, incl. an invalid one). */
const hostObject: fc.Arbitrary<unknown> = fc.constantFrom(new Date(Date.UTC(2025, 0, 15)), new Date(NaN), {}, []);

export interface CellMix {
  numbers?: number;
  numericText?: number;
  nearMiss?: number;
  text?: number;
  blank?: number;
  error?: number;
  boolean?: number;
  host?: number;
}

/** Any cell, with weights per kind (0 leaves a kind out). */
export function cellOf(mix: CellMix = {}): fc.Arbitrary<unknown> {
  const w = { numbers: 6, numericText: 2, nearMiss: 1, text: 1, blank: 2, error: 1, boolean: 1, host: 0.2, ...mix };
  const parts: fc.WeightedArbitrary<unknown>[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<unknown>) => {
    if (weight > 0) parts.push({ arbitrary, weight: Math.round(weight * 10) });
  };
  add(w.numbers, anyNumber);
  add(
    w.numericText,
    numericText.map((n) => n.text),
  );
  add(w.nearMiss, nearMiss);
  add(w.text, unicodeText);
  add(w.blank, blank);
  add(w.error, errorCell);
  add(w.boolean, fc.boolean());
  add(w.host, hostObject);
  return fc.oneof(...parts);
}

export const anyCell = cellOf();

// ---------------------------------------------------------------------------------------------
// Ranges

/** One shape of range around cells: column N×1, row 1×N, 1×1, a bare value, empty, ragged, 2-D. */
export function rangeOf(cell: fc.Arbitrary<unknown>, maxLength = 8): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.array(cell, { minLength: 1, maxLength }).map((xs) => xs.map((x) => [x])), weight: 6 },
    { arbitrary: fc.array(cell, { minLength: 1, maxLength }).map((xs) => [xs]), weight: 3 },
    { arbitrary: cell.map((x) => [[x]]), weight: 2 },
    { arbitrary: cell, weight: 1 },
    { arbitrary: fc.constantFrom([], [[]], [[], []]), weight: 1 },
    { arbitrary: fc.array(fc.array(cell, { maxLength: 3 }), { minLength: 1, maxLength: 4 }), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 3 }))
        .chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
      weight: 1,
    },
  );
}

/**
 * Two (or more) vector arguments that usually have the same length and orientation (so that
 * the call gets past the size check), sometimes not.
 */
export function alignedVectors(cells: readonly fc.Arbitrary<unknown>[], maxLength = 8): fc.Arbitrary<unknown[]> {
  const same = fc
    .tuple(fc.integer({ min: 1, max: maxLength }), fc.constantFrom("column", "row"))
    .chain(([n, orientation]) =>
      fc.tuple(
        ...cells.map((c) =>
          fc.array(c, { minLength: n, maxLength: n }).map((xs) => (orientation === "column" ? xs.map((x) => [x]) : [xs])),
        ),
      ),
    );
  const any = fc.tuple(...cells.map((c) => rangeOf(c, maxLength)));
  return fc.oneof({ arbitrary: same, weight: 4 }, { arbitrary: any, weight: 1 });
}

/** An omitted optional argument, as the different hosts deliver it. */
export const omitted: fc.Arbitrary<unknown> = fc.constantFrom(undefined, null, [[null]], [[undefined]], [[""]], "");

/** An optional scalar argument: omitted, a plausible value, or anything. */
export function optionalScalar(plausible: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: omitted, weight: 4 },
    { arbitrary: plausible, weight: 4 },
    { arbitrary: plausible.map((x) => [[x]]), weight: 1 },
    { arbitrary: anyCell, weight: 1 },
    { arbitrary: rangeOf(anyCell, 3), weight: 1 },
  );
}

export const localeArg = optionalScalar(fc.constantFrom("en", "zh", "zh-CN", "ZH", " en ", "中文", "fr", "english"));

// ---------------------------------------------------------------------------------------------
// Customers

/** The same customers spelled with different case and spaces, plus a few others. */
export const CUSTOMER_POOL: readonly string[] = [
  "Acme",
  "acme ",
  " ACME",
  "ACME\u00a0",
  "Beta",
  "beta",
  "Gamma Ltd",
  "gamma ltd  ",
  "华东精密",
  " 华东精密 ",
  "Ｄｅｌｔａ",
  "Eta",
  "Zeta",
];

export const customerCell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...CUSTOMER_POOL), weight: 8 },
  { arbitrary: blank, weight: 1 },
  { arbitrary: anyCell, weight: 1 },
);

/** Shuffles with a seed: a permutation as fast-check shrinks it. */
export function permute<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((e) => e.x);
}

// ---------------------------------------------------------------------------------------------
// Valid numeric cells with the number they mean (for invariants)

export interface NumberCell {
  readonly cell: unknown;
  readonly value: number;
}

/** A finite number (extremes included) as a number or as numeric text. */
export function finiteNumberCell(min = -Number.MAX_VALUE, max = Number.MAX_VALUE): fc.Arbitrary<NumberCell> {
  const inRange = (x: number) => x >= min && x <= max;
  const specials = SPECIAL_NUMBERS.filter((x) => Number.isFinite(x) && inRange(x));
  const plain = fc.oneof(
    { arbitrary: fc.constantFrom(...specials), weight: 2 },
    { arbitrary: fc.integer({ min: Math.max(-1000, Math.ceil(min)), max: Math.min(1000, Math.floor(max)) }), weight: 3 },
    { arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), weight: 2 },
  );
  return fc.oneof(
    { arbitrary: plain.map((x) => ({ cell: x, value: x === 0 ? 0 : x })), weight: 4 },
    { arbitrary: numericText.filter((n) => inRange(n.value)).map((n) => ({ cell: n.text, value: n.value })), weight: 1 },
  );
}

/** A row of the two-axis functions: both values, both blank, or both 0 (old builds' blanks). */
export function pairRow(a: fc.Arbitrary<NumberCell>, b: fc.Arbitrary<NumberCell>): fc.Arbitrary<[NumberCell | null, NumberCell | null]> {
  return fc.oneof(
    { arbitrary: fc.tuple(a, b), weight: 8 },
    {
      arbitrary: fc.constantFrom<[NumberCell | null, NumberCell | null]>(
        [null, null],
        [
          { cell: "", value: NaN },
          { cell: null, value: NaN },
        ],
        [
          { cell: 0, value: 0 },
          { cell: 0, value: 0 },
        ],
      ),
      weight: 1,
    },
  );
}

/**
 * A number in [min, max] written as text in one of the accepted forms (plain, padded,
 * full-width, with "+", as a percent), with the number the text means. Cheaper than filtering
 * numericText for narrow ranges.
 */
export function numericTextIn(min: number, max: number): fc.Arbitrary<NumberCell> {
  return fc
    .tuple(
      fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true }).map((x) => Math.round(x * 1000) / 1000),
      ),
      fc.constantFrom("plain", "padded", "fullWidth", "plus", "zeros", "percent", "nbsp"),
    )
    .map(([x, form]) => {
      const s = String(x);
      switch (form) {
        case "padded":
          return { cell: `  ${s} `, value: x };
        case "fullWidth":
          return { cell: toFullWidth(s), value: x };
        case "plus":
          return { cell: `+${s}`, value: x };
        case "zeros":
          return { cell: Number.isInteger(x) ? `${s}.00` : `${s}0`, value: x };
        case "percent": {
          const p = String(Math.round(x * 100000) / 1000);
          return { cell: `${p}%`, value: Number(p) / 100 };
        }
        case "nbsp":
          return { cell: `\u00a0${s}\u3000`, value: x };
        default:
          return { cell: s, value: x };
      }
    })
    .filter((n) => n.value >= min && n.value <= max);
}
