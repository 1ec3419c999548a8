/**
 * Exact decimal arithmetic for the rare comparisons that floating point cannot settle: is
 * the share held by the customers above this one below the threshold? Users mean the decimal
 * numbers they typed (0.8, 1234.56), so each double is read back as its shortest decimal
 * text, which is exactly what Excel displays. Only used inside a 1e-12 band around a border,
 * so its BigInt cost is paid a handful of times per call, not per row.
 */
export interface Decimal {
  /** value = mantissa × 10^exponent */
  readonly mantissa: bigint;
  readonly exponent: number;
}

export function decimalOf(x: number): Decimal {
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/.exec(s);
  if (!m) throw new Error(`not a finite number: ${s}`);
  const [, sign, int, frac = "", exp = "0"] = m;
  const mantissa = BigInt(sign + int + frac);
  return { mantissa, exponent: Number(exp) - frac.length };
}

function align(a: Decimal, e: number): bigint {
  return a.mantissa * 10n ** BigInt(a.exponent - e);
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const e = Math.min(a.exponent, b.exponent);
  return { mantissa: align(a, e) + align(b, e), exponent: e };
}

export function mulDecimal(a: Decimal, b: Decimal): Decimal {
  return { mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent };
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const e = Math.min(a.exponent, b.exponent);
  const x = align(a, e);
  const y = align(b, e);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function exactSum(values: ArrayLike<number>, from = 0, to = values.length): Decimal {
  let acc: Decimal = { mantissa: 0n, exponent: 0 };
  for (let i = from; i < to; i++) acc = addDecimal(acc, decimalOf(values[i]));
  return acc;
}
